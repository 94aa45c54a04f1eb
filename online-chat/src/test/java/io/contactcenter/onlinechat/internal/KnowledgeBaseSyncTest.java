package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.BotPolicy;
import io.contactcenter.onlinechat.internal.domain.FaqEntry;
import io.contactcenter.onlinechat.internal.domain.Synonyms;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Two instances' bots over one knowledge base (ADR 0058): a change saved on one is built by the
 * other once announced, or, with the announcement lost, at the other's next check of the stored
 * version; a check that finds nothing new reads only the version; an FAQ change keeps a language's
 * lexicon (its texts are not embedded again). The tables and the Redis channel are in memory here,
 * the bots are the production ones by words; KnowledgeBaseInstancesIT runs two real processes.
 */
class KnowledgeBaseSyncTest {

  /** The FAQ table in memory, counting reads. */
  static final class FaqsInMemory extends JdbcKnowledgeBase {
    final Map<ChatLanguage, List<FaqEntry>> rows = new ConcurrentHashMap<>();
    final AtomicInteger reads = new AtomicInteger();

    FaqsInMemory() {
      super(null, null);
    }

    @Override
    List<FaqEntry> enabled(ChatLanguage lang) {
      reads.incrementAndGet();
      return List.copyOf(rows.getOrDefault(lang, List.of()));
    }

    void add(FaqEntry faq) {
      List<FaqEntry> next =
          new ArrayList<>(rows.getOrDefault(ChatLanguage.of(faq.lang()), List.of()));
      next.add(faq);
      rows.put(ChatLanguage.of(faq.lang()), next);
    }
  }

  /** One app instance: its own lexicons, bot, sync and synonym editor over the shared tables. */
  final class Instance {
    final BotLexicons lexicons =
        new BotLexicons(
            BotLexicons.configured(ChatProperties.DEFAULT_SYNONYMS, new DefaultResourceLoader()));
    final IndexedFaqBot bot;
    final KnowledgeBaseSync sync;
    final ShopSynonymEditor synonyms;
    final ScheduledExecutorService background =
        Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon(true).factory());

    Instance() {
      Map<ChatLanguage, BotPolicy> policies = new EnumMap<>(ChatLanguage.class);
      for (ChatLanguage lang : ChatLanguage.values()) {
        policies.put(lang, FaqBotAccuracyTest.policy(lang));
      }
      bot = new IndexedFaqBot(faqs, lexicons, policies, Map.of(), Map.of());
      sync =
          new KnowledgeBaseSync(
              version,
              groups,
              lexicons,
              bot,
              KnowledgeBaseSyncTest.this::publish,
              background,
              Duration.ofSeconds(10),
              Clock.systemUTC());
      synonyms = new ShopSynonymEditor(groups, sync, Clock.systemUTC());
      sync.rebuild();
    }

