package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.CallControl;
import io.contactcenter.pbx.Softphones;
import io.contactcenter.pbx.spi.CallHandler;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.asteriskjava.fastagi.AgiScript;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the Asterisk edge. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PbxProperties.class)
class PbxConfiguration {

  private static final Pattern SCRIPT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  @Bean
  SpoolCallRecordings callRecordings(PbxProperties properties) {
    return new SpoolCallRecordings(properties.recordings().dir());
  }

  @Bean
  JdbcCallDetailRecords jdbcCallDetailRecords(JdbcClient jdbc) {
    return new JdbcCallDetailRecords(jdbc);
  }

  @Bean
  CallEventDispatcher callEventDispatcher(
      ApplicationEventPublisher events,
      JdbcCallDetailRecords records,
      PlatformTransactionManager transactionManager) {
    return new CallEventDispatcher(events, records, new TransactionTemplate(transactionManager));
  }

  @Bean
  AmiConnectionSupervisor amiConnectionSupervisor(
      PbxProperties properties, CallEventDispatcher dispatcher, ObjectProvider<Clock> clock) {
    Clock c = clock.getIfAvailable(Clock::systemUTC);
    return new AmiConnectionSupervisor(properties.ami(), new AmiEventTranslator(dispatcher, c), c);
  }

  /** The agents' browser softphones (ADR 0013). */
  @Bean
  Softphones softphones(
      AmiConnectionSupervisor supervisor, PbxProperties properties, ObjectProvider<Clock> clock) {
    return new GeneratedConfigSoftphones(
        GeneratedConfigSoftphones.overAmi(supervisor, properties.ami().actionTimeout().toMillis()),
        properties.softphones(),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean("ami")
  AmiHealthIndicator amiHealthIndicator(AmiConnectionSupervisor supervisor) {
    return new AmiHealthIndicator(supervisor);
  }

  @Bean
  CallControl callControl(AmiConnectionSupervisor supervisor, PbxProperties properties) {
    return new AmiCallControl(supervisor, properties);
  }

  @Bean
  io.contactcenter.pbx.AgentPhones agentPhones(
      AmiConnectionSupervisor supervisor, PbxProperties properties) {
    return new AmiAgentPhones(supervisor, properties);
  }

  @Bean
  io.contactcenter.pbx.CallMonitoring callMonitoring(
      AmiConnectionSupervisor supervisor, PbxProperties properties) {
    return new AmiCallMonitoring(supervisor, properties);
  }

  @Bean
  AudioSocketServer audioSocketServer(PbxProperties properties) {
    return new AudioSocketServer(properties.audiosocket());
  }

  /** Starts the SIP media endpoint only when enabled (otherwise no SIP stack, no UDP port). */
  @Bean
  MediaTransports mediaTransports(PbxProperties properties, AudioSocketServer audioSocket) {
    PbxProperties.Media media = properties.media();
    Optional<SipMediaEndpoint> sip =
        media.sipEnabled() ? Optional.of(new SipMediaEndpoint(media.sip())) : Optional.empty();
    return new MediaTransports(media.transport(), audioSocket, sip);
  }

  @Bean
  FastAgiServer fastAgiServer(
      PbxProperties properties, List<CallHandler> handlers, MediaTransports media)
      throws IOException {
    Map<String, AgiScript> scripts = new HashMap<>();
    for (CallHandler handler : handlers) {
      String name = handler.script();
      if (name == null || !SCRIPT_NAME.matcher(name).matches()) {
        throw new IllegalStateException(
            "CallHandler "
                + handler.getClass().getName()
                + " has an invalid script name '"
                + name
                + "': use lower-case letters, digits and '-'");
      }
      if (scripts.put(name, new GuardedAgiScript(handler, properties.fallback(), media)) != null) {
        throw new IllegalStateException("two CallHandlers claim the AGI script '" + name + "'");
      }
    }
    return new FastAgiServer(properties.fastagi(), new AllowListMappingStrategy(scripts));
  }
}
