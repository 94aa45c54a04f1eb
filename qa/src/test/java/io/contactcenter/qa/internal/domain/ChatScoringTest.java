package io.contactcenter.qa.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A chat's messages scored with the call rules: silence becomes the response time. */
class ChatScoringTest {

  private static final QaRule AGENT_RESPONSE =
      rule(
          "Agent answers in 60 s",
          RuleKind.MAX_SILENCE,
          null,
          Duration.ofSeconds(60),
          Speaker.AGENT);
  private static final QaRule ANY_RESPONSE =
      rule("Answered in 60 s", RuleKind.MAX_SILENCE, null, Duration.ofSeconds(60), null);
  private static final QaRule GREETING =
      rule("Agent greets", RuleKind.REQUIRED_PHRASE, List.of("my name is"), null, Speaker.AGENT);
  private static final QaRule TALK_OVER =
      rule("Talk-over", RuleKind.TALK_OVER, null, Duration.ofSeconds(1), null);

  private static TranscriptWord says(Speaker speaker, long atSeconds, String text) {
    return new TranscriptWord(text, atSeconds * 1000, atSeconds * 1000, 1.0, speaker);
  }

  private static final List<TranscriptWord> CHAT =
      List.of(
          says(Speaker.BOT, 0, "Hi, I am the shop assistant"),
          says(Speaker.CUSTOMER, 5, "I want a human"),
          // 5 min in the queue before the agent takes the chat: not the agent's response time
          says(Speaker.AGENT, 305, "Hello, my name is Wang"),
          says(Speaker.CUSTOMER, 310, "where is my refund"),
          says(Speaker.CUSTOMER, 320, "hello?"),
          says(Speaker.AGENT, 400, "It was sent yesterday"));

  @Test
  void theAgentsResponseTimeCountsFromTheFirstUnansweredMessageOnceTheAgentJoined() {
    List<RuleHit> hits =
        Scorer.score(List.of(AGENT_RESPONSE), "en", Channel.CHAT, CHAT, 410_000).hits();
    assertThat(hits).hasSize(1);
    RuleHit hit = hits.getFirst();
    assertThat(hit.passed()).isFalse();
    assertThat(hit.startMs()).isEqualTo(310_000);
    assertThat(hit.endMs()).isEqualTo(400_000);
    assertThat(hit.evidence()).isEqualTo("90.0 s to answer");
  }

  @Test
  void withoutASpeakerTheQueueWaitCountsTooAndAnUnansweredLastMessageWaitsUntilTheEnd() {
    List<TranscriptWord> unanswered =
        List.of(says(Speaker.BOT, 0, "Hi"), says(Speaker.CUSTOMER, 5, "hello?"));
    List<RuleHit> hits =
        Scorer.score(List.of(ANY_RESPONSE), "en", Channel.CHAT, unanswered, 125_000).hits();
    assertThat(hits).extracting(RuleHit::evidence).containsExactly("not answered in 120.0 s");
    assertThat(Scorer.score(List.of(ANY_RESPONSE), "en", Channel.CHAT, CHAT, 410_000).hits())
        .extracting(RuleHit::startMs)
        .containsExactly(5_000L, 310_000L);
  }

  @Test
  void phrasesMatchWholeMessagesOfTheirSpeakerAndVoiceOnlyRulesDoNotApply() {
    ConversationScore score =
        Scorer.score(List.of(GREETING, TALK_OVER), "en", Channel.CHAT, CHAT, 410_000);
    assertThat(score.hits()).hasSize(1);
    assertThat(score.hits().getFirst().passed()).isTrue();
    assertThat(score.hits().getFirst().startMs()).isEqualTo(305_000);
    assertThat(score.score()).isEqualTo(100);
  }

  @Test
  void aCallStillMeasuresSilenceBetweenWords() {
    List<RuleHit> hits =
        Scorer.score(List.of(ANY_RESPONSE), "en", Channel.CALL, CHAT, 410_000).hits();
    assertThat(hits).extracting(RuleHit::evidence).contains("300.0 s of silence");
  }

  private static QaRule rule(
      String name, RuleKind kind, List<String> phrases, Duration limit, Speaker speaker) {
    return new QaRule(
        UUID.randomUUID(),
        new RuleDefinition(
            name, kind, "chat", 10, false, null, phrases, null, limit, null, speaker, null, null),
        Instant.EPOCH);
  }
}
