package io.contactcenter.qa.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.qa.Channel;
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

/** Complaint signals, hold time and combined rules, on transcripts with known timings. */
class SignalRulesTest {

  private static final QaRule COMPLAINT = rule(RuleKind.COMPLAINT, "Complaint", 0, List.of(), null);
  private static final QaRule HOLD =
      rule(RuleKind.HOLD_TIME, "Hold at most 30 s", 10, List.of(), Duration.ofSeconds(30));

  /** Words of one speaker, 250 ms each, one every 250 ms from a start. */
  private static List<TranscriptWord> says(Speaker speaker, long startMs, String text) {
    List<TranscriptWord> out = new ArrayList<>();
    String[] words = text.split(" ");
    for (int i = 0; i < words.length; i++) {
      long s = startMs + i * 250L;
      out.add(new TranscriptWord(words[i], s, s + 250, 0.9, speaker));
    }
    return out;
  }

  /** Chinese as Vosk gives it: one character a word. */
  private static List<TranscriptWord> saysZh(Speaker speaker, long startMs, String text) {
    return says(speaker, startMs, String.join(" ", text.split("")));
  }

  private static List<TranscriptWord> call(List<List<TranscriptWord>> parts) {
    return parts.stream().flatMap(List::stream).toList();
  }

  @Test
  void aCustomerComplainingInEnglishOrChineseIsFlaggedWhereItWasSaidAndAnAgentIsNot() {
    List<TranscriptWord> en =
        call(
            List.of(
                says(Speaker.AGENT, 0, "thank you for calling"),
                says(Speaker.CUSTOMER, 3000, "this is ridiculous i want to complain"),
                says(Speaker.AGENT, 6000, "i understand you want to complain")));
    List<RuleHit> hits = Scorer.score(List.of(COMPLAINT), "en", en, 9000).hits();
    assertThat(hits)
        .extracting(RuleHit::startMs, RuleHit::passed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3500L, false),
            org.assertj.core.groups.Tuple.tuple(3750L, false));
    ConversationScore score = Scorer.score(List.of(COMPLAINT), "en", en, 9000);
    assertThat(Scorer.hasComplaint(score)).isTrue();
    assertThat(score.score()).as("weight 0 only flags").isEqualTo(100);

    List<TranscriptWord> zh =
        call(
            List.of(saysZh(Speaker.AGENT, 0, "您好"), saysZh(Speaker.CUSTOMER, 2000, "你们服务太差了我要投诉")));
    List<RuleHit> zhHits = Scorer.score(List.of(COMPLAINT), "zh", zh, 6000).hits();
    assertThat(zhHits).hasSize(2).allMatch(h -> !h.passed());
    assertThat(zhHits.getFirst().evidence()).contains("太差了");
    assertThat(zhHits.getLast().startMs()).isEqualTo(2000 + 9 * 250);

