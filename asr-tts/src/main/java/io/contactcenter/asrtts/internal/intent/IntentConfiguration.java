package io.contactcenter.asrtts.internal.intent;

import io.contactcenter.asrtts.ReplyClassifier;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the reply-intent classifier. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntentProperties.class)
class IntentConfiguration {

  @Bean
  ReplyClassifier replyClassifier(IntentProperties properties, ObjectProvider<Clock> clock) {
    return new HybridReplyClassifier(properties, clock.getIfAvailable(Clock::systemUTC));
  }
}