    String answer(String text) {
      return bot.answer(text, ChatLanguage.EN).faqId();
    }
  }

  private final FaqsInMemory faqs = new FaqsInMemory();
  private final ShopSynonymsTest.GroupsInMemory groups = new ShopSynonymsTest.GroupsInMemory();
  private final ShopSynonymsTest.VersionInMemory version = new ShopSynonymsTest.VersionInMemory();
  private final List<Instance> instances = new CopyOnWriteArrayList<>();
  private volatile boolean redisUp = true;
  private Instance a;
  private Instance b;

  /** Redis pub/sub: every subscriber hears every announcement, its sender's own included. */
  private void publish(String announcement) {
    if (redisUp) {
      instances.forEach(i -> i.sync.announced(announcement));
    }
  }

  @BeforeEach
  void twoInstances() {
    faqs.add(faq("gift-wrap", "Do you offer gift wrapping?", "Yes, for 2 euros."));
    faqs.add(faq("refund-time", "How long does a refund take?", "Five working days."));
    a = new Instance();
    b = new Instance();
    instances.addAll(List.of(a, b));
  }

  @AfterEach
  void stop() {
    instances.forEach(i -> i.background.shutdownNow());
  }

  private static FaqEntry faq(String id, String question, String answer) {
    return new FaqEntry(id, "en", answer, List.of(question));
  }

  @Test
  void anFaqAddedOnOneInstanceIsAnsweredOnTheOtherOnceAnnounced() {
    assertThat(b.answer("are pets allowed in the shop")).isNotEqualTo("pets");

    faqs.add(faq("pets", "Are pets allowed in the shop?", "Dogs on a leash are welcome."));
    a.sync.changed();

    assertThat(a.answer("are pets allowed in the shop")).isEqualTo("pets");
    await("the other instance's bot rebuilt")
        .atMost(Duration.ofSeconds(30))
        .until(() -> "pets".equals(b.answer("are pets allowed in the shop")));
    assertThat(b.sync.built()).isEqualTo(version.current()).isEqualTo(a.sync.built());
  }

  @Test
  void anOutOfScopeEntryAddedOnOneInstanceIsHandedOverOnTheOther() {
    String asked = "will it rain tomorrow, do I need an umbrella for the gift wrapping";
    assertThat(b.bot.answer(asked, ChatLanguage.EN).faqId()).isEqualTo("gift-wrap");

    faqs.add(
        new FaqEntry(
            "not-ours",
            "en",
            "",
            List.of("will it rain tomorrow", "do I need an umbrella", "weather forecast"),
            true));
    a.sync.changed();

    await("the other instance hands the question over")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                b.bot.answer(asked, ChatLanguage.EN).action()
                    == io.contactcenter.onlinechat.BotReply.Action.HANDOFF);
    io.contactcenter.onlinechat.BotReply reply = b.bot.answer(asked, ChatLanguage.EN);
    assertThat(reply.faqId()).isEqualTo("gift-wrap");
    assertThat(reply.alternatives()).extracting(a -> a.faqId()).doesNotContain("not-ours");
  }

  @Test
  void aLostAnnouncementIsMadeUpByTheNextCheckAndANeedlessCheckReadsOnlyTheVersion() {
    redisUp = false;
    faqs.add(faq("pets", "Are pets allowed in the shop?", "Dogs on a leash are welcome."));
    a.sync.changed();
    assertThat(a.answer("are pets allowed in the shop")).isEqualTo("pets");
    assertThat(b.answer("are pets allowed in the shop")).isNotEqualTo("pets");

    b.sync.check();
    assertThat(b.answer("are pets allowed in the shop")).isEqualTo("pets");

    int reads = faqs.reads.get();
    a.sync.check();
    b.sync.check();
    assertThat(faqs.reads.get()).isEqualTo(reads);
  }

  @Test
  void aSynonymGroupSavedOnOneInstanceChangesTheOthersAnswerAndAnFaqEditKeepsItsLexicon() {
    assertThat(b.answer("a heart box please")).isNull();

    a.synonyms.save(ChatLanguage.EN, List.of(new Synonyms.Group("wrapping", List.of("heart box"))));

    assertThat(a.answer("a heart box please")).isEqualTo("gift-wrap");
    await("the other instance's lexicon and bot rebuilt")
        .atMost(Duration.ofSeconds(30))
        .until(() -> "gift-wrap".equals(b.answer("a heart box please")));

    // An FAQ edit: the lexicons stay the same objects, so the bot reuses its embeddings.
    BotLexicons.Lexicon en = b.lexicons.of(ChatLanguage.EN);
    BotLexicons.Lexicon zh = b.lexicons.of(ChatLanguage.ZH);
    faqs.add(faq("pets", "Are pets allowed in the shop?", "Dogs on a leash are welcome."));
    a.sync.changed();
    await("the FAQ on the other instance")
        .atMost(Duration.ofSeconds(30))
        .until(() -> "pets".equals(b.answer("are pets allowed in the shop")));
    assertThat(b.lexicons.of(ChatLanguage.EN)).isSameAs(en);
    assertThat(b.lexicons.of(ChatLanguage.ZH)).isSameAs(zh);
  }
}
