package io.contactcenter.app.events;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/** The cluster's look for event deliveries no instance finished (ADR 0059). */
@Configuration(proxyBeanMethods = false)
class EventRedeliveryConfiguration {

  /** The advisory lock's key: "cc-events" in ASCII, apart from every other lock of the app. */
  private static final long LOCK_KEY = 0x63632d6576656e74L;

  @Bean
  StaleEventRedelivery staleEventRedelivery(
      ObjectProvider<IncompleteEventPublications> publications, EventRedeliveryProperties config) {
    return new StaleEventRedelivery(
        Optional.ofNullable(publications.getIfAvailable()), config, Clock.systemUTC());
  }

  @Bean
  StaleEventRedeliveryLoop staleEventRedeliveryLoop(
      StaleEventRedelivery redelivery, DataSource dataSource, EventRedeliveryProperties config) {
    return new StaleEventRedeliveryLoop(
        redelivery, new OneInstanceAtATime(dataSource, LOCK_KEY), config.check());
  }
}
