package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.onlinechat.BotReply;
import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.BotDecision;
import io.contactcenter.onlinechat.internal.domain.BotPolicy;
import io.contactcenter.onlinechat.internal.domain.FaqMatch;
import io.contactcenter.onlinechat.internal.domain.QuestionClusterer;
import io.contactcenter.onlinechat.internal.domain.SentenceEncoder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Issue 13's 150-intent goals on CLINC150 ({@link Clinc150}, read from {@code
 * -Dbench.clinc150=DIR}): out-of-scope questions handed over, and the cold start's NMI without the
 * number of intents.
 *
 * <p>The 150 in-scope intents of the train file are imported as FAQs (one per intent; the
 * out-of-scope train questions are not FAQs) through the import's own parser ({@link FaqImport}),
 * the bot is built by the application's own configuration ({@link ChatConfiguration}) and asked as
 * {@code POST /api/v1/bot/answer} asks it ({@link IndexedFaqBot#answer}); the knowledge base is
 * kept in memory ({@link PublicIntentSetBenchmark.MemoryKnowledgeBase}).
 *
 * <p>First a validation split cut from the train file: every tenth in-scope train question of each
 * intent is held out of the FAQs and asked, with the 250 out-of-scope train questions. The
 * confidence threshold (hand over below it) is chosen there, as the highest that hands over at most
 * 5 % of the in-scope validation questions. Then all in-scope train questions are imported (only
 * the held-out ones are embedded anew: the index reuses embeddings by text) and every test question
 * is asked; the test file chooses nothing. Last, the cold start's clusterer, as {@link
 * ColdStartJobs#clusterers} builds it for English, on the test questions, not told the number of
 * intents.
 *
 * <p>Not part of the test suite (its name does not end in Test); see docs/benchmarks.md for how to
 * run it. Writes {@code online-chat/target/out-of-scope-benchmark.txt}.
 */
class OutOfScopeBenchmark {

  /** The share of in-scope questions the goal lets the bot hand over. */
  static final double IN_SCOPE_HANDED_OVER = 0.05;

  private final StringBuilder report = new StringBuilder();

  /** One asked question and the bot's reply. */
  record Asked(PublicIntentSet.Row row, BotReply reply, List<FaqMatch> matches, long nanos) {
    boolean inScope() {
      return Clinc150.inScope(row);
    }

    boolean right() {
      return row.category().equals(reply.faqId());
    }
  }

  @Test
  void clinc150() throws Exception {
    String dirName = System.getProperty("bench.clinc150");
    if (dirName == null || dirName.isBlank()) {
      throw new IllegalStateException(
          "set -Dbench.clinc150=DIR, a directory with train-clean.csv and test-clean.csv of"
              + " CLINC150; see docs/benchmarks.md");
    }
    Path dir = Path.of(dirName);
    try {
      List<PublicIntentSet.Row> train = Clinc150.read(dir, Clinc150.TRAIN);
      List<PublicIntentSet.Row> test = Clinc150.read(dir, Clinc150.TEST);
      List<PublicIntentSet.Row> inScopeTrain = train.stream().filter(Clinc150::inScope).toList();
      PublicIntentSet.Split split = PublicIntentSet.validation(inScopeTrain, 10);
      List<PublicIntentSet.Row> validation = new ArrayList<>(split.validation());
      train.stream().filter(r -> !Clinc150.inScope(r)).forEach(validation::add);
      line(
          "CLINC150 from %s: train %d questions (%d in scope in %d intents, %d out of scope), test"
              + " %d (%d in scope, %d out of scope); load average %.2f, %d processors",
          dir,
          train.size(),
          inScopeTrain.size(),
          Clinc150.INTENTS,
          train.size() - inScopeTrain.size(),
          test.size(),
          test.stream().filter(Clinc150::inScope).count(),
          test.stream().filter(r -> !Clinc150.inScope(r)).count(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());

      ChatConfiguration configuration = new ChatConfiguration();
      ChatProperties properties = PublicIntentSetBenchmark.properties();
      line("bot settings: meaning %s, synonyms %s", properties.meaning(), properties.synonyms());
      BotLexicons lexicons = configuration.chatBotLexicons(properties, new DefaultResourceLoader());
      SentenceEncoders encoders = configuration.chatSentenceEncoders(properties, lexicons);
      PublicIntentSetBenchmark.MemoryKnowledgeBase knowledgeBase =
          new PublicIntentSetBenchmark.MemoryKnowledgeBase();
      IndexedFaqBot bot = configuration.faqBot(knowledgeBase, properties, encoders, lexicons);
      // Load the model before the clock starts: the application loads it once at its first FAQ.
      encoders.of(ChatLanguage.EN).orElseThrow().encode("warm up");

      line("");
      line("1. validation split (cut from train; test not read for it):");
      load(bot, knowledgeBase, split.fit(), "fit (train minus every 10th in-scope question)");
      List<Asked> onValidation = ask(bot, validation);
      outcomes(onValidation);
      double threshold = thresholdFor(onValidation);
      line(
          "chosen on validation: hand over below confidence %.4f (the highest threshold handing"
              + " over <= %.0f %% of in-scope validation questions)",
          threshold, 100 * IN_SCOPE_HANDED_OVER);
      curve(onValidation, threshold);
      double setting = settingFor(properties, onValidation);
      line(
          "chosen on validation: the settings %s (the highest such threshold, in steps of 0.005,"
              + " whose policy hands over <= %.0f %% of in-scope validation questions)",
          settingNames(properties, setting), 100 * IN_SCOPE_HANDED_OVER);
      withSetting(properties, setting, onValidation);

      line("");
      line("2. test (FAQs from all in-scope train questions; nothing chosen here):");
      load(bot, knowledgeBase, inScopeTrain, "all in-scope train questions");
      List<Asked> onTest = ask(bot, test);
      outcomes(onTest);
      curve(onTest, threshold);
      double testThreshold = thresholdFor(onTest);
      line(
          "read off the test curve (not a setting, for comparison with the literature's figure):"
              + " at threshold %.4f, in scope handed over %s, out of scope handed over %s",
          testThreshold,
          pct(count(onTest, a -> a.inScope() && below(a, testThreshold)), inScope(onTest)),
          pct(count(onTest, a -> !a.inScope() && below(a, testThreshold)), outOfScope(onTest)));
      withSetting(properties, setting, onTest);
      latency(onTest);

      if (!Boolean.getBoolean("bench.skip-cold-start")) {
        coldStart(encoders, test);
      }
    } finally {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target/out-of-scope-benchmark.txt"), report.toString());
    }
  }

  private void load(
      IndexedFaqBot bot,
      PublicIntentSetBenchmark.MemoryKnowledgeBase knowledgeBase,
      List<PublicIntentSet.Row> rows,
      String what) {
    long from = System.nanoTime();
    String csv = Clinc150.faqCsv(rows);
    FaqImport.Result imported = FaqImport.read(csv);
    double readSeconds = since(from);
    assertThat(imported.problems()).as("import problems").isEmpty();
    knowledgeBase.save(imported.faqs(), Instant.now());
    from = System.nanoTime();
    bot.reload();
    double indexSeconds = since(from);
    int examples = imported.faqs().stream().mapToInt(f -> f.examples().size()).sum();
    line(
        "import of %s: %d rows, %d FAQs, %d examples (%d characters of CSV) read in %.2f s; index"
            + " (words + embedding every text not embedded before) %.1f s",
        what,
        imported.rows(),
        imported.faqs().size(),
        examples,
        csv.length(),
        readSeconds,
        indexSeconds);
  }

  private static List<Asked> ask(IndexedFaqBot bot, List<PublicIntentSet.Row> rows) {
    List<Asked> asked = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      PublicIntentSet.Row row = rows.get(i);
      long start = System.nanoTime();
      BotReply reply = bot.answer(row.text(), ChatLanguage.EN);
      long nanos = System.nanoTime() - start;
      // The same ranking again (embedding the question once more), for the settings below.
      asked.add(new Asked(row, reply, bot.match(row.text(), ChatLanguage.EN), nanos));
      if (i % 500 == 499) {
        System.out.printf(Locale.ROOT, "  asked %d of %d%n", i + 1, rows.size());
      }
    }
    return asked;
  }

  /** The default policy's figures. */
  private void outcomes(List<Asked> asked) {
    int in = inScope(asked);
    int out = outOfScope(asked);
    line("| Figure (the bot's default policy) | Value |");
    line("| --- | --- |");
    line("| in scope: questions | %d |", in);
    line(
        "| in scope: top-1 faqId right (any action) | %s |",
        pct(count(asked, a -> a.inScope() && a.right()), in));
    line(
        "| in scope: answered right | %s |",
        pct(count(asked, a -> a.inScope() && a.right() && is(a, BotReply.Action.ANSWER)), in));
    line(
        "| in scope: answered wrong | %s |",
        pct(count(asked, a -> a.inScope() && !a.right() && is(a, BotReply.Action.ANSWER)), in));
    line(
        "| in scope: clarify | %s |",
        pct(count(asked, a -> a.inScope() && is(a, BotReply.Action.CLARIFY)), in));
    line(
        "| in scope: handoff | %s |",
        pct(count(asked, a -> a.inScope() && is(a, BotReply.Action.HANDOFF)), in));
    line("| out of scope: questions | %d |", out);
    line(
        "| out of scope: handed over (action handoff) | %s |",
        pct(count(asked, a -> !a.inScope() && is(a, BotReply.Action.HANDOFF)), out));
    line(
        "| out of scope: not answered (handoff or clarify) | %s |",
        pct(count(asked, a -> !a.inScope() && !is(a, BotReply.Action.ANSWER)), out));
    line(
        "| out of scope: answered (wrongly) | %s |",
        pct(count(asked, a -> !a.inScope() && is(a, BotReply.Action.ANSWER)), out));
  }

  /**
   * The highest threshold on the bot's confidence that hands over (confidence below it) at most
   * {@link #IN_SCOPE_HANDED_OVER} of the in-scope questions.
   */
  static double thresholdFor(List<Asked> asked) {
    double[] confidences =
        asked.stream()
            .filter(Asked::inScope)
            .mapToDouble(a -> a.reply().confidence())
            .sorted()
            .toArray();
    int allowed = (int) Math.floor(IN_SCOPE_HANDED_OVER * confidences.length);
    return confidences[allowed];
  }

  /**
   * Handed over at thresholds on the bot's confidence: by the threshold alone, and by the threshold
   * on top of the default policy (hand over what the policy hands over, and any reply below it).
   */
  private void curve(List<Asked> asked, double chosen) {
    int in = inScope(asked);
    int out = outOfScope(asked);
    line(
        "| Threshold on confidence | In scope handed over | Out of scope handed over | In scope"
            + " answered right (default policy, above the threshold) | Policy + threshold: in"
            + " scope / out of scope handed over |");
    line("| --- | --- | --- | --- | --- |");
    List<Double> thresholds = new ArrayList<>();
    for (int t = 30; t <= 80; t += 5) {
      thresholds.add(t / 100.0);
    }
    thresholds.add(chosen);
    Collections.sort(thresholds);
    for (double t : thresholds) {
      Predicate<Asked> policyOrBelow = a -> below(a, t) || is(a, BotReply.Action.HANDOFF);
      line(
          "| %s%.4f%s | %s | %s | %s | %s / %s |",
          t == chosen ? "**" : "",
          t,
          t == chosen ? " (chosen on validation)**" : "",
          pct(count(asked, a -> a.inScope() && below(a, t)), in),
          pct(count(asked, a -> !a.inScope() && below(a, t)), out),
          pct(
              count(
                  asked,
                  a -> a.inScope() && !below(a, t) && a.right() && is(a, BotReply.Action.ANSWER)),
              in),
          pct(count(asked, a -> a.inScope() && policyOrBelow.test(a)), in),
          pct(count(asked, a -> !a.inScope() && policyOrBelow.test(a)), out));
    }
  }

  /**
   * The policy a shop gets by raising {@code cc.chat.clarify-threshold} and {@code
   * cc.chat.min-score} (and {@code cc.chat.answer-threshold} where it is lower) to {@code
   * threshold}: nothing below it is answered or offered as a choice. Below the defaults, the
   * defaults.
   */
  static BotPolicy policy(ChatProperties properties, double threshold) {
    ChatProperties.Meaning en = properties.meaning().get(ChatLanguage.EN.tag());
    boolean own = en != null && en.weight() > 0;
    double minScore = own && en.minScore() != null ? en.minScore() : properties.minScore();
    double clearLead = own && en.clearLead() != null ? en.clearLead() : properties.clearLead();
    return new BotPolicy(
        Math.max(properties.answerThreshold(), threshold),
        Math.max(properties.clarifyThreshold(), threshold),
        properties.margin(),
        Math.max(minScore, threshold),
        clearLead);
  }

  private static String settingNames(ChatProperties properties, double threshold) {
    BotPolicy p = policy(properties, threshold);
    return String.format(
        Locale.ROOT,
        "cc.chat.clarify-threshold=%.3f cc.chat.min-score=%.3f cc.chat.answer-threshold=%.3f",
        p.clarifyThreshold(),
        p.minScore(),
        p.answerThreshold());
  }

  /** The action {@link IndexedFaqBot#answer} takes on these matches under another policy. */
  static BotReply.Action action(BotPolicy policy, Asked asked) {
    BotDecision decision = policy.decide(asked.row().text(), asked.matches(), 0);
    if (decision instanceof BotDecision.OrderQuestion) {
      decision = policy.byScore(asked.matches(), 0);
    }
    return switch (decision) {
      case BotDecision.Answer a -> BotReply.Action.ANSWER;
      case BotDecision.Clarify c -> BotReply.Action.CLARIFY;
      default -> BotReply.Action.HANDOFF;
    };
  }

  /** The highest threshold (steps of 0.005) whose policy hands over at most 5 % in scope. */
  static double settingFor(ChatProperties properties, List<Asked> asked) {
    List<Asked> inScope = asked.stream().filter(Asked::inScope).toList();
    double chosen = 0;
    for (int step = 0; step <= 200; step++) {
      double t = step * 0.005;
      BotPolicy policy = policy(properties, t);
      long handedOver =
          inScope.stream().filter(a -> action(policy, a) == BotReply.Action.HANDOFF).count();
      if (handedOver <= IN_SCOPE_HANDED_OVER * inScope.size()) {
        chosen = t;
      }
    }
    return chosen;
  }

  private void withSetting(ChatProperties properties, double threshold, List<Asked> asked) {
    BotPolicy defaults = policy(properties, 0);
    long differing = asked.stream().filter(a -> action(defaults, a) != a.reply().action()).count();
    BotPolicy policy = policy(properties, threshold);
    int in = inScope(asked);
    int out = outOfScope(asked);
    line(
        "with %s (replayed on the same matches; the defaults replayed so differ from the bot's"
            + " own replies on %d questions): in scope answered right %s, answered wrong %s,"
            + " clarify %s, handoff %s; out of scope handoff %s, not answered %s",
        settingNames(properties, threshold),
        differing,
        pct(
            count(
                asked,
                a -> a.inScope() && a.right() && action(policy, a) == BotReply.Action.ANSWER),
            in),
        pct(
            count(
                asked,
                a -> a.inScope() && !a.right() && action(policy, a) == BotReply.Action.ANSWER),
            in),
        pct(count(asked, a -> a.inScope() && action(policy, a) == BotReply.Action.CLARIFY), in),
        pct(count(asked, a -> a.inScope() && action(policy, a) == BotReply.Action.HANDOFF), in),
        pct(count(asked, a -> !a.inScope() && action(policy, a) == BotReply.Action.HANDOFF), out),
        pct(count(asked, a -> !a.inScope() && action(policy, a) != BotReply.Action.ANSWER), out));
  }

  private void latency(List<Asked> asked) {
    long[] nanos = asked.stream().mapToLong(Asked::nanos).sorted().toArray();
    int n = nanos.length;
    line(
        "answer latency over %d test questions p50 / p95 / max: %.1f / %.1f / %.1f ms",
        n, nanos[n / 2] / 1e6, nanos[(int) (n * 0.95)] / 1e6, nanos[n - 1] / 1e6);
  }

  /**
   * The cold start on the test questions, not told the number of intents: the in-scope ones, then
   * all (the out-of-scope questions labelled as one more class, though they ask unrelated things).
   * Questions arrive in no order in a chat history, so each set is clustered shuffled (fixed seed)
   * as well as in file order (grouped by intent, which suits the clusterer's first pass). Each text
   * is embedded once and reused by every run.
   */
  private void coldStart(SentenceEncoders encoders, List<PublicIntentSet.Row> test) {
    SentenceEncoder model = encoders.of(ChatLanguage.EN).orElseThrow();
    Map<String, float[]> embedded = new ConcurrentHashMap<>();
    SentenceEncoder cached = text -> embedded.computeIfAbsent(text, model::encode);
    long from = System.nanoTime();
    test.forEach(r -> cached.encode(r.text()));
    line("");
    line(
        "3. cold start: %d test questions embedded once in %.1f s (reused by every run below)",
        test.size(), since(from));
    ColdStartJobs.ByMeaning en = ColdStartJobs.BY_MEANING.get(ChatLanguage.EN);
    // As ColdStartJobs.clusterers builds the English one, over the cached encoder.
    QuestionClusterer byMeaning =
        new QuestionClusterer(new JiebaTokenizer(), en.threshold(), 2, cached, en.weight());
    QuestionClusterer byWords =
        new QuestionClusterer(new JiebaTokenizer(), ColdStartJobs.WORDS_THRESHOLD, 2);
    line("| Questions | Order | Clustering | Clusters | Unclustered | NMI | Wall time |");
    line("| --- | --- | --- | --- | --- | --- | --- |");
    List<PublicIntentSet.Row> inScope = test.stream().filter(Clinc150::inScope).toList();
    for (List<PublicIntentSet.Row> set : List.of(inScope, test)) {
      String name = set.size() + (set == inScope ? " in scope (150 intents)" : " all (150 + oos)");
      List<PublicIntentSet.Row> shuffled = new ArrayList<>(set);
      Collections.shuffle(shuffled, new Random(13));
      for (var order : List.of(Map.entry("shuffled", shuffled), Map.entry("file", set))) {
        cluster(name, order.getKey(), "words + meaning " + en, byMeaning, order.getValue());
        cluster(
            name,
            order.getKey(),
            "words " + ColdStartJobs.WORDS_THRESHOLD,
            byWords,
            order.getValue());
      }
    }
    line("(unclustered questions count as singletons in the NMI)");
  }

  private void cluster(
      String set,
      String order,
      String how,
      QuestionClusterer clusterer,
      List<PublicIntentSet.Row> rows) {
    List<String> texts = rows.stream().map(PublicIntentSet.Row::text).toList();
    List<String> labels = rows.stream().map(PublicIntentSet.Row::category).toList();
    long from = System.nanoTime();
    QuestionClusterer.Result result = clusterer.cluster(texts, p -> {});
    double seconds = since(from);
    double nmi =
        QuestionClusteringTest.nmi(
            labels, QuestionClusteringTest.withSingletons(result, texts.size()));
    line(
        "| %s | %s | %s | %d | %d | %.3f | %.1f s |",
        set, order, how, result.clusters().size(), result.unclustered().size(), nmi, seconds);
  }

  private static boolean below(Asked a, double threshold) {
    return a.reply().confidence() < threshold;
  }

  private static boolean is(Asked a, BotReply.Action action) {
    return a.reply().action() == action;
  }

  private static int count(List<Asked> asked, Predicate<Asked> which) {
    return (int) asked.stream().filter(which).count();
  }

  private static int inScope(List<Asked> asked) {
    return count(asked, Asked::inScope);
  }

  private static int outOfScope(List<Asked> asked) {
    return count(asked, a -> !a.inScope());
  }

  private static String pct(int part, int whole) {
    return String.format(Locale.ROOT, "%.1f %% (%d)", 100.0 * part / whole, part);
  }

  private static double since(long fromNanos) {
    return (System.nanoTime() - fromNanos) / 1e9;
  }

  private void line(String format, Object... args) {
    String l = String.format(Locale.ROOT, format, args);
    System.out.println(l);
    report.append(l).append('\n');
  }
}
