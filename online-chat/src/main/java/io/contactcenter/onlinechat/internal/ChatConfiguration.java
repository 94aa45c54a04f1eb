package io.contactcenter.onlinechat.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.onlinechat.internal.domain.BotPolicy;
import io.contactcenter.onlinechat.internal.domain.HandoffPolicy;
import io.contactcenter.onlinechat.spi.AgentAccess;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Wires the online chat: channel, transports, the FAQ bot. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatProperties.class)
@EnableWebSocket
class ChatConfiguration {

  @Bean
  JdbcConversations chatConversations(JdbcClient jdbc) {
    return new JdbcConversations(jdbc);
  }

  @Bean
  JdbcChatHistory chatHistory(JdbcClient jdbc) {
    return new JdbcChatHistory(jdbc);
  }

  @Bean
  JdbcKnowledgeBase chatKnowledgeBase(JdbcClient jdbc, PlatformTransactionManager transactions) {
    return new JdbcKnowledgeBase(jdbc, new TransactionTemplate(transactions));
  }

  /** Saves FAQs as admins edit them: the FAQ editor and the cold-start review. */
  @Bean
  FaqEditor chatFaqEditor(
      JdbcKnowledgeBase knowledgeBase, KnowledgeBaseSync sync, ObjectProvider<Clock> clock) {
    return new FaqEditor(knowledgeBase, sync, clock.getIfAvailable(Clock::systemUTC));
  }

