package io.contactcenter.onlinechat.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Online chat settings ({@code cc.chat}, docs/configuration.md).
 *
 * @param sites the shops that embed the widget, by site id
 * @param visitorKey HMAC key signing visitor tokens; empty: a random key per start (visitors of an
 *     earlier run then start a new conversation)
 * @param maxMessageChars a longer message is refused, naming the limit
 * @param answerThreshold the bot answers at or above this FAQ score
 * @param clarifyThreshold the bot offers choices at or above this score, below it asks to rephrase
 * @param margin how far the best FAQ must lead the second for a direct answer
 * @param minScore the least FAQ score that answers when it leads the second by {@code clearLead}
 * @param clearLead the lead over the second FAQ that lets a modest score answer
 * @param meaning how much the bot matches by meaning (sentence embeddings) beside words, by
 *     language tag; defaults in {@link #DEFAULT_MEANING}, tuned on the labelled set's tune rows
 * @param synonyms the bot's synonym lexicon by language tag, a resource location ({@code
 *     classpath:…} or {@code file:…}); defaults in {@link #DEFAULT_SYNONYMS} (zh: the shipped
 *     e-commerce lexicon), an empty value: words only (ADR 0048 addendum)
 * @param pollWait how long a fallback (long-poll) read waits for a new message
 * @param maxMessagesPerSecond a visitor sending faster is refused and told so
 * @param queues the routing queue a handed-over chat waits in, by language tag ({@code en}, {@code
 *     zh}); defaults {@code chat-en} and {@code chat-zh} (skills {@code en} and {@code zh})
 * @param vipTiers customer tiers (from the shop's identity token, any case) whose chats go ahead of
 *     others in routing
 * @param handoffTimeout a chat waiting longer for an agent becomes a ticket
 * @param queueUpdateInterval how often a waiting visitor's place and expected wait are checked (and
 *     pushed to them when they changed)
 * @param agentResync how often each agent's live chat stream checks which chats are the agent's
 *     (following new ones, dropping ended ones) and sends a keep-alive; the push itself is
 *     immediate, this only repairs a lost notice
 * @param maxImageBytes a larger image is refused (413), naming the limit
 * @param maxImagePixels an image with more pixels (width x height, read from its header before
 *     decoding) is refused (413)
 * @param knowledgeBaseCheck how often an instance compares the stored knowledge base version with
 *     the one its bot was built at, making up for a change announcement (Redis {@code cc:chat:kb})
 *     it missed; changes normally arrive at once (ADR 0058)
 */
