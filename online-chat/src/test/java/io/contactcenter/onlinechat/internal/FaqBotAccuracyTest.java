package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.BotDecision;
import io.contactcenter.onlinechat.internal.domain.BotPolicy;
import io.contactcenter.onlinechat.internal.domain.FaqEntry;
import io.contactcenter.onlinechat.internal.domain.FaqIndex;
import io.contactcenter.onlinechat.internal.domain.FaqMatch;
import io.contactcenter.onlinechat.internal.domain.MeaningWeight;
import io.contactcenter.onlinechat.internal.domain.SentenceEncoder;
import io.contactcenter.onlinechat.internal.domain.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The bot's accuracy on the labelled e-commerce set (src/test/resources/kb): 20 FAQs in Chinese and
 * English, questions written apart from the FAQs' examples, each marked "tune" (used to choose the
 * thresholds and the meaning weights) or "heldout" (never looked at while tuning), plus
 * out-of-scope questions that should be handed over. A second Chinese held-out set ({@value
 * #HELDOUT2_FILE}, split {@value #HELDOUT2}) was written and committed before the synonym lexicon
 * was tried and is never tuned on (ADR 0048 addendum); a third ({@value #HELDOUT3_FILE}, split
 * {@value #HELDOUT3}, shopper-chat style by another writer) decided the zh meaning weight once by a
 * rule fixed before it was scored (second addendum). Words only (before) and words with meaning
 * (the BGE models, as production runs them) are both measured. The numbers go to
 * docs/benchmarks.md; the assertions keep them from regressing. The tests of the second and third
 * held-out sets and of the out-of-scope shop questions ({@value #TUNE3_FILE}) are {@link
 * ChineseSecondHeldOutSetTest}, {@link ChineseThirdHeldOutSetTest} and {@link
 * ChineseShopQuestionsTest}; they share this class's helpers and its once-loaded models.
 */
class FaqBotAccuracyTest {

  /** The shared thresholds (before ADR 0048: every language). */
  private static final BotPolicy POLICY = BotPolicy.tuned();

  /** The best of the Chinese threshold grid on the tune rows (ADR 0048; not the default). */
  static final BotPolicy ZH_GRID_BEST = new BotPolicy(0.45, 0.30, 0.05, 0.15, 0.04);

  /** A language's thresholds as production builds them with the default meaning (ADR 0048). */
  static BotPolicy policy(ChatLanguage lang) {
    ChatProperties.Meaning m = ChatProperties.DEFAULT_MEANING.get(lang.tag());
    return new BotPolicy(
        POLICY.answerThreshold(),
        POLICY.clarifyThreshold(),
        POLICY.margin(),
        m.minScore() == null ? POLICY.minScore() : m.minScore(),
        m.clearLead() == null ? POLICY.clearLead() : m.clearLead());
  }

  /** The models, loaded once for all tests of this class. */
  static final Map<ChatLanguage, SentenceEncoder> MODELS = new EnumMap<>(ChatLanguage.class);

  /** The same, remembering each text's vector: the weight grid asks the same texts many times. */
  static final Map<ChatLanguage, SentenceEncoder> CACHED = new EnumMap<>(ChatLanguage.class);

  static {
    for (ChatLanguage lang : ChatLanguage.values()) {
      SentenceEncoder model = BgeSentenceEncoder.of(lang);
      Map<String, float[]> seen = new ConcurrentHashMap<>();
      MODELS.put(lang, model);
      CACHED.put(lang, text -> seen.computeIfAbsent(text, model::encode));
    }
  }

  static Map<ChatLanguage, MeaningWeight> defaultMeaning() {
    Map<ChatLanguage, MeaningWeight> meaning = new EnumMap<>(ChatLanguage.class);
    ChatProperties.DEFAULT_MEANING.forEach(
        (tag, m) -> meaning.put(ChatLanguage.of(tag), new MeaningWeight(m.weight(), m.floor())));
    return meaning;
  }

  record Question(String text, ChatLanguage lang, String faqId, String split) {}

  record Score(
      int inScope,
      int top1,
      int answeredRight,
      int outOfScope,
      int oosHandedOver,
      int inScopeHandedOver) {
    double top1Rate() {
      return (double) top1 / inScope;
    }

    double answeredRate() {
      return (double) answeredRight / inScope;
    }

    double oosRate() {
      return (double) oosHandedOver / outOfScope;
    }

    double inScopeHandoffRate() {
      return (double) inScopeHandedOver / inScope;
    }
  }

  static String resource(String name) throws IOException {
    try (InputStream in = FaqBotAccuracyTest.class.getResourceAsStream("/kb/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The bot's words as production builds them: the zh synonym lexicon (ADR 0048 addendum). */
  static final Map<ChatLanguage, Tokenizer> BOT =
      BotTokenizers.of(ChatProperties.DEFAULT_SYNONYMS, new DefaultResourceLoader());

  /** Words without a lexicon (the bot before the ADR 0048 addendum). */
  static final Map<ChatLanguage, Tokenizer> NO_LEXICON =
      BotTokenizers.of(Map.of(), new DefaultResourceLoader());

  static Map<ChatLanguage, FaqIndex> indexes(Map<ChatLanguage, Tokenizer> tokenizers)
      throws IOException {
    return indexes(tokenizers, CACHED, Map.of());
  }

  static List<FaqEntry> faqs(ChatLanguage lang) throws IOException {
    FaqImport.Result kb = FaqImport.read(resource("faqs.csv"));
    assertThat(kb.problems()).isEmpty();
    return kb.faqs().stream()
        .filter(f -> f.lang() == lang)
        .map(f -> new FaqEntry(f.faqId(), lang.tag(), f.answer(), new ArrayList<>(f.examples())))
        .toList();
  }

  /** Each language's index; a language missing from {@code meaning} matches by words only. */
  static Map<ChatLanguage, FaqIndex> indexes(
      Map<ChatLanguage, Tokenizer> tokenizers,
      Map<ChatLanguage, SentenceEncoder> encoders,
      Map<ChatLanguage, MeaningWeight> meaning)
      throws IOException {
    Map<ChatLanguage, FaqIndex> indexes = new TreeMap<>();
    for (ChatLanguage lang : ChatLanguage.values()) {
      MeaningWeight weight = meaning.getOrDefault(lang, MeaningWeight.NONE);
      Tokenizer tokenizer = tokenizers.get(lang);
      indexes.put(
          lang,
          weight.used()
              ? FaqIndex.build(faqs(lang), tokenizer, encoders.get(lang), weight, null)
              : FaqIndex.build(faqs(lang), tokenizer));
    }
    return indexes;
  }

  /** The labelled set of questions.csv (splits tune, tune2, heldout). */
  static List<Question> questions() throws IOException {
    return questions("questions.csv");
  }

  /**
   * The second Chinese held-out set (split {@value #HELDOUT2}), written and committed before any
   * recall change was tried: nothing may be tuned on it.
   */
  static final String HELDOUT2_FILE = "questions-zh-heldout2.csv";

  static final String HELDOUT2 = "heldout2";

  /**
   * The third Chinese held-out set (split {@value #HELDOUT3}, shopper-chat style), written by
   * another engineer and committed before the bot was run on it; it decided the zh meaning weight
   * once (ADR 0048 second addendum) and only guards it since.
   */
  static final String HELDOUT3_FILE = "questions-zh-heldout3.csv";

  static final String HELDOUT3 = "heldout3";

  /**
   * Out-of-scope shop questions for tuning thresholds (split {@value #TUNE3}, ADR 0048 third
   * addendum): the other tune rows' out-of-scope questions are all far from shopping.
   */
  static final String TUNE3_FILE = "questions-zh-tune3.csv";

  static final String TUNE3 = "tune3";

  /**
   * Code-mixed and traditional-character shopper questions (split {@value #MIXED_HELDOUT}, issue
   * 13, ADR 0048 fourth addendum), committed before the bot was run on them: never tuned on.
   */
  static final String MIXED_HELDOUT_FILE = "questions-zh-mixed-heldout.csv";

  static final String MIXED_HELDOUT = "mixedheldout";

  /** The same kind of questions to look at while tuning (split {@value #MIXED_TUNE}). */
  static final String MIXED_TUNE_FILE = "questions-zh-mixed-tune.csv";

  static final String MIXED_TUNE = "mixedtune";

  /**
   * Shopper questions in everyday chat wording, some with English words and phrases (split {@value
   * #HELDOUT5}, issue 13, ADR 0048 fifth addendum), committed with the bot's figures before
   * multi-word English variants and a shop's own synonym groups: never tuned on.
   */
  static final String HELDOUT5_FILE = "questions-zh-heldout5.csv";

  static final String HELDOUT5 = "heldout5";

  /** The file a split's rows are in. */
  static String fileOf(String split) {
    return switch (split) {
      case TUNE3 -> TUNE3_FILE;
      case HELDOUT2 -> HELDOUT2_FILE;
      case HELDOUT3 -> HELDOUT3_FILE;
      case MIXED_HELDOUT -> MIXED_HELDOUT_FILE;
      case MIXED_TUNE -> MIXED_TUNE_FILE;
      case HELDOUT5 -> HELDOUT5_FILE;
      default -> "questions.csv";
    };
  }

  /** A question file's rows; lines starting with {@code #} are comments. */
  static List<Question> questions(String file) throws IOException {
    String text =
        resource(file)
            .lines()
            .filter(line -> !line.startsWith("#"))
            .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    List<List<String>> rows = CsvRows.parse(text);
    return rows.subList(1, rows.size()).stream()
        .map(r -> new Question(r.get(0), ChatLanguage.of(r.get(1)), r.get(2), r.get(3)))
        .toList();
  }

  static Score score(Map<ChatLanguage, FaqIndex> indexes, List<Question> questions) {
    return score(indexes, questions, null);
  }

  /** Answered with a wrong FAQ: an in-scope question answered from another FAQ, or out of scope. */
  static int wrongAnswers(
      Map<ChatLanguage, FaqIndex> indexes, List<Question> questions, BotPolicy policy) {
    int wrong = 0;
    for (Question q : questions) {
      List<FaqMatch> matches = indexes.get(q.lang()).match(q.text(), IndexedFaqBot.CANDIDATES);
      if ((policy == null ? policy(q.lang()) : policy).byScore(matches, 0)
              instanceof BotDecision.Answer a
          && !a.best().faq().faqId().equals(q.faqId())) {
        wrong++;
      }
    }
    return wrong;
  }

  static Score score(
      Map<ChatLanguage, FaqIndex> indexes, List<Question> questions, BotPolicy policy) {
    int inScope = 0, top1 = 0, right = 0, oos = 0, oosHandedOver = 0, inHandedOver = 0;
    for (Question q : questions) {
      List<FaqMatch> matches = indexes.get(q.lang()).match(q.text(), IndexedFaqBot.CANDIDATES);
      BotDecision d = (policy == null ? policy(q.lang()) : policy).byScore(matches, 0);
      boolean handedOver = d instanceof BotDecision.Rephrase || d instanceof BotDecision.Handoff;
      if (q.faqId().isEmpty()) {
        oos++;
        oosHandedOver += handedOver ? 1 : 0;
        continue;
      }
      inScope++;
      inHandedOver += handedOver ? 1 : 0;
      if (!matches.isEmpty() && matches.get(0).faq().faqId().equals(q.faqId())) {
        top1++;
        if (d instanceof BotDecision.Answer) {
          right++;
        }
      }
    }
    return new Score(inScope, top1, right, oos, oosHandedOver, inHandedOver);
  }

  @Test
  void heldOutQuestionsAreAnsweredInBothLanguages() throws IOException {
    Map<ChatLanguage, Score> words = report("words", indexes(NO_LEXICON), "heldout");
    Map<ChatLanguage, Score> fused =
        report("words+meaning", indexes(BOT, CACHED, defaultMeaning()), "heldout");
    report("words", indexes(NO_LEXICON), "tune");
    report("words+meaning", indexes(BOT, CACHED, defaultMeaning()), "tune");
    report("words+meaning", indexes(BOT, CACHED, defaultMeaning()), "tune2");
    // The Chinese thresholds the tune-row grid chose (ADR 0048), measured but not the default:
    // on the held-out rows they hand over fewer questions but answer more of them wrongly.
    for (String split : new String[] {"tune2", "heldout", HELDOUT2}) {
      report(
          "words+meaning, zh grid thresholds (not adopted)",
          indexes(BOT, CACHED, defaultMeaning()),
          split,
          ZH_GRID_BEST);
    }
    for (ChatLanguage lang : ChatLanguage.values()) {
      assertThat(words.get(lang).top1Rate())
          .as("%s held-out top-1, words", lang)
          .isGreaterThan(0.7);
      assertThat(fused.get(lang).top1Rate())
          .as("%s held-out top-1 with meaning", lang)
          .isGreaterThanOrEqualTo(0.9)
          .isGreaterThan(words.get(lang).top1Rate());
      assertThat(fused.get(lang).oosRate())
          .as("%s out-of-scope handed over", lang)
          .isGreaterThanOrEqualTo(0.9);
    }
  }

  /**
   * The default bot's figures on one set (docs/benchmarks.md, 2026-12-07, ADR 0048 fifth addendum).
   */
  record Measured(
      ChatLanguage lang, String split, int right, int handedOver, int oosHandedOver, int wrong) {}

  static final List<Measured> MEASURED =
      List.of(
          new Measured(ChatLanguage.EN, "tune", 39, 0, 5, 1),
          new Measured(ChatLanguage.EN, "heldout", 39, 1, 5, 0),
          new Measured(ChatLanguage.ZH, "tune", 39, 1, 5, 0),
          new Measured(ChatLanguage.ZH, "heldout", 136, 19, 18, 3),
          new Measured(ChatLanguage.ZH, HELDOUT2, 131, 27, 30, 1),
          new Measured(ChatLanguage.ZH, HELDOUT3, 139, 19, 29, 2),
          new Measured(ChatLanguage.ZH, MIXED_HELDOUT, 58, 1, 13, 2),
          new Measured(ChatLanguage.ZH, HELDOUT5, 65, 13, 15, 3));

  /**
   * Every set keeps the default bot's measured figures: answered right and handovers within 2
   * questions, out-of-scope handovers within 1, and not one wrong answer more (a wrong answer is
   * worse than a handover).
   */
  @Test
  void everySetKeepsItsMeasuredFigures() throws IOException {
    Map<ChatLanguage, FaqIndex> adopted = indexes(BOT, CACHED, defaultMeaning());
    for (Measured m : MEASURED) {
      List<Question> rows =
          questions(fileOf(m.split())).stream()
              .filter(q -> q.lang() == m.lang() && q.split().equals(m.split()))
              .toList();
      Score s = score(adopted, rows, null);
      String set = m.lang().tag() + " " + m.split();
      assertThat(s.answeredRight())
          .as("%s answered right", set)
          .isGreaterThanOrEqualTo(m.right() - 2);
      assertThat(s.inScopeHandedOver())
          .as("%s in-scope handed over", set)
          .isLessThanOrEqualTo(m.handedOver() + 2);
      assertThat(s.oosHandedOver())
          .as("%s out of scope handed over", set)
          .isGreaterThanOrEqualTo(m.oosHandedOver() - 1);
      assertThat(wrongAnswers(adopted, rows, null))
          .as("%s wrong answers", set)
          .isLessThanOrEqualTo(m.wrong());
    }
  }

  /**
   * Questions that share no word with their FAQ and reach it only through a synonym group: answered
   * with the shipped lexicon, not without it, at the default weights. ChatIT asks them of the
   * running app to prove it loads the lexicon.
   */
  @Test
  void aQuestionOnlyTheLexiconMatchesIsAnsweredOnlyWithIt() throws IOException {
    Map<ChatLanguage, FaqIndex> with = indexes(BOT, CACHED, defaultMeaning());
    Map<ChatLanguage, FaqIndex> without = indexes(NO_LEXICON, CACHED, defaultMeaning());
    BotPolicy zh = policy(ChatLanguage.ZH);
    for (var asked : Map.of("邮资", "shipping-fee", "开专票", "invoice").entrySet()) {
      List<FaqMatch> on = with.get(ChatLanguage.ZH).match(asked.getKey(), IndexedFaqBot.CANDIDATES);
      assertThat(zh.decide(asked.getKey(), on, 0))
          .as("%s with the lexicon", asked.getKey())
          .isInstanceOfSatisfying(
              BotDecision.Answer.class,
              a -> assertThat(a.best().faq().faqId()).isEqualTo(asked.getValue()));
      List<FaqMatch> off =
          without.get(ChatLanguage.ZH).match(asked.getKey(), IndexedFaqBot.CANDIDATES);
      assertThat(zh.decide(asked.getKey(), off, 0))
          .as("%s without the lexicon", asked.getKey())
          .isNotInstanceOf(BotDecision.Answer.class);
      assertThat(BOT.get(ChatLanguage.ZH).terms(asked.getKey())).anyMatch(t -> t.startsWith("="));
    }
  }

  /** The best zh meaning weight of the tune-row grid with the lexicon (not adopted). */
  static final MeaningWeight ZH_LEXICON_GRID_BEST = new MeaningWeight(0.6, 0.5);

  static List<Question> zh(String split) throws IOException {
    return questions(fileOf(split)).stream()
        .filter(q -> q.lang() == ChatLanguage.ZH && q.split().equals(split))
        .toList();
  }

  static Map<ChatLanguage, Score> report(
      String how, Map<ChatLanguage, FaqIndex> indexes, String split) throws IOException {
    return report(how, indexes, split, null);
  }

  /**
   * @param policy the thresholds for every language; null: each language's own
   */
  static Map<ChatLanguage, Score> report(
      String how, Map<ChatLanguage, FaqIndex> indexes, String split, BotPolicy policy)
      throws IOException {
    List<Question> all = questions(fileOf(split));
    Map<ChatLanguage, Score> scores = new EnumMap<>(ChatLanguage.class);
    for (ChatLanguage lang : ChatLanguage.values()) {
      List<Question> rows =
          all.stream().filter(q -> q.lang() == lang && q.split().equals(split)).toList();
      if (rows.isEmpty()) {
        continue;
      }
      Score s = score(indexes, rows, policy);
      int wrong = wrongAnswers(indexes, rows, policy);
      scores.put(lang, s);
      System.out.printf(
          "bot accuracy %s %s %s: top-1 %.1f%% (%d/%d), answered right %.1f%%, in-scope handed"
              + " over %.1f%%, out-of-scope handed over %.1f%% (%d/%d), wrong answers %d%n",
          how,
          lang.tag(),
          split,
          100 * s.top1Rate(),
          s.top1(),
          s.inScope(),
          100 * s.answeredRate(),
          100 * s.inScopeHandoffRate(),
          100 * s.oosRate(),
          s.oosHandedOver(),
          s.outOfScope(),
          wrong);
    }
    return scores;
  }

  /**
   * The weights were chosen on the tune rows only: of the grid, the defaults answer the most tune
   * questions right plus hand over the most out-of-scope ones, ties going to the wider lead of the
   * right FAQ over the best wrong one. The grid is printed for docs/benchmarks.md. Words without
   * the synonym lexicon, as the weights were chosen (ADR 0033); the same grid with the lexicon is
   * printed too ("meaning grid with lexicon"): it favours zh weight 0.6, not adopted (ADR 0048
   * addendum).
   */
  @Test
  void meaningWeightsWereChosenOnTheTuneRows() throws IOException {
    meaningGrid("meaning grid with lexicon", BOT, null);
    meaningGrid("meaning grid", NO_LEXICON, defaultMeaning());
  }

  /**
   * Each language's best weight of the grid on the tune rows, the grid printed.
   *
   * @param chosen weights that must score as well as the best; null: only printed
   */
  static Map<ChatLanguage, MeaningWeight> meaningGrid(
      String name, Map<ChatLanguage, Tokenizer> tokenizers, Map<ChatLanguage, MeaningWeight> chosen)
      throws IOException {
    List<Question> tune = questions().stream().filter(q -> q.split().equals("tune")).toList();
    Map<ChatLanguage, MeaningWeight> bests = new EnumMap<>(ChatLanguage.class);
    for (ChatLanguage lang : ChatLanguage.values()) {
      List<Question> rows = tune.stream().filter(q -> q.lang() == lang).toList();
      List<FaqEntry> faqs = faqs(lang);
      Tokenizer tokenizer = tokenizers.get(lang);
      double bestObjective = -1;
      MeaningWeight best = null;
      double chosenObjective = Double.NaN;
      for (double weight : new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}) {
        for (double floor : new double[] {0.3, 0.4, 0.5, 0.6, 0.7}) {
          MeaningWeight m = new MeaningWeight(weight, floor);
          FaqIndex index =
              weight == 0
                  ? FaqIndex.build(faqs, tokenizer)
                  : FaqIndex.build(faqs, tokenizer, CACHED.get(lang), m, null);
          Score s = score(Map.of(lang, index), rows);
          double lead = meanLead(index, rows);
          // Whole questions first; the lead (0..1) only breaks ties.
          double objective = s.answeredRight() + s.oosHandedOver() + lead;
          System.out.printf(
              "%s %s weight %.1f floor %.1f: answered right %d/%d, out-of-scope handed"
                  + " over %d/%d, mean lead %.3f%n",
              name,
              lang.tag(),
              weight,
              floor,
              s.answeredRight(),
              s.inScope(),
              s.oosHandedOver(),
              s.outOfScope(),
              lead);
          if (objective > bestObjective + 1e-9) {
            bestObjective = objective;
            best = m;
          }
          MeaningWeight c = chosen == null ? null : chosen.get(lang);
          if (c != null
              && Math.abs(c.weight() - weight) < 1e-9
              && (weight == 0 || Math.abs(c.floor() - floor) < 1e-9)) {
            chosenObjective = objective;
          }
        }
      }
      System.out.printf("%s %s best: %s%n", name, lang.tag(), best);
      bests.put(lang, best);
      if (chosen != null) {
        assertThat(chosenObjective)
            .as("%s default meaning weight on the tune rows", lang)
            .isCloseTo(bestObjective, org.assertj.core.data.Offset.offset(1e-9));
      }
    }
    return bests;
  }

  /**
   * Issue 13: the Chinese bot handed over too many in-scope questions. The thresholds were tuned
   * for words only; with meaning fused in, a right Chinese match often scores below the answer
   * threshold or leads its runner-up by less than the margins. Chinese thresholds are chosen here
   * on the tune rows only ("tune" and "tune2", 120 + 14 questions; "heldout" is never looked at):
   * of the grid, the most answered right, with no more wrong answers and no fewer out-of-scope
   * handovers than the shared thresholds give on the same rows; ties to the fewest wrong answers,
   * then the highest thresholds (the grid runs from high to low). Prints the diagnosis and the grid
   * for docs/benchmarks.md. Words as they were then, without the synonym lexicon (which came after,
   * in the ADR 0048 addendum).
   */
  @Test
  void chineseThresholdsWereChosenOnTheTuneRows() throws IOException {
    Map<ChatLanguage, FaqIndex> indexes = indexes(NO_LEXICON, CACHED, defaultMeaning());
    List<Question> rows =
        questions().stream()
            .filter(q -> q.lang() == ChatLanguage.ZH && q.split().startsWith("tune"))
            .toList();
    // Why in-scope tune questions are handed over with the shared thresholds.
    int rightButShy = 0, wrongTop = 0;
    for (Question q : rows) {
      if (q.faqId().isEmpty()) {
        continue;
      }
      List<FaqMatch> m = indexes.get(q.lang()).match(q.text(), IndexedFaqBot.CANDIDATES);
      BotDecision d = POLICY.byScore(m, 0);
      if (d instanceof BotDecision.Answer) {
        continue;
      }
      boolean right = !m.isEmpty() && m.get(0).faq().faqId().equals(q.faqId());
      rightButShy += right ? 1 : 0;
      wrongTop += right ? 0 : 1;
      System.out.printf(
          "zh not answered (%s): %s best %.3f lead %.3f top-1 %s%n",
          d.getClass().getSimpleName(),
          q.text(),
          m.isEmpty() ? 0 : m.get(0).score(),
          m.size() < 2 ? 0 : m.get(0).score() - m.get(1).score(),
          right ? "right" : "wrong");
    }
    System.out.printf(
        "zh tune rows not answered: %d with the right FAQ on top, %d with a wrong one%n",
        rightButShy, wrongTop);
    Score base = score(indexes, rows, POLICY);
    // (baseline: the shared thresholds, as before ADR 0048)
    int baseWrong = wrongAnswers(indexes, rows, POLICY);
    BotPolicy best = POLICY;
    Score bestScore = base;
    int bestWrong = baseWrong;
    for (double answer : new double[] {0.45, 0.40, 0.35, 0.30}) {
      for (double clarify : new double[] {0.30, 0.25, 0.20}) {
        for (double margin : new double[] {0.05, 0.04, 0.03, 0.02}) {
          for (double min : new double[] {0.30, 0.25, 0.20, 0.15}) {
            for (double lead : new double[] {0.08, 0.06, 0.05, 0.04, 0.03}) {
              if (clarify > answer) {
                continue;
              }
              BotPolicy p = new BotPolicy(answer, clarify, margin, min, lead);
              Score s = score(indexes, rows, p);
              int wrong = wrongAnswers(indexes, rows, p);
              if (wrong > baseWrong || s.oosHandedOver() < base.oosHandedOver()) {
                continue;
              }
              if (s.answeredRight() > bestScore.answeredRight()
                  || (s.answeredRight() == bestScore.answeredRight() && wrong < bestWrong)) {
                best = p;
                bestScore = s;
                bestWrong = wrong;
              }
            }
          }
        }
      }
    }
    System.out.printf(
        "zh thresholds on the tune rows: shared %s answered right %d/%d, wrong %d, out-of-scope"
            + " handed over %d/%d; best %s answered right %d, wrong %d, out-of-scope %d/%d%n",
        POLICY,
        base.answeredRight(),
        base.inScope(),
        baseWrong,
        base.oosHandedOver(),
        base.outOfScope(),
        best,
        bestScore.answeredRight(),
        bestWrong,
        bestScore.oosHandedOver(),
        bestScore.outOfScope());
    assertThat(best).as("zh best thresholds on the tune rows").isEqualTo(ZH_GRID_BEST);
  }

  /** The mean of (right FAQ's score minus the best wrong one's) over in-scope questions. */
  static double meanLead(FaqIndex index, List<Question> questions) {
    double sum = 0;
    int n = 0;
    for (Question q : questions) {
      if (q.faqId().isEmpty()) {
        continue;
      }
      double right = 0;
      double wrong = 0;
      for (FaqMatch m : index.match(q.text(), index.size())) {
        if (m.faq().faqId().equals(q.faqId())) {
          right = Math.max(right, m.score());
        } else {
          wrong = Math.max(wrong, m.score());
        }
      }
      sum += right - wrong;
      n++;
    }
    return n == 0 ? 0 : sum / n;
  }

  /** An edit embeds only the texts it added or changed; the rest come from the previous index. */
  @Test
  void reindexingAfterAnEditEmbedsOnlyTheChangedTexts() throws IOException {
    Tokenizer tokenizer = BOT.get(ChatLanguage.ZH);
    AtomicInteger embedded = new AtomicInteger();
    SentenceEncoder counting =
        text -> {
          embedded.incrementAndGet();
          return MODELS.get(ChatLanguage.ZH).encode(text);
        };
    MeaningWeight meaning = defaultMeaning().get(ChatLanguage.ZH);
    List<FaqEntry> faqs = faqs(ChatLanguage.ZH);
    FaqIndex first = FaqIndex.build(faqs, tokenizer, counting, meaning, null);
    int all = embedded.get();
    assertThat(all).isEqualTo(first.embeddedTexts()).isGreaterThan(40);

    List<FaqEntry> edited = new ArrayList<>(faqs);
    FaqEntry shipping = edited.get(5);
    List<String> questions = new ArrayList<>(shipping.questions());
    questions.add("运费是按什么收的");
    edited.set(5, new FaqEntry(shipping.faqId(), shipping.lang(), shipping.answer(), questions));
    long start = System.nanoTime();
    FaqIndex second = FaqIndex.build(edited, tokenizer, counting, meaning, first);
    double ms = (System.nanoTime() - start) / 1e6;
    System.out.printf(
        "reindex after an edit (zh, %d texts, 1 new): %.1f ms; first build embedded %d%n",
        second.embeddedTexts(), ms, all);
    assertThat(embedded.get() - all).isEqualTo(1);
    assertThat(second.match("运费是按什么收的", 1).get(0).faq().faqId()).isEqualTo(shipping.faqId());
  }

  @Test
  void answeringIsFast() throws IOException {
    long before = residentKb();
    // The models as production runs them: every question embedded anew, nothing cached.
    Map<ChatLanguage, FaqIndex> fused = indexes(BOT, MODELS, defaultMeaning());
    long after = residentKb();
    System.out.printf(
        "resident memory %d MB before the models, %d MB with both loaded and the FAQs embedded%n",
        before / 1024, after / 1024);
    for (var entry : Map.of("words", indexes(BOT), "words+meaning", fused).entrySet()) {
      Map<ChatLanguage, FaqIndex> indexes = entry.getValue();
      List<Question> all = questions();
      int rounds = 3;
      long[] nanos = new long[all.size() * rounds];
      int i = 0;
      for (int round = 0; round < rounds; round++) {
        for (Question q : all) {
          long start = System.nanoTime();
          POLICY.decide(
              q.text(), indexes.get(q.lang()).match(q.text(), IndexedFaqBot.CANDIDATES), 0);
          nanos[i++] = System.nanoTime() - start;
        }
      }
      Arrays.sort(nanos);
      double p50 = nanos[nanos.length / 2] / 1e6;
      double p95 = nanos[(int) (nanos.length * 0.95)] / 1e6;
      System.out.printf(
          "bot answer latency (%s) p50 %.3f ms, p95 %.3f ms over %d questions%n",
          entry.getKey(), p50, p95, nanos.length);
      // The goal (p95 50 ms) is a benchmark figure for an idle machine (docs/benchmarks.md); here
      // only that every question was decided.
      assertThat(nanos[0]).isPositive();
    }
  }

  /** This process's resident set in kB (Linux), 0 where unknown: ONNX sessions live off-heap. */
  static long residentKb() {
    System.gc();
    try {
      for (String line :
          java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // Not Linux: the figure is only printed.
    }
    return 0;
  }
}
