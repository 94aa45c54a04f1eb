package io.contactcenter.ivr.internal;

import static io.contactcenter.ivr.internal.FakeChannelSession.keyed;
import static io.contactcenter.ivr.internal.FakeChannelSession.timedOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.ivr.HotlineDigitsEntered;
import io.contactcenter.pbx.CallerHungUpException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HotlineCallHandlerTest {

  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final String ASK = "collectDigits enter-order-number max 12 timeout 5s";

  private final IvrProperties.Hotline config =
      new IvrProperties.Hotline(
          "welcome",
          "enter-order-number",
          "you-entered",
          "goodbye",
          12,
          Duration.ofSeconds(5),
          "human-desk");
  private final List<Object> published = new ArrayList<>();
  private final HotlineCallHandler handler =
      new HotlineCallHandler(config, published::add, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void isRunForTheHotlineScript() {
    assertThat(handler.script()).isEqualTo("hotline");
  }

  @Test
  void readsBackTheKeyedNumberAndSaysGoodbye() {
    FakeChannelSession call = new FakeChannelSession("1.1", keyed("4711"));

    handler.handle(call);

    assertThat(call.operations())
        .containsExactly(
            "answer",
            "play welcome",
            ASK,
            "play you-entered",
            "sayDigits 4711",
            "play goodbye",
            "hangup");
    assertThat(published).containsExactly(new HotlineDigitsEntered("1.1", "4711", false, NOW));
  }

  @Test
  void asksAgainWhenTheFirstAnswerIsEmpty() {
    FakeChannelSession call = new FakeChannelSession("1.2", timedOut(""), keyed("42"));

    handler.handle(call);

    assertThat(call.operations())
        .containsExactly(
            "answer",
            "play welcome",
            ASK,
            ASK,
            "play you-entered",
            "sayDigits 42",
            "play goodbye",
            "hangup");
    assertThat(published).containsExactly(new HotlineDigitsEntered("1.2", "42", false, NOW));
  }

  @Test
  void aCallerWhoKeysNothingTwiceIsQueuedToAHumanWithoutHangingUp() {
    FakeChannelSession call = new FakeChannelSession("1.3", timedOut(""), timedOut(""));

    handler.handle(call);

    assertThat(call.operations())
        .containsExactly("answer", "play welcome", ASK, ASK, "transferToQueue human-desk");
    assertThat(published).containsExactly(new HotlineDigitsEntered("1.3", "", true, NOW));
  }

  @Test
  void pressingZeroGoesStraightToAHuman() {
    FakeChannelSession call = new FakeChannelSession("1.4", keyed("0"));

    handler.handle(call);

    assertThat(call.operations())
        .containsExactly("answer", "play welcome", ASK, "transferToQueue human-desk");
    assertThat(published).containsExactly(new HotlineDigitsEntered("1.4", "0", false, NOW));
  }

  @Test
  void aNumberThatMerelyStartsWithZeroIsReadBack() {
    FakeChannelSession call = new FakeChannelSession("1.5", keyed("0815"));

    handler.handle(call);

    assertThat(call.operations())
        .contains("sayDigits 0815")
        .doesNotContain("transferToQueue human-desk");
  }

  @Test
  void aTimedOutPartialInputIsStillReadBackAndReportedAsTimedOut() {
    FakeChannelSession call = new FakeChannelSession("1.6", timedOut("47"));

    handler.handle(call);

    assertThat(call.operations()).containsSequence("play you-entered", "sayDigits 47");
    assertThat(published).containsExactly(new HotlineDigitsEntered("1.6", "47", true, NOW));
  }

  @Test
  void aCallerWhoHangsUpAtThePromptPublishesNothing() {
    FakeChannelSession call = new FakeChannelSession("1.7");

    assertThatThrownBy(() -> handler.handle(call)).isInstanceOf(CallerHungUpException.class);

    assertThat(published).isEmpty();
    assertThat(call.operations()).doesNotContain("hangup");
  }
}
