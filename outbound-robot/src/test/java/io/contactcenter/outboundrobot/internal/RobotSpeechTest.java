package io.contactcenter.outboundrobot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.ReplyClassification;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.common.CampaignType;
import io.contactcenter.outboundrobot.internal.domain.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the robot labels what the recognizer heard: voted over alternatives, or one transcript. */
class RobotSpeechTest {

  private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

  private final RobotSpeech speech =
      new RobotSpeech(
          null,
          null,
          request -> {
            String text = request.text();
            if (text.contains("pay")) {
              return label(IntentLabel.AGREE, 0.9);
            }
            if (text.contains("stop")) {
              return label(IntentLabel.DO_NOT_CALL, 0.9);
            }
            return label(IntentLabel.UNKNOWN, 0.5);
          },
          TestRobotProperties.config(),
          null,
          Clock.fixed(NOW, ZoneOffset.UTC),
          null);

  private static ReplyClassification label(IntentLabel label, double p) {
    Map<IntentLabel, Double> scores = new EnumMap<>(IntentLabel.class);
    scores.put(label, p);
    scores.merge(IntentLabel.UNKNOWN, 1 - p, Double::sum);
    return new ReplyClassification(label, p, scores, Optional.empty());
  }

  private static Transcript heard(String text, Transcript.Alternative... alternatives) {
    return new Transcript(text, List.of(), 0.9, Duration.ofSeconds(2), List.of(alternatives));
  }

  @Test
  void aReplyWithAlternativesIsVotedAndCarriesTheLabelsShare() {
    Transcript transcript =
        heard(
            "yes i will pay",
            new Transcript.Alternative("yes i will pay", 100),
            new Transcript.Alternative("yes i will stop", 99));

    Reply reply = speech.reply(transcript, "en", CampaignType.BALANCE);

    assertThat(reply.text()).isEqualTo("yes i will pay");
    assertThat(reply.label()).isEqualTo(IntentLabel.AGREE);
    assertThat(reply.voteShare()).isCloseTo(0.9 / (1 + Math.exp(-1)), within(1e-9));
    assertThat(reply.confidence()).isEqualTo(reply.voteShare());
    // Vosk gives no word confidences with alternatives: the share carries the doubt.
    assertThat(reply.speechConfidence()).isEqualTo(1.0);
  }

  @Test
  void aReplyWithoutAlternativesKeepsTheRecognizersWordConfidence() {
    Reply sure = speech.reply(heard("yes i will pay"), "en", CampaignType.BALANCE);
    Reply doubted =
        speech.reply(
            new Transcript("yes i will pay", List.of(), 0.2, Duration.ofSeconds(2)),
            "en",
            CampaignType.BALANCE);

    assertThat(sure.label()).isEqualTo(IntentLabel.AGREE);
    assertThat(sure.confidence()).isEqualTo(0.9);
    assertThat(sure.speechConfidence()).isEqualTo(0.9);
    assertThat(sure.voteShare()).isEqualTo(1.0);
    // Under the robot's floor (0.3) the label is not trusted.
    assertThat(doubted.confidence()).isZero();
  }

  @Test
  void silenceIsUnknown() {
    Reply reply =
        speech.reply(Transcript.silence(Duration.ofSeconds(6)), "en", CampaignType.BALANCE);

    assertThat(reply.label()).isEqualTo(IntentLabel.UNKNOWN);
  }
}
