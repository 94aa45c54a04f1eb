package io.contactcenter.ivr.internal;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the IVR flows. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IvrProperties.class)
class IvrConfiguration {

  @Bean
  HotlineCallHandler hotlineCallHandler(
      IvrProperties properties, ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
    return new HotlineCallHandler(
        properties.hotline(), events, clock.getIfAvailable(Clock::systemUTC));
  }
}
