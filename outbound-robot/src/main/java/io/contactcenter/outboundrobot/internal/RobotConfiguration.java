package io.contactcenter.outboundrobot.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.asrtts.ReplyClassifier;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.outboundrobot.DialogueScripts;
import io.contactcenter.pbx.CallControl;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the outbound robot. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RobotProperties.class)
class RobotConfiguration {

  @Bean
  DialogueScripts dialogueScripts(
      JdbcClient jdbc, SpeechSynthesizer tts, ObjectProvider<Clock> clock) {
    return new StoredDialogueScripts(
        new YamlDialogueScripts(), jdbc, tts, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  JdbcRobotAttempts jdbcRobotAttempts(JdbcClient jdbc, ObjectMapper json) {
    return new JdbcRobotAttempts(jdbc, json);
  }

  @Bean
  RobotCallHandler robotCallHandler(
      JdbcRobotAttempts attempts,
      DialogueScripts scripts,
      SpeechSynthesizer tts,
      SpeechRecognizer asr,
      ReplyClassifier classifier,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      RobotProperties properties,
      ObjectProvider<Clock> clock,
      ObjectProvider<MeterRegistry> meters) {
    return new RobotCallHandler(
        attempts,
        scripts,
        tts,
        asr,
        classifier,
        inTransaction(events, transactions),
        properties,
        clock.getIfAvailable(Clock::systemUTC),
        meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  UnansweredTransferHandler unansweredTransferHandler(
      JdbcRobotAttempts attempts,
      DialogueScripts scripts,
      SpeechSynthesizer tts,
      ApplicationEventPublisher events,
      RobotProperties properties,
      ObjectProvider<Clock> clock) {
    return new UnansweredTransferHandler(
        attempts, scripts, tts, events, properties, clock.getIfAvailable(Clock::systemUTC));
  }

  /**
   * The robot's results are published from call threads, outside any transaction; publishing them
   * in one puts them in the event publication registry (the outbox), which is what sends them on to
   * Kafka ({@code cc.robot.dialogue-completed.v1}) and re-sends after a crash.
   */
  static ApplicationEventPublisher inTransaction(
      ApplicationEventPublisher events, PlatformTransactionManager transactions) {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    return event -> tx.executeWithoutResult(status -> events.publishEvent(event));
  }

  @Bean
  RobotService robotService(
      JdbcRobotAttempts attempts,
      DialogueScripts scripts,
      CallControl calls,
      RobotProperties properties,
      ObjectProvider<Clock> clock) {
    return new RobotService(
        attempts, scripts, calls, properties, clock.getIfAvailable(Clock::systemUTC));
  }
}
