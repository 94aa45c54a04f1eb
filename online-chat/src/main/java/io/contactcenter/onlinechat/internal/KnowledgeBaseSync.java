package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.Synonyms;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;

/**
 * Keeps the bot of this instance in step with the stored knowledge base (ADR 0058). A change saved
 * here (an FAQ edit, an import, a synonym edit) raises the stored version, rebuilds this bot at
 * once and is announced on the Redis channel {@value #CHANNEL} ({@code instance|version}); every
 * other instance that hears of a version it has not built rebuilds from PostgreSQL, the one source,
 * on a thread of its own. An announcement lost while Redis is away is made up by a comparison of
 * the stored version with the built one every {@code cc.chat.knowledge-base-check} (one row read).
 */
final class KnowledgeBaseSync implements MessageListener, SmartLifecycle {

  static final String CHANNEL = "cc:chat:kb";
  private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseSync.class);

  private final JdbcKnowledgeBaseVersion versions;
  private final JdbcShopSynonyms synonyms;
  private final BotLexicons lexicons;
  private final IndexedFaqBot bot;
  private final Consumer<String> publish;
  private final ScheduledExecutorService background;
  private final Duration checkEvery;
  private final Clock clock;
  private final String instance = UUID.randomUUID().toString();

  /** The shop's groups each language's lexicon was last given (only {@link #rebuild} uses it). */
  private final Map<ChatLanguage, List<Synonyms.Group>> applied = new EnumMap<>(ChatLanguage.class);

  /** The stored version the bot was last built at; -1 before the first build. */
  private volatile long built = -1;

  private boolean running;

  /**
   * @param publish sends an announcement to the other instances (Redis; it may throw {@link
   *     DataAccessException} when Redis is away)
   * @param background runs the rebuilds other instances' changes call for, and the periodic check
   */
  KnowledgeBaseSync(
      JdbcKnowledgeBaseVersion versions,
      JdbcShopSynonyms synonyms,
      BotLexicons lexicons,
      IndexedFaqBot bot,
      Consumer<String> publish,
      ScheduledExecutorService background,
      Duration checkEvery,
      Clock clock) {
    this.versions = versions;
    this.synonyms = synonyms;
    this.lexicons = lexicons;
    this.bot = bot;
    this.publish = publish;
    this.background = background;
    this.checkEvery = checkEvery;
    this.clock = clock;
  }

  /**
   * A change of the knowledge base was committed on this instance: raises the stored version,
   * rebuilds this bot (the caller's next question is answered from the change) and tells the other
   * instances.
   */
  void changed() {
    long version = versions.raise(clock.instant());
    rebuild();
    try {
      publish.accept(instance + "|" + version);
    } catch (DataAccessException e) {
      log.warn(
          "knowledge base version {} saved, but other instances rebuild their bot only at their"
              + " next check (within {}): Redis: {}",
          version,
          checkEvery,
          e.getMessage());
    }
  }

  /**
   * Rebuilds the bot from what is stored: the shop's synonym groups (a language's lexicon is
   * replaced only when its groups changed, so its FAQ texts are embedded again only then), then
   * every language's index. The version is read first: what is read after it is at least as new.
   */
  synchronized void rebuild() {
    long version = versions.current();
    for (ChatLanguage lang : ChatLanguage.values()) {
      List<Synonyms.Group> stored = synonyms.groups(lang);
      if (!stored.equals(applied.get(lang))) {
        lexicons.own(lang, Synonyms.of(stored));
        applied.put(lang, stored);
      }
    }
    bot.reload();
    built = Math.max(built, version);
  }

  /** The stored version the bot was last built at (-1 before the first build). */
  long built() {
    return built;
  }

  /** Rebuilds when the stored version is not the one built (another instance changed it). */
  void check() {
    long stored = versions.current();
    if (stored != built) {
      rebuild();
      log.info("FAQ bot rebuilt at knowledge base version {}: changed on another instance", stored);
    }
  }

  /** Another instance (or this one) announced a version. */
  @Override
  public void onMessage(Message message, byte[] pattern) {
    announced(new String(message.getBody(), StandardCharsets.UTF_8));
  }

  /** An announcement {@code instance|version}: a newer version from elsewhere is built soon. */
  void announced(String announcement) {
    String[] parts = announcement.split("\\|");
    if (parts.length != 2 || parts[0].equals(instance)) {
      return;
    }
    long version;
    try {
      version = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      log.debug("knowledge base sync ignored a malformed announcement");
      return;
    }
    if (version > built) {
      try {
        // Not on Redis's listener thread: embedding changed texts takes up to seconds.
        background.execute(this::guardedCheck);
      } catch (RejectedExecutionException stopped) {
        log.debug("knowledge base sync stopped: announcement of version {} ignored", version);
      }
    }
  }

  private void guardedCheck() {
    try {
      check();
    } catch (RuntimeException e) {
      // The next check tries again; a thrown exception would cancel the schedule for good.
      log.warn("could not compare the FAQ bot with the stored knowledge base: {}", e.toString());
    }
  }

  @Override
  public synchronized void start() {
    // At least a second: a zero or negative setting must not spin or fail the start.
    long every = Math.max(1000, checkEvery.toMillis());
    background.scheduleWithFixedDelay(this::guardedCheck, every, every, TimeUnit.MILLISECONDS);
    running = true;
  }

  @Override
  public synchronized void stop() {
    background.shutdownNow();
    running = false;
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }
}