  /**
   * Keeps every instance's bot in step with the stored knowledge base: a change announced on Redis,
   * a periodic comparison of the stored version (ADR 0058).
   */
  @Bean
  KnowledgeBaseSync chatKnowledgeBaseSync(
      JdbcClient jdbc,
      JdbcShopSynonyms synonyms,
      BotLexicons lexicons,
      IndexedFaqBot bot,
      org.springframework.data.redis.core.StringRedisTemplate redis,
      ChatProperties properties,
      ObjectProvider<Clock> clock) {
    return new KnowledgeBaseSync(
        new JdbcKnowledgeBaseVersion(jdbc),
        synonyms,
        lexicons,
        bot,
        announcement -> redis.convertAndSend(KnowledgeBaseSync.CHANNEL, announcement),
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chat-kb-sync").daemon(true).factory()),
        properties.knowledgeBaseCheck(),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  JdbcOrderStatus chatOrderStatus(JdbcClient jdbc, ObjectMapper json) {
    return new JdbcOrderStatus(jdbc, json);
  }

  @Bean
  ChatOrderEventsListener chatOrderEventsListener(JdbcOrderStatus orders, ObjectMapper json) {
    return new ChatOrderEventsListener(orders, json);
  }

  /** The sentence-embedding models, loaded on first use and shared by the bot and cold start. */
  @Bean
  SentenceEncoders chatSentenceEncoders(ChatProperties properties, BotLexicons lexicons) {
    return new SentenceEncoders(properties.meaning(), lexicons.configured());
  }

  /** The configured lexicons and the shop's own synonym groups over them (ADR 0048). */
  @Bean
  BotLexicons chatBotLexicons(
      ChatProperties properties, org.springframework.core.io.ResourceLoader resources) {
    return new BotLexicons(BotLexicons.configured(properties.synonyms(), resources));
  }

  @Bean
  JdbcShopSynonyms chatShopSynonyms(JdbcClient jdbc, PlatformTransactionManager transactions) {
    return new JdbcShopSynonyms(jdbc, new TransactionTemplate(transactions));
  }

  /** Saves the shop's own synonym groups as admins edit them; the bot follows at once. */
  @Bean
  ShopSynonymEditor chatShopSynonymEditor(
      JdbcShopSynonyms store, KnowledgeBaseSync sync, ObjectProvider<Clock> clock) {
    return new ShopSynonymEditor(store, sync, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  IndexedFaqBot faqBot(
      JdbcKnowledgeBase knowledgeBase,
      ChatProperties properties,
      SentenceEncoders encoders,
      BotLexicons lexicons) {
    // A language matched by meaning may have its own min score and clear lead (ADR 0048).
    Map<io.contactcenter.onlinechat.ChatLanguage, BotPolicy> policies =
        new java.util.EnumMap<>(io.contactcenter.onlinechat.ChatLanguage.class);
    for (var lang : io.contactcenter.onlinechat.ChatLanguage.values()) {
      ChatProperties.Meaning m = properties.meaning().get(lang.tag());
      boolean own = m != null && m.weight() > 0;
      policies.put(
          lang,
          new BotPolicy(
              properties.answerThreshold(),
              properties.clarifyThreshold(),
              properties.margin(),
              own && m.minScore() != null ? m.minScore() : properties.minScore(),
              own && m.clearLead() != null ? m.clearLead() : properties.clearLead()));
    }
    return new IndexedFaqBot(knowledgeBase, lexicons, policies, encoders.all(), encoders.weights());
  }

  @Bean
  ChatFanout chatFanout() {
    return new ChatFanout();
  }

  @Bean
  RedisChatRelay chatRedisRelay(
      org.springframework.data.redis.core.StringRedisTemplate redis,
      ChatFanout fanout,
      JdbcConversations conversations) {
    return new RedisChatRelay(redis, fanout, conversations);
  }

  /** Receives the other instances' announcements (its own subscriber connection). */
  @Bean
  org.springframework.data.redis.listener.RedisMessageListenerContainer chatRedisListener(
      org.springframework.data.redis.connection.RedisConnectionFactory connections,
      RedisChatRelay relay,
      KnowledgeBaseSync knowledgeBase) {
    var container = new org.springframework.data.redis.listener.RedisMessageListenerContainer();
    container.setConnectionFactory(connections);
    container.addMessageListener(
        relay, new org.springframework.data.redis.listener.ChannelTopic(RedisChatRelay.CHANNEL));
    container.addMessageListener(
        relay,
        new org.springframework.data.redis.listener.ChannelTopic(RedisChatRelay.QUEUE_CHANNEL));
    container.addMessageListener(
        relay,
        new org.springframework.data.redis.listener.ChannelTopic(RedisChatRelay.AGENT_CHANNEL));
    container.addMessageListener(
        knowledgeBase,
        new org.springframework.data.redis.listener.ChannelTopic(KnowledgeBaseSync.CHANNEL));
    return container;
  }

  @Bean
  VisitorTokens visitorTokens(
      ChatProperties properties, ObjectMapper json, ObjectProvider<Clock> clock) {
    return new VisitorTokens(properties.visitorKey(), json, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  SiteOrigins siteOrigins(ChatProperties properties) {
    return new SiteOrigins(properties.sites());
  }

  @Bean
  ChatService chatService(
      JdbcConversations conversations,
      JdbcOrderStatus orders,
      IndexedFaqBot bot,
      ChatFanout fanout,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      ChatProperties properties,
      org.springframework.data.redis.core.StringRedisTemplate redis,
      ObjectProvider<Clock> clockProvider) {
    Clock clock = clockProvider.getIfAvailable(Clock::systemUTC);
    TransactionTemplate tx = new TransactionTemplate(transactions);
    ChatTranscript transcript = new ChatTranscript(conversations, fanout, tx, clock);
    ChatStateChanges states = new ChatStateChanges(conversations, transcript, events, tx, clock);
    return new ChatService(
        conversations,
        transcript,
        new ChatBotReplies(bot, orders, conversations, transcript, states),
        states,
        fanout,
        new VisitorRateLimit(redis, properties.maxMessagesPerSecond(), clock),
        new ImageAttachments(properties.maxImageBytes(), properties.maxImagePixels()),
        properties.maxMessageChars(),
        clock);
  }

  @Bean
  ChatHandoffs chatHandoffs(
      ChatService chat,
      io.contactcenter.routing.ContactRouting routing,
      io.contactcenter.routing.AgentDesk desk,
      io.contactcenter.tickets.TicketDesk tickets,
      ChatProperties properties,
      ObjectProvider<Clock> clock) {
    Map<String, Map<String, String>> siteQueues = new java.util.HashMap<>();
    properties.sites().forEach((id, site) -> siteQueues.put(id, site.queues()));
    return new ChatHandoffs(
        chat,
        routing,
        desk,
        tickets,
        new HandoffPolicy(properties.queues(), siteQueues, properties.vipTiers()),
        properties.handoffTimeout(),
        clock.getIfAvailable(Clock::systemUTC));
  }

  /** Who may read which conversation through the agent API. */
  @Bean
  ChatAccess chatAccess(
      ChatService chat, JdbcConversations conversations, io.contactcenter.routing.AgentDesk desk) {
    return new ChatAccess(chat, conversations, desk);
  }

  @Bean
  ChatQueuePositions chatQueuePositions(
      io.contactcenter.routing.ContactRouting routing,
      ChatService chat,
      ChatFanout fanout,
      ChatProperties properties) {
    return new ChatQueuePositions(
        routing,
        id -> {
          try {
            return java.util.Optional.of(chat.conversation(id).language());
          } catch (ChatRefusedException unknown) {
            // A chat contact another system queued through the routing API: not ours to tell.
            return java.util.Optional.empty();
          }
        },
        fanout,
        properties.queueUpdateInterval());
  }

  @Bean
  ChatRoutingEvents chatRoutingEvents(ChatHandoffs handoffs, ChatFanout fanout) {
    return new ChatRoutingEvents(handoffs, fanout);
  }

  /** The agents' live chat screens (server-sent events, ADR 0040). */
  @Bean
  AgentChatStreams agentChatStreams(
      ChatService chat,
      ChatFanout fanout,
      ObjectMapper json,
      ChatProperties properties,
      ObjectProvider<AgentAccess> access) {
    // Without an implementation (the module alone in a test), streams are not checked.
    return new AgentChatStreams(
        chat,
        fanout,
        json,
        properties.agentResync(),
        access.getIfAvailable(() -> () -> () -> true));
  }

  /**
   * One clustering job at a time on a thread of its own: it is CPU-bound and the machine serves
   * calls too. (Not an executor bean: one would replace Spring's application task executor.)
   */
  @Bean
  JdbcColdStartJobs chatColdStartStore(JdbcClient jdbc, ObjectMapper json) {
    return new JdbcColdStartJobs(jdbc, json);
  }

  @Bean(destroyMethod = "close")
  ColdStartJobs coldStartJobs(
      SentenceEncoders encoders, JdbcColdStartJobs store, ObjectProvider<Clock> clock) {
    ColdStartJobs jobs =
        new ColdStartJobs(
            ColdStartJobs.clusterers(encoders),
            store,
            java.util.concurrent.Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("chat-cold-start").daemon(true).factory()),
            clock.getIfAvailable(Clock::systemUTC),
            java.util.UUID.randomUUID().toString());
    // Heartbeats of this instance's jobs, and the take-over of interrupted ones (ADR 0048).
    jobs.tickOn(
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chat-cold-start-heartbeat").daemon(true).factory()));
    return jobs;
  }

  /** Suggested FAQs from the chat history (ADR 0024). */
  @Bean
  FaqSuggestions faqSuggestions(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      IndexedFaqBot bot,
      KnowledgeBaseSync sync,
      JdbcKnowledgeBase knowledgeBase,
      ObjectProvider<Clock> clock) {
    return new FaqSuggestions(
        jdbc,
        new TransactionTemplate(transactions),
        bot,
        sync,
        knowledgeBase,
        new io.contactcenter.onlinechat.internal.domain.FaqSuggester(
            new io.contactcenter.onlinechat.internal.domain.QuestionClusterer(
                new JiebaTokenizer(), FaqSuggestions.THRESHOLD, 2, 1)),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  ChatSocketHandler chatSocketHandler(ChatService chat, ChatFanout fanout, ObjectMapper json) {
    return new ChatSocketHandler(chat, fanout, json);
  }

  /** The visitor's socket, from the sites' origins; each handshake is checked per site too. */
  @Bean
  WebSocketConfigurer chatSockets(
      ChatSocketHandler handler, ChatService chat, VisitorTokens tokens, SiteOrigins origins) {
    return (WebSocketHandlerRegistry registry) ->
        registry
            .addHandler(handler, "/chat/ws")
            .addInterceptors(new VisitorHandshake(chat, tokens, origins))
            .setAllowedOriginPatterns(origins.allOrigins().toArray(String[]::new));
  }

  /** Browsers on the shops' pages call the visitor API cross-origin (preflight included). */
  @Bean
  WebMvcConfigurer chatCors(SiteOrigins origins) {
    return new WebMvcConfigurer() {
      @Override
      public void addCorsMappings(CorsRegistry registry) {
        registry
            .addMapping("/chat/api/**")
            .allowedOriginPatterns(origins.allOrigins().toArray(String[]::new))
            .allowedMethods("GET", "POST")
            .allowedHeaders("Content-Type", VisitorController.TOKEN_HEADER)
            .allowCredentials(false);
      }
    };
  }

  /**
   * The bot's index is built from the stored FAQs and the shop's own synonym groups once the schema
   * is migrated.
   */
  @EventListener(ApplicationReadyEvent.class)
  void buildIndex(ApplicationReadyEvent ready) {
    ready.getApplicationContext().getBean(KnowledgeBaseSync.class).rebuild();
  }
}
