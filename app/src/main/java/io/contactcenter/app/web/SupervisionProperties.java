package io.contactcenter.app.web;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * Supervisors' tools (ADR 0018), under {@code cc.supervision}.
 *
 * @param monitorRingTimeout how long the supervisor's phone rings for listen, whisper or barge
 * @param reportZone the center's time zone: where the reports' days begin and end (ADR 0021)
 */
@Validated
@ConfigurationProperties("cc.supervision")
record SupervisionProperties(
    @NotNull @DurationMin(seconds = 1) @DefaultValue("30s") Duration monitorRingTimeout,
    @NotNull @DefaultValue("Asia/Shanghai") ZoneId reportZone) {

  @Configuration(proxyBeanMethods = false)
  @org.springframework.boot.context.properties.EnableConfigurationProperties(
      SupervisionProperties.class)
  static class Enable {}
}