@ConfigurationProperties("cc.chat")
record ChatProperties(
    @DefaultValue Map<String, Site> sites,
    @DefaultValue("") String visitorKey,
    @DefaultValue("2000") int maxMessageChars,
    @DefaultValue("0.45") double answerThreshold,
    @DefaultValue("0.30") double clarifyThreshold,
    @DefaultValue("0.05") double margin,
    @DefaultValue("0.20") double minScore,
    @DefaultValue("0.08") double clearLead,
    @DefaultValue("25s") Duration pollWait,
    @DefaultValue("5") int maxMessagesPerSecond,
    @DefaultValue Map<String, String> queues,
    @DefaultValue("vip") List<String> vipTiers,
    @DefaultValue("10m") Duration handoffTimeout,
    @DefaultValue("5000000") int maxImageBytes,
    @DefaultValue("25000000") long maxImagePixels,
    @DefaultValue("3s") Duration queueUpdateInterval,
    @DefaultValue("15s") Duration agentResync,
    @DefaultValue Map<String, Meaning> meaning,
    @DefaultValue Map<String, String> synonyms,
    @DefaultValue("10s") Duration knowledgeBaseCheck) {

  static final Map<String, String> DEFAULT_QUEUES = Map.of("en", "chat-en", "zh", "chat-zh");

  /** Chosen on the tune rows of online-chat's labelled set (docs/benchmarks.md, ADR 0033). */
  static final Map<String, Meaning> DEFAULT_MEANING =
      Map.of("zh", new Meaning(0.8, 0.6, null, null), "en", new Meaning(0.7, 0.7, null, null));

  /** The shipped lexicons (ADR 0048 addendum); English has none. */
  static final Map<String, String> DEFAULT_SYNONYMS =
      Map.of("zh", "classpath:chat/synonyms-zh.txt");

  ChatProperties {
    sites = Map.copyOf(sites);
    Map<String, String> merged = new java.util.HashMap<>(DEFAULT_QUEUES);
    merged.putAll(queues);
    queues = Map.copyOf(merged);
    vipTiers = List.copyOf(vipTiers);
    Map<String, Meaning> meanings = new java.util.HashMap<>(DEFAULT_MEANING);
    meanings.putAll(meaning);
    meaning = Map.copyOf(meanings);
    Map<String, String> lexicons = new java.util.HashMap<>(DEFAULT_SYNONYMS);
    lexicons.putAll(synonyms);
    synonyms = Map.copyOf(lexicons);
    if (handoffTimeout.isNegative() || handoffTimeout.isZero()) {
      throw new IllegalArgumentException(
          "cc.chat.handoff-timeout must be positive, got " + handoffTimeout);
    }
    if (queueUpdateInterval.toMillis() < 100) {
      throw new IllegalArgumentException(
          "cc.chat.queue-update-interval must be at least 100ms, got " + queueUpdateInterval);
    }
    if (agentResync.toMillis() < 100) {
      throw new IllegalArgumentException(
          "cc.chat.agent-resync must be at least 100ms, got " + agentResync);
    }
    if (knowledgeBaseCheck.toMillis() < 1000) {
      throw new IllegalArgumentException(
          "cc.chat.knowledge-base-check must be at least 1s, got " + knowledgeBaseCheck);
    }
    if (maxMessageChars < 1 || maxMessageChars > 100_000) {
      throw new IllegalArgumentException(
          "cc.chat.max-message-chars must be 1..100000, got " + maxMessageChars);
    }
    if (maxMessagesPerSecond < 1) {
      throw new IllegalArgumentException(
          "cc.chat.max-messages-per-second must be at least 1, got " + maxMessagesPerSecond);
    }
  }

  /**
   * One shop.
   *
   * @param allowedOrigins the page origins (scheme://host[:port]) that may open chats for it; a
   *     {@code *} stands for one port or host label ({@code http://localhost:*})
   * @param identityKey HMAC-SHA256 key the shop signs customer identity tokens with; empty: only
   *     anonymous visitors
   * @param queues this shop's routing queues by language tag, instead of {@code cc.chat.queues}
   */
  record Site(
      @DefaultValue List<String> allowedOrigins,
      @DefaultValue("") String identityKey,
      @DefaultValue Map<String, String> queues) {
    Site {
      allowedOrigins = List.copyOf(allowedOrigins);
      queues = Map.copyOf(queues);
    }
  }

  /**
   * How much one language's bot matches by meaning.
   *
   * @param weight 0 (words only; the language's embedding model is then never loaded) to 1
   * @param floor the embedding cosine counted as nothing in common (0 to 1, 1 excluded)
   * @param minScore this language's {@code cc.chat.min-score} with meaning fused in; null (the
   *     default): the shared one. zh 0.15 with clear lead 0.04 hands over fewer questions but
   *     answered more wrong on the held-out rows, so it is not the default (ADR 0048)
   * @param clearLead this language's {@code cc.chat.clear-lead}; null (the default): the shared one
   */
  record Meaning(
      @DefaultValue("0") double weight,
      @DefaultValue("0.5") double floor,
      Double minScore,
      Double clearLead) {
    Meaning {
      for (Double v : new Double[] {minScore, clearLead}) {
        if (v != null && !(v >= 0 && v <= 1)) {
          throw new IllegalArgumentException(
              "cc.chat.meaning.<lang>.min-score and .clear-lead must be within 0..1, got " + v);
        }
      }
      if (!(weight >= 0 && weight <= 1) || !(floor >= 0 && floor < 1)) {
        throw new IllegalArgumentException(
            "cc.chat.meaning.<lang>.weight must be within 0..1 and .floor within 0..1 (1"
                + " excluded), got weight "
                + weight
                + " and floor "
                + floor);
      }
    }
  }
}
