package io.contactcenter.qa.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.qa.ConversationScore;
import io.contactcenter.qa.QaRule;
import io.contactcenter.qa.RuleDefinition;
import io.contactcenter.qa.RuleHit;
import io.contactcenter.qa.RuleKind;
import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScorerTest {

  private static final QaRule GREETING =
      rule(
          "Greeting",
          RuleKind.REQUIRED_PHRASE,
          "opening",
          10,
          false,
          List.of("thank you for calling"),
          Duration.ofSeconds(10),
          null,
          null,
          null);
  private static final QaRule FORBIDDEN =
      rule(
          "No swearing",
          RuleKind.FORBIDDEN_PHRASE,
          "compliance",
          20,
          true,
          List.of("stupid"),
          null,
          null,
          null,
          null);
  private static final QaRule SILENCE =
      rule(
          "Dead air",
          RuleKind.MAX_SILENCE,
          "flow",
          5,
          false,
          List.of(),
          null,
          Duration.ofSeconds(10),
          null,
          null);

  @Test
  void aGreetingWithinTenSecondsPassesEvenWhenMisrecognized() {
    List<TranscriptWord> words = words(1000, "hello", "thank", "you", "for", "coling");

    ConversationScore score = Scorer.score(List.of(GREETING), "en", words, 5000);

    assertThat(score.score()).isEqualTo(100);
    RuleHit hit = score.hits().getFirst();
    assertThat(hit.passed()).isTrue();
    assertThat(hit.startMs()).isEqualTo(1250);
    assertThat(hit.evidence()).contains("thank you for coling");
  }

  @Test
  void aGreetingAfterTenSecondsFailsAtItsTime() {
    List<TranscriptWord> words = words(11_000, "thank", "you", "for", "calling");

    ConversationScore score = Scorer.score(List.of(GREETING), "en", words, 20_000);

    assertThat(score.score()).isZero();
    assertThat(score.autoFailed()).isFalse();
    assertThat(score.hits().getFirst().passed()).isFalse();
    assertThat(score.hits().getFirst().startMs()).isEqualTo(11_000);
  }

  @Test
  void aMissingGreetingFailsOverTheFirstTenSeconds() {
    ConversationScore score =
        Scorer.score(List.of(GREETING), "en", words(0, "good", "morning"), 30_000);

    RuleHit hit = score.hits().getFirst();
    assertThat(hit.passed()).isFalse();
    assertThat(hit.evidence()).isEqualTo("not said");
    assertThat(hit.endMs()).isEqualTo(10_000);
  }

  @Test
  void aForbiddenWordAutoFailsAndIsHitWhereverItIsSaid() {
    List<TranscriptWord> words = new ArrayList<>(words(0, "that", "is", "stupid"));
    words.addAll(words(20_000, "so", "stupit"));

    ConversationScore score = Scorer.score(List.of(GREETING, FORBIDDEN), "en", words, 30_000);

    assertThat(score.autoFailed()).isTrue();
    assertThat(score.score()).isZero();
    assertThat(score.hits())
        .filteredOn(h -> h.kind() == RuleKind.FORBIDDEN_PHRASE)
        .extracting(RuleHit::startMs)
        .containsExactly(500L, 20_250L);
  }

  @Test
  void silenceLongerThanTheLimitIsHitAtTheGap() {
    List<TranscriptWord> words = new ArrayList<>(words(0, "hello"));
    words.addAll(words(12_250, "sorry"));

    ConversationScore score = Scorer.score(List.of(SILENCE), "en", words, 15_000);

    RuleHit hit = score.hits().getFirst();
    assertThat(hit.passed()).isFalse();
    assertThat(hit.startMs()).isEqualTo(250);
    assertThat(hit.endMs()).isEqualTo(12_250);
    assertThat(hit.evidence()).isEqualTo("12.0 s of silence");
  }

  @Test
  void talkOverNeedsTwoKnownSpeakersAtOnce() {
    QaRule talkOver =
        rule(
            "Talk-over",
            RuleKind.TALK_OVER,
            "flow",
            5,
            false,
            List.of(),
            null,
            Duration.ofSeconds(1),
            null,
            null);
    List<TranscriptWord> words = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      words.add(
          new TranscriptWord("a" + i, 5000 + i * 300L, 5000 + i * 300L + 250, 1, Speaker.AGENT));
    }
    for (int i = 0; i < 5; i++) {
      words.add(
          new TranscriptWord("c" + i, 6000 + i * 300L, 6000 + i * 300L + 250, 1, Speaker.CUSTOMER));
    }

    List<RuleHit> hits = Scorer.score(List.of(talkOver), "en", words, 10_000).hits();

    assertThat(hits).hasSize(1);
    assertThat(hits.getFirst().passed()).isFalse();
    assertThat(hits.getFirst().startMs()).isEqualTo(6000);
    assertThat(hits.getFirst().endMs()).isEqualTo(7450);

    List<TranscriptWord> mixed =
        words.stream()
            .map(w -> new TranscriptWord(w.word(), w.startMs(), w.endMs(), 1, Speaker.UNKNOWN))
            .toList();
    assertThat(Scorer.score(List.of(talkOver), "en", mixed, 10_000).hits().getFirst().passed())
        .as("one mixed channel: no talk-over can be told")
        .isTrue();
  }

  @Test
  void speakingRateCountsWordsPerMinuteOfSpeech() {
    QaRule rate =
        rule("Pace", RuleKind.SPEAKING_RATE, "flow", 5, false, List.of(), null, null, 180, null);
    // 10 words in 2.5 s of speech: 240 per minute.
    List<TranscriptWord> fast = words(0, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j");

    RuleHit hit = Scorer.score(List.of(rate), "en", fast, 3000).hits().getFirst();

    assertThat(hit.passed()).isFalse();
    assertThat(hit.evidence()).isEqualTo("240 per minute");
  }

  @Test
  void chinesePhrasesMatchByCharacterWhateverTheSegmentation() {
    QaRule greeting =
        rule(
            "问候",
            RuleKind.REQUIRED_PHRASE,
            "opening",
            10,
            false,
            List.of("您好，很高兴为您服务"),
            Duration.ofSeconds(10),
            null,
            null,
            "zh");
    List<TranscriptWord> words = words(2000, "您好", "很", "高兴", "未", "您", "服务");

    ConversationScore zh = Scorer.score(List.of(greeting), "zh", words, 8000);
    ConversationScore en = Scorer.score(List.of(greeting), "en", words, 8000);

    assertThat(zh.hits().getFirst().passed()).as("one wrong character of nine").isTrue();
    assertThat(zh.hits().getFirst().startMs()).isEqualTo(2000);
    assertThat(en.hits()).as("a zh rule does not apply to an en call").isEmpty();
    assertThat(en.score()).isEqualTo(100);
  }

  @Test
  void sectionsWeighTheirRules() {
    List<TranscriptWord> words = new ArrayList<>(words(0, "hello"));
    words.addAll(words(15_000, "bye"));

    ConversationScore score =
        Scorer.score(List.of(GREETING, SILENCE, FORBIDDEN), "en", words, 16_000);

    assertThat(score.autoFailed()).isFalse();
    // greeting (10) failed, silence (5) failed, forbidden (20) passed: 20 of 35.
    assertThat(score.score()).isEqualTo(57.1);
    assertThat(score.sections())
        .extracting(s -> s.section() + " " + s.points() + "/" + s.maxPoints())
        .containsExactly("compliance 20/20", "flow 0/5", "opening 0/10");
  }

  @Test
  void badRulesNameTheirProblem() {
    assertThatThrownBy(
            () ->
                new RuleDefinition(
                    "x",
                    RuleKind.REQUIRED_PHRASE,
                    "s",
                    1,
                    false,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
        .hasMessageContaining("phrases");
    assertThatThrownBy(
            () ->
                new RuleDefinition(
                    "x",
                    RuleKind.MAX_SILENCE,
                    "s",
                    1,
                    false,
                    "fr",
                    null,
                    null,
                    Duration.ofSeconds(3),
                    null,
                    null,
                    null,
                    null))
        .hasMessageContaining("language must be en or zh");
    assertThatThrownBy(
            () ->
                new RuleDefinition(
                    "x",
                    RuleKind.MAX_SILENCE,
                    "s",
                    1,
                    false,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
        .hasMessageContaining("limit");
  }

  /** Words 250 ms long, one every 250 ms from a start, as an unknown speaker. */
  static List<TranscriptWord> words(long startMs, String... words) {
    List<TranscriptWord> out = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      long s = startMs + i * 250L;
      out.add(new TranscriptWord(words[i], s, s + 250, 0.9, Speaker.UNKNOWN));
    }
    return out;
  }

  static QaRule rule(
      String name,
      RuleKind kind,
      String section,
      int weight,
      boolean autoFail,
      List<String> phrases,
      Duration within,
      Duration limit,
      Integer maxRate,
      String language) {
    return new QaRule(
        UUID.randomUUID(),
        new RuleDefinition(
            name, kind, section, weight, autoFail, language, phrases, within, limit, maxRate, null,
            null, null),
        Instant.EPOCH);
  }
}
