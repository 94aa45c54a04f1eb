package io.contactcenter.app.events;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When an event delivery that no instance finished is sent again without waiting for a restart
 * ({@link StaleEventRedelivery}).
 *
 * @param redeliverAfter how old an unfinished delivery is before it is sent again: longer than any
 *     listener runs, so a delivery still running on a live instance is not sent twice
 * @param check how often the instances look (one at a time, under a PostgreSQL advisory lock)
 * @param backoffLimit the longest wait between two sends of the same delivery; the wait doubles
 *     from {@code redeliverAfter} after each send that did not finish it
 */
@Validated
@ConfigurationProperties("cc.events")
public record EventRedeliveryProperties(
    @NotNull @DefaultValue("5m") Duration redeliverAfter,
    @NotNull @DefaultValue("1m") Duration check,
    @NotNull @DefaultValue("1h") Duration backoffLimit) {

  public EventRedeliveryProperties {
    if (redeliverAfter != null && !redeliverAfter.isPositive()) {
      throw new IllegalArgumentException(
          "cc.events.redeliver-after must be positive, not " + redeliverAfter);
    }
    if (check != null && !check.isPositive()) {
      throw new IllegalArgumentException("cc.events.check must be positive, not " + check);
    }
    if (backoffLimit != null
        && redeliverAfter != null
        && backoffLimit.compareTo(redeliverAfter) < 0) {
      throw new IllegalArgumentException(
          "cc.events.backoff-limit ("
              + backoffLimit
              + ") must not be shorter than cc.events.redeliver-after ("
              + redeliverAfter
              + ")");
    }
  }
}
