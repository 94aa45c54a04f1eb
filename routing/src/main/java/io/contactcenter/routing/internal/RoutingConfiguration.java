package io.contactcenter.routing.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.common.OpeningHours;
import io.contactcenter.pbx.AgentPhones;
import io.contactcenter.pbx.CallControl;
import io.contactcenter.pbx.LiveChannels;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.QueueSettings;
import io.contactcenter.routing.internal.domain.ClickToCallPolicy;
import io.contactcenter.routing.internal.domain.QueueId;
import io.contactcenter.routing.spi.NumberScreening;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the ACD: queues and agents from PostgreSQL, presence in Redis, one routing engine. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingProperties.class)
class RoutingConfiguration {

  // CallControl names calls by what follows "cc-" in their channel id.
  private static final String RING_ATTEMPT_PREFIX =
      AgentPhones.callIdOf("").substring("cc-".length());

  @Bean
  JdbcAgents jdbcAgents(JdbcClient jdbc, PlatformTransactionManager transactions) {
    return new JdbcAgents(jdbc, new TransactionTemplate(transactions));
  }

  @Bean
  JdbcContacts routingContacts(JdbcClient jdbc) {
    return new JdbcContacts(jdbc);
  }

  @Bean
  JdbcTakeoverReads routingTakeoverReads(JdbcClient jdbc) {
    return new JdbcTakeoverReads(jdbc);
  }

  @Bean
  JdbcConsults routingConsults(JdbcClient jdbc) {
    return new JdbcConsults(jdbc);
  }

  @Bean
  VoiceOffers voiceOffers(
      AgentPhones phones,
      JdbcAgents agents,
      JdbcContacts contacts,
      PlatformTransactionManager transactions,
      StringRedisTemplate redis,
      RoutingProperties config) {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    return new VoiceOffers(
        phones,
        agents,
        config.ringTimeout(),
        config.callbackRingTimeout(),
        (contact, agent, ring) ->
            Boolean.TRUE.equals(
                tx.execute(status -> contacts.callbackRinging(contact, agent, ring))),
        (contact, agent, ring) ->
            Boolean.TRUE.equals(tx.execute(status -> contacts.callRinging(contact, agent, ring))),
        new RedisHoldChannels(redis));
  }

  @Bean
  AgentClickToCall clickToCall(
      AgentDesk desk,
      AgentDirectory directory,
      ObjectProvider<NumberScreening> screening,
      AgentPhones phones,
      RoutingProperties config,
      ObjectProvider<Clock> clock) {
    return new AgentClickToCall(
        desk,
        directory,
        Optional.ofNullable(screening.getIfAvailable()),
        phones,
        new ClickToCallPolicy(config.clickToCallInterval()),
        config.clickToCallCallerId(),
        config.ringTimeout(),
        config.callbackRingTimeout(),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  RouteCallHandler routeCallHandler(
      RoutingFront.Api routing, VoiceOffers voice, RoutingProperties config) {
    return new RouteCallHandler(routing, voice, config.announceEvery());
  }

  @Bean
  RoutingLeadership routingLeadership(DataSource dataSource, RoutingProperties config) {
    return new RoutingLeadership(dataSource, config.lead(), config.leaderCheck());
  }

  /**
   * The routing API other modules use (ContactRouting, AgentDesk): this instance's engine while it
   * leads, else forwarded to the one that does (ADR 0030).
   */
  @Bean
  @Primary
  RoutingFront.Api routingApi(
      RoutingEngine engine,
      RoutingLeadership leadership,
      ObjectMapper json,
      StringRedisTemplate redis,
      RoutingProperties config,
      ObjectProvider<IncompleteEventPublications> incomplete,
      ObjectProvider<Clock> clock) {
    RoutingFront front =
        new RoutingFront(
            engine,
            leadership,
            new RoutingCalls(json),
            redis,
            config.forwardTimeout(),
            new LeftoverRoutingEvents(
                Optional.ofNullable(incomplete.getIfAvailable()),
                clock.getIfAvailable(Clock::systemUTC)));
    leadership.onTerms(front);
    return front.api();
  }

  @Bean
  VoiceCallEvents voiceCallEvents(RoutingEngine engine, VoiceOffers voice, AgentPhones phones) {
    return new VoiceCallEvents(engine, voice, phones);
  }

  @Bean
  JdbcContactReports contactReports(JdbcClient jdbc) {
    return new JdbcContactReports(jdbc);
  }

  /** The presence history (ADR 0029): written as routing announces changes, read by reports. */
  @Bean
  JdbcAgentStateLog agentStateLog(JdbcClient jdbc, ObjectProvider<Clock> clock) {
    return new JdbcAgentStateLog(jdbc, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  JdbcQueues jdbcQueues(JdbcClient jdbc, ObjectMapper json) {
    return new JdbcQueues(jdbc, json);
  }

  @Bean
  RoutingQueues routingQueues(
      JdbcQueues queues,
      RoutingEngine engine,
      PlatformTransactionManager transactions,
      StringRedisTemplate redis,
      RoutingProperties config) {
    return new RoutingQueues(
        queues, engine, new TransactionTemplate(transactions), redis, config.queueRefresh());
  }

  /** Receives queue changes saved on any instance (its own subscriber connection). */
  @Bean
  RedisMessageListenerContainer routingQueueListener(
      RedisConnectionFactory connections, RoutingQueues queues) {
    var container = new RedisMessageListenerContainer();
    container.setConnectionFactory(connections);
    container.addMessageListener(queues, new ChannelTopic(RoutingQueues.CHANNEL));
    return container;
  }

  @Bean
  RoutingEngine routingEngine(
      JdbcContacts contacts,
      JdbcTakeoverReads takeoverReads,
      JdbcConsults consults,
      JdbcQueues queues,
      JdbcAgents agents,
      StringRedisTemplate redis,
      ObjectProvider<OfferListener> offerListeners,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      RoutingProperties config,
      CallControl calls,
      AgentPhones phones,
      VoiceOffers voice,
      RoutingLeadership leadership,
      ObjectProvider<Clock> clock) {
    List<QueueSettings> stored = queues.all();
    Map<QueueId, OpeningHours> hours = new HashMap<>();
    for (QueueSettings q : stored) {
      QueueSettingsCheck.hours(q).ifPresent(h -> hours.put(new QueueId(q.id()), h));
    }
    return new RoutingEngine(
        stored.stream().map(QueueSettingsCheck::definition).toList(),
        hours,
        agents,
        contacts,
        takeoverReads,
        consults,
        new RedisAgentPresence(redis),
        List.copyOf(offerListeners.orderedStream().toList()),
        events,
        new TransactionTemplate(transactions),
        config,
        new CallbackAttempts.CallbackRecovery() {
          @Override
          public Set<String> liveRings() {
            // An agent's ring has the channel id AgentPhones.callIdOf(ring): "cc-ring-<ring>".
            return calls.activeAttemptIds().stream()
                .filter(id -> id.startsWith(RING_ATTEMPT_PREFIX))
                .map(id -> id.substring(RING_ATTEMPT_PREFIX.length()))
                .collect(Collectors.toSet());
          }

          @Override
          public boolean isOurs(String ringId) {
            return voice.isOurs(ringId);
          }
        },
        leadership::instanceId,
        new RoutingTakeover.LiveCalls() {
          @Override
          public LiveChannels channels() {
            return calls.liveChannels();
          }

          @Override
          public boolean connecting() {
            return calls.isConnecting();
          }
        },
        phones::stopRinging,
        voice,
        clock.getIfAvailable(Clock::systemUTC));
  }
}
