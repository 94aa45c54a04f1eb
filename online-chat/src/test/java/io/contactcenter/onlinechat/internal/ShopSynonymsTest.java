package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.onlinechat.BotReply;
import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.BotPolicy;
import io.contactcenter.onlinechat.internal.domain.FaqEntry;
import io.contactcenter.onlinechat.internal.domain.Synonyms;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A shop's own synonym groups (ADR 0048 fifth addendum): saved through the editor the admin API
 * calls, they change the bot's answer at once, on the words side and in what the embedding model
 * reads. The bot is the production one (jieba, the shipped lexicon, the bge models, the default
 * weights and thresholds) over the 20 FAQs of kb/faqs.csv; only the two tables are kept in memory
 * here (PostgreSQL's side is ChatIT's).
 */
class ShopSynonymsTest {

  /** The FAQs of kb/faqs.csv, as the knowledge base's table would return them. */
  static final class KbFile extends JdbcKnowledgeBase {
    KbFile() {
      super(null, null);
    }

    @Override
    List<FaqEntry> enabled(ChatLanguage lang) {
      try {
        return FaqBotAccuracyTest.faqs(lang);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** The groups table in memory. */
  static final class GroupsInMemory extends JdbcShopSynonyms {
    final Map<ChatLanguage, List<Synonyms.Group>> rows = new EnumMap<>(ChatLanguage.class);

    GroupsInMemory() {
      super(null, null);
    }

    @Override
    List<Synonyms.Group> groups(ChatLanguage lang) {
      return rows.getOrDefault(lang, List.of());
    }

    @Override
    void replace(ChatLanguage lang, List<Synonyms.Group> groups, Instant at) {
      rows.put(lang, new ArrayList<>(groups));
    }
  }

  private final BotLexicons lexicons =
      new BotLexicons(
          BotLexicons.configured(ChatProperties.DEFAULT_SYNONYMS, new DefaultResourceLoader()));
  private final IndexedFaqBot bot = bot(lexicons);
  private final GroupsInMemory table = new GroupsInMemory();
  private final ShopSynonymEditor editor =
      new ShopSynonymEditor(
          table,
          sync(table, lexicons, bot),
          Clock.fixed(Instant.parse("2026-12-07T13:00:00Z"), ZoneOffset.UTC));

  /** The version row in memory. */
  static final class VersionInMemory extends JdbcKnowledgeBaseVersion {
    final java.util.concurrent.atomic.AtomicLong version =
        new java.util.concurrent.atomic.AtomicLong();

    VersionInMemory() {
      super(null);
    }

    @Override
    long current() {
      return version.get();
    }

    @Override
    long raise(Instant at) {
      return version.incrementAndGet();
    }
  }

  /** A bot's sync on one instance alone: nobody hears its announcements, it is never started. */
  static KnowledgeBaseSync sync(JdbcShopSynonyms table, BotLexicons lexicons, IndexedFaqBot bot) {
    return new KnowledgeBaseSync(
        new VersionInMemory(),
        table,
        lexicons,
        bot,
        announcement -> {},
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon(true).factory()),
        java.time.Duration.ofSeconds(10),
        Clock.systemUTC());
  }

  static IndexedFaqBot bot(BotLexicons lexicons) {
    Map<ChatLanguage, BotPolicy> policies = new EnumMap<>(ChatLanguage.class);
    for (ChatLanguage lang : ChatLanguage.values()) {
      policies.put(lang, FaqBotAccuracyTest.policy(lang));
    }
    IndexedFaqBot bot =
        new IndexedFaqBot(
            new KbFile(),
            lexicons,
            policies,
            FaqBotAccuracyTest.MODELS,
            FaqBotAccuracyTest.defaultMeaning());
    bot.reload();
    return bot;
  }

  private static final Synonyms.Group GIFT_BOX =
      new Synonyms.Group("礼品包装", List.of("心意盒", "heart box"));

  /**
   * A shop sells its gift wrapping as "心意盒", a word no lexicon and no model knows: the question is
   * handed over (its best FAQ is the shipping fee), answered from gift-wrap once an admin adds the
   * word to a group, and handed over again once the group is removed.
   */
  @Test
  void aShopsOwnGroupChangesTheAnswerAtOnce() {
    assertThat(bot.answer("心意盒多少钱", ChatLanguage.ZH).action()).isEqualTo(BotReply.Action.HANDOFF);

    long start = System.nanoTime();
    editor.save(ChatLanguage.ZH, List.of(GIFT_BOX));
    System.out.printf(
        "shop synonym edit: saved and re-indexed (every zh FAQ text embedded again) in %d ms%n",
        (System.nanoTime() - start) / 1_000_000);

    BotReply after = bot.answer("心意盒多少钱", ChatLanguage.ZH);
    assertThat(after.action()).isEqualTo(BotReply.Action.ANSWER);
    assertThat(after.faqId()).isEqualTo("gift-wrap");
    // A multi-word English variant of the shop's, inside Chinese, too.
    assertThat(bot.answer("要个heart box", ChatLanguage.ZH).faqId()).isEqualTo("gift-wrap");
    assertThat(editor.groups(ChatLanguage.ZH)).containsExactly(GIFT_BOX);

    editor.save(ChatLanguage.ZH, List.of());
    assertThat(bot.answer("心意盒多少钱", ChatLanguage.ZH).action()).isEqualTo(BotReply.Action.HANDOFF);
  }

  /**
   * The embedding side follows the shop's groups, not only the words: the model reads the shop's
   * word as its group's, and that alone lifts the right FAQ's score over the words side's.
   */
  @Test
  void theModelReadsTheShopsWordsAsTheirGroupsWord() throws IOException {
    editor.save(ChatLanguage.ZH, List.of(GIFT_BOX));
    BotLexicons.Lexicon zh = lexicons.of(ChatLanguage.ZH);
    assertThat(zh.forModel().apply("要个心意盒")).isEqualTo("要个礼品包装");
    assertThat(zh.forModel().apply("要個Heart  Box")).isEqualTo("要个礼品包装");

    List<FaqEntry> faqs = FaqBotAccuracyTest.faqs(ChatLanguage.ZH);
    var weight = FaqBotAccuracyTest.defaultMeaning().get(ChatLanguage.ZH);
    var model = FaqBotAccuracyTest.MODELS.get(ChatLanguage.ZH);
    double wordsSideOnly =
        io.contactcenter.onlinechat.internal.domain.FaqIndex.build(
                faqs, zh.tokenizer(), model, weight, null)
            .match("要个心意盒", 5)
            .stream()
            .filter(m -> m.faq().faqId().equals("gift-wrap"))
            .findFirst()
            .orElseThrow()
            .score();
    double bothSides =
        bot.match("要个心意盒", ChatLanguage.ZH).stream()
            .filter(m -> m.faq().faqId().equals("gift-wrap"))
            .findFirst()
            .orElseThrow()
            .score();
    System.out.printf(
        "shop synonym 要个心意盒 gift-wrap: words side only %.3f, words and model %.3f%n",
        wordsSideOnly, bothSides);
    assertThat(bothSides).isGreaterThan(wordsSideOnly + 0.1);
  }

  /** A group that repeats another's variant is refused, naming it; nothing is saved or changed. */
  @Test
  void badGroupsAreRefusedAndNothingChanges() {
    editor.save(ChatLanguage.ZH, List.of(GIFT_BOX));
    assertThatThrownBy(
            () ->
                editor.save(
                    ChatLanguage.ZH,
                    List.of(
                        new Synonyms.Group("礼品包装", List.of("心意盒")),
                        new Synonyms.Group("运费", List.of("心意盒")))))
        .isInstanceOfSatisfying(
            SynonymGroupsRejectedException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("problem.chat-synonyms.repeated");
              assertThat(e.messageArguments()).containsExactly(2, "心意盒", "礼品包装");
            })
        .hasMessageContaining("group 2")
        .hasMessageContaining("心意盒");
    assertThatThrownBy(
            () -> editor.save(ChatLanguage.ZH, List.of(new Synonyms.Group("礼品 包装", List.of("盒")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group 1");
    assertThatThrownBy(
            () -> editor.save(ChatLanguage.ZH, List.of(new Synonyms.Group("礼品包装", List.of()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no variant");
    assertThatThrownBy(
            () ->
                editor.save(
                    ChatLanguage.ZH, List.of(new Synonyms.Group("礼品包装", List.of("\"心意盒\"")))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(table.groups(ChatLanguage.ZH)).containsExactly(GIFT_BOX);
    assertThat(bot.answer("心意盒多少钱", ChatLanguage.ZH).faqId()).isEqualTo("gift-wrap");
  }

  /** At start the stored groups are given to the bot before its first index. */
  @Test
  void storedGroupsAreLoadedAtStart() {
    table.replace(ChatLanguage.ZH, List.of(GIFT_BOX), Instant.EPOCH);
    BotLexicons fresh =
        new BotLexicons(
            BotLexicons.configured(ChatProperties.DEFAULT_SYNONYMS, new DefaultResourceLoader()));
    IndexedFaqBot restarted = bot(fresh);
    sync(table, fresh, restarted).rebuild();
    assertThat(restarted.answer("心意盒多少钱", ChatLanguage.ZH).faqId()).isEqualTo("gift-wrap");
  }
}
