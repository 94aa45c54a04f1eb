package io.contactcenter.outboundrobot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.ReplyClassification;
import io.contactcenter.asrtts.Transcript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EarlyEndOfTurnTest {

  /** A recognizer's state as the robot sees it between frames. */
  static final class Stream implements RecognitionStream {
    String partial = "";
    Duration silence = Duration.ZERO;
    boolean ended;

    @Override
    public void accept(byte[] data, AudioEncoding encoding) {}

    @Override
    public boolean endOfSpeech() {
      return ended;
    }

    @Override
    public Duration silenceAfterSpeech() {
      return silence;
    }

    @Override
    public String partialText() {
      return partial;
    }

    @Override
    public Transcript finish() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  private final List<String> classified = new ArrayList<>();
  private final Stream stream = new Stream();

  private EarlyEndOfTurn earlyEnd(Duration silence) {
    return new EarlyEndOfTurn(
        silence,
        0.75,
        List.of("Tomorrow morning", "明天上午"),
        text -> {
          classified.add(text);
          return switch (text) {
            case "yes i will pay today" -> label(IntentLabel.AGREE, 0.93);
            case "yes i will" -> label(IntentLabel.AGREE, 0.6);
            default -> label(IntentLabel.UNKNOWN, 0.9);
          };
        });
  }

  private static ReplyClassification label(IntentLabel label, double confidence) {
    return new ReplyClassification(label, confidence, Map.of(label, confidence), Optional.empty());
  }

  @Test
  void aClearAnswerEndsTheTurnAfterTheShortPause() {
    EarlyEndOfTurn earlyEnd = earlyEnd(Duration.ofMillis(300));
    stream.partial = "yes i will pay today";

    stream.silence = Duration.ofMillis(280);
    assertThat(earlyEnd.clearAnswer(stream)).as("still within the pause").isFalse();
    assertThat(classified).as("nothing labelled while the callee speaks or just paused").isEmpty();

    stream.silence = Duration.ofMillis(300);
    assertThat(earlyEnd.clearAnswer(stream)).isTrue();
  }

  @Test
  void anUnclearOrUncertainReplyWaitsForTheRecognizersEnd() {
    EarlyEndOfTurn earlyEnd = earlyEnd(Duration.ofMillis(300));
    stream.silence = Duration.ofMillis(500);

    stream.partial = "well i";
    assertThat(earlyEnd.clearAnswer(stream)).as("unknown").isFalse();
    stream.partial = "yes i will";
    assertThat(earlyEnd.clearAnswer(stream)).as("below the confidence").isFalse();
    stream.partial = "";
    assertThat(earlyEnd.clearAnswer(stream)).as("no words").isFalse();
  }

  @Test
  void anExpectedPhraseIsAClearAnswerWhateverItsLabel() {
    EarlyEndOfTurn earlyEnd = earlyEnd(Duration.ofMillis(300));
    stream.silence = Duration.ofMillis(300);

    stream.partial = "tomorrow morning";
    assertThat(earlyEnd.clearAnswer(stream)).isTrue();
    stream.partial = "明天 上午";
    assertThat(earlyEnd.clearAnswer(stream)).isTrue();
    stream.partial = "tomorrow";
    assertThat(earlyEnd.clearAnswer(stream)).as("only part of it").isFalse();
  }

  @Test
  void aLoneWordOrAReplyThatGoesOnWaitsForTheRecognizersEnd() {
    assertThat(EarlyEndOfTurn.mayContinue("yeah"))
        .as("a lone yes, often followed by more")
        .isTrue();
    assertThat(EarlyEndOfTurn.mayContinue("yes but")).isTrue();
    assertThat(EarlyEndOfTurn.mayContinue("i will pay it because")).isTrue();
    assertThat(EarlyEndOfTurn.mayContinue("好的")).isTrue();
    assertThat(EarlyEndOfTurn.mayContinue("我 会 付 但是")).isTrue();
    assertThat(EarlyEndOfTurn.mayContinue("yes i will pay it today")).isFalse();
    assertThat(EarlyEndOfTurn.mayContinue("please call me back later")).isFalse();
    assertThat(EarlyEndOfTurn.mayContinue("我 今天 就 付")).isFalse();

    EarlyEndOfTurn earlyEnd = earlyEnd(Duration.ofMillis(300));
    stream.silence = Duration.ofMillis(400);
    stream.partial = "yes";
    assertThat(earlyEnd.clearAnswer(stream)).isFalse();
    assertThat(classified).as("not even labelled").isEmpty();
  }

  @Test
  void theSameWordsAreLabelledOnce() {
    EarlyEndOfTurn earlyEnd = earlyEnd(Duration.ofMillis(300));
    stream.partial = "yes i will";
    for (int frame = 15; frame < 35; frame++) {
      stream.silence = Duration.ofMillis(frame * 20);
      earlyEnd.clearAnswer(stream);
    }
    stream.partial = "yes i will pay today";
    assertThat(earlyEnd.clearAnswer(stream)).isTrue();
    assertThat(earlyEnd.clearAnswer(stream)).isTrue();

    assertThat(classified).containsExactly("yes i will", "yes i will pay today");
  }

  @Test
  void zeroSilenceTurnsItOffAndAnEndedUtteranceIsNotEndedAgain() {
    stream.partial = "yes i will pay today";
    stream.silence = Duration.ofSeconds(1);
    assertThat(earlyEnd(Duration.ZERO).clearAnswer(stream)).isFalse();

    stream.ended = true;
    assertThat(earlyEnd(Duration.ofMillis(300)).clearAnswer(stream)).isFalse();
    assertThat(classified).isEmpty();
  }
}
