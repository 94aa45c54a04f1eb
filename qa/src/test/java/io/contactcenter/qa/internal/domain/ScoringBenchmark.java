package io.contactcenter.qa.internal.domain;

import io.contactcenter.qa.QaRule;
import io.contactcenter.qa.RuleDefinition;
import io.contactcenter.qa.RuleKind;
import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rule scoring time for 50 rules (20 required phrases, 20 forbidden phrases, 4 silence, 3
 * talk-over, 3 speaking-rate) on a {@code bench.minutes} (5) minute two-party conversation at 150
 * words a minute each way. Prints and writes {@code qa/target/scoring-benchmark.txt}. Not part of
 * the test suite: {@code ./mvnw -o -q test -pl qa -am -Dtest=ScoringBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; see docs/benchmarks.md.
 */
class ScoringBenchmark {

  private static final String[] VOCABULARY =
      ("hello thank you for calling my name is anna how can i help today order parcel delivery"
              + " address number tomorrow monday cancel refund payment card account please sorry"
              + " understand check moment wait again fine great yes no maybe right now")
          .split(" ");

  @Test
  void fiftyRulesOnAFiveMinuteCall() throws Exception {
    int minutes = Integer.getInteger("bench.minutes", 5);
    Random random = new Random(42);
    List<TranscriptWord> words = new ArrayList<>();
    for (Speaker speaker : List.of(Speaker.AGENT, Speaker.CUSTOMER)) {
      long at = speaker == Speaker.AGENT ? 0 : 200;
      for (int i = 0; i < minutes * 150; i++) {
        String word = VOCABULARY[random.nextInt(VOCABULARY.length)];
        words.add(new TranscriptWord(word, at, at + 300, 0.9, speaker));
        at += 400 + (i % 9 == 0 ? 1500 : 0);
      }
    }
    List<QaRule> rules = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rules.add(
          rule(
              RuleKind.REQUIRED_PHRASE,
              List.of("thank you for calling " + VOCABULARY[i], "how can i help you " + i),
              Duration.ofSeconds(10),
              null,
              null));
      rules.add(
          rule(
              RuleKind.FORBIDDEN_PHRASE,
              List.of("that is stupid " + i, "shut up " + VOCABULARY[i]),
              null,
              null,
              null));
    }
    for (int i = 0; i < 4; i++) {
      rules.add(rule(RuleKind.MAX_SILENCE, List.of(), null, Duration.ofSeconds(3 + i), null));
    }
    for (int i = 0; i < 3; i++) {
      rules.add(rule(RuleKind.TALK_OVER, List.of(), null, Duration.ofSeconds(1 + i), null));
      rules.add(rule(RuleKind.SPEAKING_RATE, List.of(), null, null, 160 + i * 20));
    }
    long durationMs = minutes * 60_000L;
    for (int i = 0; i < 30; i++) {
      Scorer.score(rules, "en", words, durationMs);
    }
    int runs = 200;
    long[] nanos = new long[runs];
    long[] cpu = new long[runs];
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < runs; i++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      Scorer.score(rules, "en", words, durationMs);
      nanos[i] = System.nanoTime() - start;
      cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
    }
    Arrays.sort(nanos);
    Arrays.sort(cpu);
    String report =
        String.format(
            Locale.ROOT,
            "%d rules, %d words (%d min, two parties): median %.2f ms, p95 %.2f ms, max %.2f ms"
                + " per conversation; CPU median %.2f ms, p95 %.2f ms; load average %.1f on %d"
                + " cores%n",
            rules.size(),
            words.size(),
            minutes,
            nanos[runs / 2] / 1e6,
            nanos[runs * 95 / 100] / 1e6,
            nanos[runs - 1] / 1e6,
            cpu[runs / 2] / 1e6,
            cpu[runs * 95 / 100] / 1e6,
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage(),
            Runtime.getRuntime().availableProcessors());
    System.out.print(report);
    Files.writeString(Path.of("target/scoring-benchmark.txt"), report);
  }

  private static QaRule rule(
      RuleKind kind, List<String> phrases, Duration within, Duration limit, Integer maxRate) {
    return new QaRule(
        UUID.randomUUID(),
        new RuleDefinition(
            kind + " rule",
            kind,
            "section",
            5,
            false,
            null,
            phrases,
            within,
            limit,
            maxRate,
            null,
            null,
            null),
        Instant.EPOCH);
  }
}
