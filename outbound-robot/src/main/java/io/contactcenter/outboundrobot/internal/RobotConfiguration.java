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
  JdbcRobotCallHistory jdbcRobotCallHistory(JdbcClient jdbc, ObjectMapper json) {
    return new JdbcRobotCallHistory(jdbc, json);
  }

  @Bean
  AttemptFacts attemptFacts(
      JdbcRobotAttempts attempts,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock) {
    return new AttemptFacts(attempts, events, transactions, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  RobotCallHandler robotCallHandler(
      JdbcRobotAttempts attempts,
      AttemptFacts facts,
      DialogueScripts scripts,
      SpeechSynthesizer tts,
      SpeechRecognizer asr,
      ReplyClassifier classifier,
      RobotProperties properties,
      ObjectProvider<Clock> clock,
      ObjectProvider<MeterRegistry> meters) {
    return new RobotCallHandler(
        attempts,
        scripts,
        tts,
        asr,
        classifier,
        facts::publish,
        properties,
        clock.getIfAvailable(Clock::systemUTC),
        meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  UnansweredTransferHandler unansweredTransferHandler(
      JdbcRobotAttempts attempts,
      JdbcRobotCallHistory history,
      DialogueScripts scripts,
      SpeechSynthesizer tts,
      AttemptFacts facts,
      RobotProperties properties,
      ObjectProvider<Clock> clock) {
    // The robot's results are published from call threads, outside any transaction; AttemptFacts
    // publishes each in one, which puts it in the event publication registry (the outbox): that
    // is what sends it on to Kafka and re-sends it after a crash.
    return new UnansweredTransferHandler(
        attempts,
        history,
        scripts,
        tts,
        facts::publish,
        properties,
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  RobotService robotService(
      JdbcRobotAttempts attempts,
      JdbcRobotCallHistory history,
      AttemptFacts facts,
      DialogueScripts scripts,
      CallControl calls,
      RobotProperties properties,
      ObjectProvider<Clock> clock) {
    return new RobotService(
        attempts,
        history,
        facts,
        scripts,
        calls,
        properties,
        clock.getIfAvailable(Clock::systemUTC));
  }
}
