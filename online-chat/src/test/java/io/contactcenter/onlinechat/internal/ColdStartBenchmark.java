package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.QuestionClusterer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The knowledge-base cold start at scale: {@code bench.cold-start} (100,000) questions per language
 * of {@code bench.langs} (en,zh), made from the FAQ test set's questions and paraphrases with a
 * greeting, a tail, an order number or a dropped word, clustered by {@link ColdStartJobs} as the
 * application builds it (words and meaning, bge-small), on its one background thread. Prints wall
 * time, the process's CPU time, heap and resident set, and the job's progress (the value {@code GET
 * /api/v1/kb/cold-start/{id}} returns) as it moves. Not part of the test suite (its name does not
 * end in Test); see docs/benchmarks.md for how to run it. Writes {@code
 * online-chat/target/cold-start-benchmark.txt}.
 */
class ColdStartBenchmark {

  private final StringBuilder report = new StringBuilder();

  @Test
  void coldStartOfManyQuestions() throws Exception {
    int count = Integer.getInteger("bench.cold-start", 100_000);
    SentenceEncoders encoders =
        new SentenceEncoders(
            ChatProperties.DEFAULT_MEANING,
            BotLexicons.configured(
                ChatProperties.DEFAULT_SYNONYMS,
                new org.springframework.core.io.DefaultResourceLoader()));
    Map<ChatLanguage, QuestionClusterer> clusterers = new java.util.EnumMap<>(ChatLanguage.class);
    for (ChatLanguage lang : ChatLanguage.values()) {
      clusterers.put(
          lang,
          new QuestionClusterer(
              new JiebaTokenizer(),
              ColdStartJobs.BY_MEANING.get(lang).threshold(),
              2,
              encoders.of(lang).orElseThrow(),
              ColdStartJobs.BY_MEANING.get(lang).weight()));
    }
    try (com.zaxxer.hikari.HikariDataSource db = ColdStartJobsIT.database();
        ColdStartJobs jobs =
            new ColdStartJobs(
                clusterers,
                new JdbcColdStartJobs(
                    org.springframework.jdbc.core.simple.JdbcClient.create(db),
                    new com.fasterxml.jackson.databind.ObjectMapper()),
                Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("chat-cold-start").daemon(true).factory()),
                java.time.Clock.systemUTC(),
                "benchmark")) {
      for (String tag : System.getProperty("bench.langs", "en,zh").split(",")) {
        ChatLanguage lang = ChatLanguage.of(tag.trim());
        List<String> questions = questions(lang, count);
        System.gc();
        long heapFrom = heapUsed();
        long rssFrom = rssBytes();
        long cpuFrom = cpuNanos();
        long from = System.nanoTime();
        ColdStartJobs.Job job = jobs.start(questions, lang);
        Samples samples = new Samples(lang, from, heapFrom, rssFrom);
        // Samples the heap, the resident set and the progress each second until the job ends.
        await()
            .atMost(Duration.ofHours(1))
            .pollDelay(Duration.ofSeconds(1))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> {
                  samples.take(job.progress);
                  return job.state != ColdStartJobs.State.RUNNING;
                });
        List<String> progress = samples.progress;
        line(
            "cold start %s: %d questions, %s after %.1f s wall, %.1f s CPU (the process), %d"
                + " clusters, %d unclustered; heap peak +%.0f MB, resident set peak +%.0f MB;"
                + " load average %.2f",
            lang.tag(),
            count,
            job.state,
            since(from),
            (cpuNanos() - cpuFrom) / 1e9,
            job.review == null ? 0 : job.review.clusters().size(),
            job.unclustered.size(),
            (samples.heapPeak - heapFrom) / 1e6,
            (samples.rssPeak - rssFrom) / 1e6,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        line("progress seen (%d values): %s", progress.size(), String.join(", ", progress));
        assertThat(job.state).isEqualTo(ColdStartJobs.State.DONE);
        assertThat(progress.size()).isGreaterThan(2);
      }
    } finally {
      Files.writeString(Path.of("target/cold-start-benchmark.txt"), report.toString());
    }
  }

  /** What the benchmark sees of a running job, sampled once a second. */
  private static final class Samples {
    private final ChatLanguage lang;
    private final long from;
    private long lastPrint;
    final List<String> progress = new ArrayList<>();
    long heapPeak;
    long rssPeak;

    Samples(ChatLanguage lang, long from, long heapFrom, long rssFrom) {
      this.lang = lang;
      this.from = from;
      this.lastPrint = from;
      this.heapPeak = heapFrom;
      this.rssPeak = rssFrom;
    }

    void take(double jobProgress) throws IOException {
      heapPeak = Math.max(heapPeak, heapUsed());
      rssPeak = Math.max(rssPeak, rssBytes());
      String p = String.format(Locale.ROOT, "%.2f", jobProgress);
      if (progress.isEmpty() || !progress.get(progress.size() - 1).endsWith(" " + p)) {
        progress.add(String.format(Locale.ROOT, "%.0fs %s", since(from), p));
      }
      if (System.nanoTime() - lastPrint > 30_000_000_000L) {
        lastPrint = System.nanoTime();
        System.out.printf(Locale.ROOT, "  %s %.0f s: progress %s%n", lang, since(from), p);
      }
    }
  }

  /** {@code count} questions of one language, deterministic. */
  static List<String> questions(ChatLanguage lang, int count) throws IOException {
    List<String> base = new ArrayList<>();
    List<List<String>> rows = CsvRows.parse(FaqBotAccuracyTest.resource("faqs.csv"));
    List<String> header = rows.get(0);
    int question = header.indexOf("question");
    int example = header.indexOf("example");
    int language = header.indexOf("lang");
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.get(language).equals(lang.tag())) {
        for (String text : List.of(row.get(question), row.get(example))) {
          if (!text.isBlank()) {
            base.add(text);
          }
        }
      }
    }
    boolean zh = lang == ChatLanguage.ZH;
    String[] heads =
        zh
            ? new String[] {"", "你好，", "请问", "亲，", "麻烦问下，", "客服，", "在吗？"}
            : new String[] {"", "hi, ", "hello ", "excuse me, ", "quick question: ", "hey "};
    String[] tails =
        zh
            ? new String[] {"", "谢谢", "？", "啊", "，急", "，在线等", "呢"}
            : new String[] {"", " thanks", " please", "??", " asap", " thank you!"};
    Random random = new Random(13);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String text = base.get(random.nextInt(base.size()));
      if (random.nextInt(4) == 0) {
        text = dropOne(text, zh, random);
      }
      if (random.nextInt(5) == 0) {
        text = text + (zh ? "，订单号" : " order ") + (100000 + random.nextInt(900000));
      }
      text = heads[random.nextInt(heads.length)] + text + tails[random.nextInt(tails.length)];
      out.add(zh || random.nextBoolean() ? text : text.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** Without one word (English) or one character (Chinese), when the text is long enough. */
  private static String dropOne(String text, boolean zh, Random random) {
    if (zh) {
      if (text.length() < 6) {
        return text;
      }
      int at = random.nextInt(text.length());
      return text.substring(0, at) + text.substring(at + 1);
    }
    String[] words = text.split(" ");
    if (words.length < 4) {
      return text;
    }
    int drop = random.nextInt(words.length);
    List<String> kept = new ArrayList<>();
    for (int w = 0; w < words.length; w++) {
      if (w != drop) {
        kept.add(words[w]);
      }
    }
    return String.join(" ", kept);
  }

  private static double since(long fromNanos) {
    return (System.nanoTime() - fromNanos) / 1e9;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long rssBytes() throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith("VmRSS:")) {
        return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return 0;
  }

  private void line(String format, Object... args) {
    String l = String.format(Locale.ROOT, format, args);
    System.out.println(l);
    report.append(l).append('\n');
  }
}
