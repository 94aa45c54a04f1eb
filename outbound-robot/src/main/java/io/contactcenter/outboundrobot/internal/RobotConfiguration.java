package io.contactcenter.outboundrobot.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.asrtts.ReplyClassifier;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.outboundrobot.DialogueScripts;
import io.contactcenter.pbx.CallControl;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

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
      RobotProperties properties,
      ObjectProvider<Clock> clock) {
    return new RobotCallHandler(
        attempts,
        scripts,
        tts,
        asr,
        classifier,
        events,
        properties,
        clock.getIfAvailable(Clock::systemUTC));
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