    List<TranscriptWord> calm = says(Speaker.CUSTOMER, 0, "thanks that helps a lot");
    assertThat(Scorer.hasComplaint(Scorer.score(List.of(COMPLAINT), "en", calm, 3000))).isFalse();
  }

  @Test
  void aRulesOwnPhrasesAddToTheLexicon() {
    QaRule own =
        rule(RuleKind.COMPLAINT, "Refund anger", 0, List.of("give me my money back"), null);
    List<TranscriptWord> words = says(Speaker.CUSTOMER, 1000, "just give me my money back");
    assertThat(Scorer.score(List.of(own), "en", words, 4000).hits())
        .singleElement()
        .satisfies(h -> assertThat(h.startMs()).isEqualTo(1250));
  }

  @Test
  void aHoldRunsFromTheEndOfTheAgentsRequestToTheAgentsNextWord() {
    List<TranscriptWord> words =
        call(
            List.of(
                says(Speaker.AGENT, 0, "please hold while i check"),
                // the customer hums along; the hold goes on until the agent speaks
                says(Speaker.CUSTOMER, 10_000, "okay"),
                says(Speaker.AGENT, 46_250, "thanks for waiting"),
                says(Speaker.AGENT, 50_000, "one moment please"),
                says(Speaker.AGENT, 60_000, "here it is")));
    List<RuleHit> hits = Scorer.score(List.of(HOLD), "en", words, 70_000).hits();
    assertThat(hits).hasSize(1);
    RuleHit hit = hits.getFirst();
    assertThat(hit.passed()).isFalse();
    assertThat(hit.startMs()).isEqualTo(1250);
    assertThat(hit.endMs()).isEqualTo(46_250);
    assertThat(hit.evidence()).isEqualTo("hold of 45.0 s");

    List<TranscriptWord> chinese =
        call(List.of(saysZh(Speaker.AGENT, 0, "请稍等"), saysZh(Speaker.AGENT, 20_000, "好了")));
    assertThat(Scorer.score(List.of(HOLD), "zh", chinese, 25_000).hits())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.passed()).isTrue();
              assertThat(h.evidence()).isEqualTo("1 hold(s), longest 19.3 s");
            });
  }

  @Test
  void aChatsHoldLastsUntilTheAgentsNextMessage() {
    List<TranscriptWord> chat =
        List.of(
            new TranscriptWord("请稍等，我帮您查一下", 10_000, 10_000, 1, Speaker.AGENT),
            new TranscriptWord("好的", 12_000, 12_000, 1, Speaker.CUSTOMER),
            new TranscriptWord("查到了", 70_000, 70_000, 1, Speaker.AGENT));
    assertThat(Scorer.score(List.of(HOLD), "zh", Channel.CHAT, chat, 80_000).hits())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.passed()).isFalse();
              assertThat(h.startMs()).isEqualTo(10_000);
              assertThat(h.endMs()).isEqualTo(70_000);
            });
  }

  @Test
  void combinedRulesAreMetWhenAllOrAnyPartsAreAndDisabledPartsStillServe() {
    QaRule greeting =
        rule(RuleKind.REQUIRED_PHRASE, "Greeting", 10, List.of("thank you for calling"), null);
    QaRule swearing =
        disabled(rule(RuleKind.FORBIDDEN_PHRASE, "Swearing", 10, List.of("damn"), null));
    QaRule both =
        combined("Greets and never swears", RuleDefinition.Combination.AND, greeting, swearing);
    QaRule either =
        combined("Greets or never swears", RuleDefinition.Combination.OR, greeting, swearing);
    List<TranscriptWord> words =
        call(
            List.of(
                says(Speaker.AGENT, 0, "thank you for calling"),
                says(Speaker.AGENT, 5000, "damn printer")));
    ConversationScore score =
        Scorer.score(List.of(greeting, swearing, both, either), "en", words, 8000);
    RuleHit and = only(score, both);
    assertThat(and.passed()).isFalse();
    assertThat(and.startMs()).as("at the failing part's hit").isEqualTo(5000);
    assertThat(and.evidence()).isEqualTo("met: Greeting; not met: Swearing");
    assertThat(only(score, either).passed()).isTrue();
    assertThat(score.hits()).noneMatch(h -> h.ruleId().equals(swearing.id()));
    // greeting met (10), AND failed (10), OR met (10); the disabled part is not scored
    assertThat(score.score()).isEqualTo(66.7);
  }

  @Test
  void badCombinedAndSignalRulesAreRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                new RuleDefinition(
                    "c",
                    RuleKind.COMBINED,
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
                    null,
                    null,
                    List.of(UUID.randomUUID(), UUID.randomUUID())))
        .hasMessageContaining("combine is required");
    UUID one = UUID.randomUUID();
    assertThatThrownBy(
            () ->
                new RuleDefinition(
                    "c",
                    RuleKind.COMBINED,
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
                    null,
                    RuleDefinition.Combination.OR,
                    List.of(one, one)))
        .hasMessageContaining("parts must name 2 to 10 different rules");
    assertThatThrownBy(
            () ->
                new RuleDefinition(
                    "h",
                    RuleKind.HOLD_TIME,
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
    assertThatThrownBy(
            () ->
                new RuleDefinition(
                    "f",
                    RuleKind.FORBIDDEN_PHRASE,
                    "s",
                    1,
                    false,
                    null,
                    List.of("x"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    RuleDefinition.Combination.AND,
                    null))
        .hasMessageContaining("only for COMBINED");
  }

  private static RuleHit only(ConversationScore score, QaRule rule) {
    List<RuleHit> hits = score.hits().stream().filter(h -> h.ruleId().equals(rule.id())).toList();
    assertThat(hits).hasSize(1);
    return hits.getFirst();
  }

  private static QaRule rule(
      RuleKind kind, String name, int weight, List<String> phrases, Duration limit) {
    return new QaRule(
        UUID.randomUUID(),
        new RuleDefinition(
            name, kind, "signals", weight, false, null, phrases, null, limit, null, null, null,
            null),
        Instant.EPOCH);
  }

  private static QaRule disabled(QaRule rule) {
    RuleDefinition d = rule.definition();
    return new QaRule(
        rule.id(),
        new RuleDefinition(
            d.name(),
            d.kind(),
            d.section(),
            d.weight(),
            d.autoFail(),
            d.language(),
            d.phrases(),
            d.within(),
            d.limit(),
            d.maxRate(),
            d.speaker(),
            d.similarity(),
            false),
        Instant.EPOCH);
  }

  private static QaRule combined(
      String name, RuleDefinition.Combination combine, QaRule a, QaRule b) {
    return new QaRule(
        UUID.randomUUID(),
        new RuleDefinition(
            name,
            RuleKind.COMBINED,
            "signals",
            10,
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            combine,
            List.of(a.id(), b.id())),
        Instant.EPOCH);
  }
}
