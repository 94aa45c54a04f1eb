package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.BotReply;
import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.FaqEntry;
import io.contactcenter.onlinechat.internal.domain.FaqIndex;
import io.contactcenter.onlinechat.internal.domain.QuestionClusterer;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Issue 13's public-set goals on the 77-intent banking set ({@link PublicIntentSet}, read from
 * {@code -Dbench.banking77=DIR}): its train questions imported as FAQs (one per intent) through the
 * import's own parser ({@link FaqImport}, as {@code POST /api/v1/kb/faqs/import} reads the file),
 * the bot built by the application's own configuration ({@link ChatConfiguration}: jieba/TF-IDF
 * words and bge-small meaning, the per-language thresholds), every test question asked as {@code
 * POST /api/v1/bot/answer} asks it ({@link IndexedFaqBot#answer}); then the cold start's clusterer
 * ({@link ColdStartJobs#clusterers}) on the test questions, not told the number of intents, scored
 * by NMI against the intents. Only the database is left out: the knowledge base is kept in memory
 * and read back as {@link JdbcKnowledgeBase#enabled} reads it.
 *
 * <p>With {@code -Dbench.validation=true} the test file is not read at all: every tenth train
 * question of each intent is held out and asked instead. Changes to the bot are chosen there, never
 * on the test questions. Settings {@code -Dcc.chat.…} are bound as the application binds them.
 *
 * <p>Not part of the test suite (its name does not end in Test); see docs/benchmarks.md for how to
 * run it. Writes {@code online-chat/target/public-intent-set-benchmark.txt}.
 */
class PublicIntentSetBenchmark {

  private final IntentSetBot.Report report = new IntentSetBot.Report();

  @Test
  void banking77() throws Exception {
    String dirName = System.getProperty("bench.banking77");
    if (dirName == null || dirName.isBlank()) {
      throw new IllegalStateException(
          "set -Dbench.banking77=DIR, a directory with train.csv and test.csv of BANKING77 (or"
              + " train/chunk-NN.txt and test/chunk-NN.txt); see docs/benchmarks.md");
    }
    Path dir = Path.of(dirName);
    boolean partial = Boolean.getBoolean("bench.partial");
    boolean validation = Boolean.getBoolean("bench.validation");
    try {
      List<PublicIntentSet.Row> train = PublicIntentSet.read(dir, PublicIntentSet.TRAIN, partial);
      List<PublicIntentSet.Row> asked;
      String setName;
      if (validation) {
        PublicIntentSet.Split split = PublicIntentSet.validation(train, 10);
        train = split.fit();
        asked = split.validation();
        setName = "validation (every 10th train question of each intent; test not read)";
      } else {
        asked = PublicIntentSet.read(dir, PublicIntentSet.TEST, partial);
        setName = "test";
        List<String> uneven = PublicIntentSet.unevenTestCategories(asked);
        if (!uneven.isEmpty() && !partial) {
          line("NOTE: test categories without 40 questions in this copy: %s", uneven);
        }
      }
      if (partial) {
        // Only intents both parts hold: a development run while the copy arrives.
        var known = PublicIntentSet.counts(train).keySet();
        asked = asked.stream().filter(r -> known.contains(r.category())).toList();
        line("PARTIAL DATA: a development run, not a result");
      }
      line(
          "BANKING77 from %s: %d train questions in %d intents; asked: %s, %d questions in %d"
              + " intents; load average %.2f, %d processors",
          dir,
          train.size(),
          PublicIntentSet.counts(train).size(),
          setName,
          asked.size(),
          PublicIntentSet.counts(asked).size(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());
      answers(train, asked);
      if (!validation && !Boolean.getBoolean("bench.skip-cold-start")) {
        coldStart(asked);
      }
    } finally {
      report.write("public-intent-set-benchmark.txt");
    }
  }

  /**
   * Ways of scoring an FAQ, compared on the validation split cut from the train questions (the test
   * file is not read): each FAQ's example similarities by words and by meaning are computed once,
   * then aggregated several ways. Run with {@code -Dtest=PublicIntentSetBenchmark#methods}.
   */
  @Test
  void methods() throws Exception {
    Path dir = Path.of(System.getProperty("bench.banking77"));
    PublicIntentSet.Split split =
        PublicIntentSet.validation(
            PublicIntentSet.read(dir, PublicIntentSet.TRAIN, Boolean.getBoolean("bench.partial")),
            10);
    IntentSetBot bot = new IntentSetBot(report);
    bot.knowledgeBase.save(
        FaqImport.read(PublicIntentSet.faqCsv(split.fit())).faqs(), Instant.now());
    List<FaqEntry> faqs = bot.knowledgeBase.enabled(ChatLanguage.EN);
    var tokenizer = bot.lexicons.of(ChatLanguage.EN).tokenizer();
    var encoder = bot.encoders.of(ChatLanguage.EN).orElseThrow();
    SimilarityTable table = SimilarityTable.of(faqs, split.validation(), tokenizer, encoder);
    line(
        "methods on the validation split: %d FAQs, %d examples, %d questions",
        faqs.size(), table.examples(), split.validation().size());
    for (String aggregate :
        System.getProperty(
                "bench.methods",
                "max+centroid,top3+centroid,top5+centroid,top10+centroid,top3,top5,centroid,knn10")
            .split(",")) {
      for (double weight : new double[] {0.0, 0.5, 0.6, 0.7, 0.8, 0.9}) {
        for (double floor : new double[] {0.5, 0.7}) {
          if (weight == 0 && floor != 0.7) {
            continue;
          }
          int top1 =
              table.top1(
                  aggregate,
                  new io.contactcenter.onlinechat.internal.domain.MeaningWeight(weight, floor));
          line(
              "method %-15s weight %.1f floor %.1f: top-1 %s",
              aggregate, weight, floor, pct(top1, split.validation().size()));
        }
      }
    }
    report.write("public-intent-set-methods.txt");
  }

  private void answers(List<PublicIntentSet.Row> train, List<PublicIntentSet.Row> asked) {
    IntentSetBot set = new IntentSetBot(report);
    set.load(PublicIntentSet.faqCsv(train), "the train questions");
    IndexedFaqBot bot = set.bot;

    int top1 = 0, answeredRight = 0, wrongAnswers = 0, clarify = 0, handoff = 0;
    int clarifyWithRight = 0, top3 = 0;
    long[] nanos = new long[asked.size()];
    Map<String, Integer> confusions = new LinkedHashMap<>();
    for (int i = 0; i < asked.size(); i++) {
      PublicIntentSet.Row q = asked.get(i);
      long start = System.nanoTime();
      BotReply reply = bot.answer(q.text(), ChatLanguage.EN);
      nanos[i] = System.nanoTime() - start;
      boolean right = q.category().equals(reply.faqId());
      top1 += right ? 1 : 0;
      if (right
          || reply.alternatives().stream().limit(3).anyMatch(a -> a.faqId().equals(q.category()))) {
        top3++;
      }
      switch (reply.action()) {
        case ANSWER -> {
          answeredRight += right ? 1 : 0;
          wrongAnswers += right ? 0 : 1;
        }
        case CLARIFY -> {
          clarify++;
          clarifyWithRight +=
              reply.alternatives().stream().anyMatch(a -> a.faqId().equals(q.category())) ? 1 : 0;
        }
        case HANDOFF -> handoff++;
      }
      if (!right) {
        confusions.merge(q.category() + " -> " + reply.faqId(), 1, Integer::sum);
      }
      if (i % 500 == 499) {
        System.out.printf(Locale.ROOT, "  asked %d of %d%n", i + 1, asked.size());
      }
    }
    Arrays.sort(nanos);
    int n = asked.size();
    line("");
    line("| Figure | Value |");
    line("| --- | --- |");
    line("| questions asked | %d |", n);
    line("| top-1 faqId right (any action) | %s |", pct(top1, n));
    line("| right FAQ among the top 3 | %s |", pct(top3, n));
    line("| answered right (action answer, right FAQ) | %s |", pct(answeredRight, n));
    line("| answered wrong (action answer, wrong FAQ) | %s |", pct(wrongAnswers, n));
    line("| clarify | %s (right FAQ among the choices: %d) |", pct(clarify, n), clarifyWithRight);
    line("| handoff | %s |", pct(handoff, n));
    line(
        "| answer latency p50 / p95 / max | %.1f / %.1f / %.1f ms |",
        nanos[n / 2] / 1e6, nanos[(int) (n * 0.95)] / 1e6, nanos[n - 1] / 1e6);
    line("");
    // Words alone on the same FAQs, as a reference for what meaning adds.
    List<FaqEntry> entries = set.knowledgeBase.enabled(ChatLanguage.EN);
    FaqIndex words =
        FaqIndex.build(
            entries,
            BotTokenizers.of(set.properties.synonyms(), new DefaultResourceLoader())
                .get(ChatLanguage.EN));
    int wordsTop1 = 0;
    for (PublicIntentSet.Row q : asked) {
      List<io.contactcenter.onlinechat.internal.domain.FaqMatch> m = words.match(q.text(), 1);
      wordsTop1 += !m.isEmpty() && m.get(0).faq().faqId().equals(q.category()) ? 1 : 0;
    }
    line("reference: words only (TF-IDF, no meaning) top-1 %s", pct(wordsTop1, n));
    line("most frequent confusions (asked -> bot's top FAQ):");
    confusions.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(15)
        .forEach(e -> line("  %3d  %s", e.getValue(), e.getKey()));
  }

  private void coldStart(List<PublicIntentSet.Row> asked) {
    List<String> texts = asked.stream().map(PublicIntentSet.Row::text).toList();
    List<String> labels = asked.stream().map(PublicIntentSet.Row::category).toList();
    ChatConfiguration configuration = new ChatConfiguration();
    ChatProperties properties = IntentSetBot.properties();
    SentenceEncoders encoders =
        configuration.chatSentenceEncoders(
            properties, configuration.chatBotLexicons(properties, new DefaultResourceLoader()));
    Map<String, QuestionClusterer> clusterers = new LinkedHashMap<>();
    clusterers.put(
        "words (threshold " + ColdStartJobs.WORDS_THRESHOLD + ")",
        new QuestionClusterer(new JiebaTokenizer(), ColdStartJobs.WORDS_THRESHOLD, 2));
    clusterers.put(
        "words + meaning, as the application runs it "
            + ColdStartJobs.BY_MEANING.get(ChatLanguage.EN),
        ColdStartJobs.clusterers(encoders).get(ChatLanguage.EN));
    line("");
    line(
        "cold start on the %d asked questions (%d true intents), not told the number:",
        texts.size(), labels.stream().distinct().count());
    line("| Clustering | Clusters | Unclustered | NMI | Wall time |");
    line("| --- | --- | --- | --- | --- |");
    for (var entry : clusterers.entrySet()) {
      long from = System.nanoTime();
      List<Double> progress = new ArrayList<>();
      QuestionClusterer.Result result = entry.getValue().cluster(texts, progress::add);
      double seconds = since(from);
      double nmi =
          QuestionClusteringTest.nmi(
              labels, QuestionClusteringTest.withSingletons(result, texts.size()));
      line(
          "| %s | %d | %d | %.3f | %.1f s |",
          entry.getKey(), result.clusters().size(), result.unclustered().size(), nmi, seconds);
    }
    line("(unclustered questions count as singletons in the NMI)");
  }

  private static String pct(int part, int whole) {
    return IntentSetBot.Report.pct(part, whole);
  }

  private static double since(long fromNanos) {
    return IntentSetBot.Report.since(fromNanos);
  }

  private void line(String format, Object... args) {
    report.line(format, args);
  }
}
