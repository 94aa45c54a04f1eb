package io.contactcenter.ivr.internal;

import static io.contactcenter.ivr.internal.FakeChannelSession.keyed;
import static io.contactcenter.ivr.internal.FakeChannelSession.timedOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.ivr.HotlineDigitsEntered;
import io.contactcenter.ivr.internal.domain.CallerInput;
import io.contactcenter.ivr.internal.domain.Flow;
import io.contactcenter.ivr.internal.domain.IvrStep;
import io.contactcenter.ivr.internal.domain.OrderInfo;
import io.contactcenter.ivr.internal.domain.OrderResult;
import io.contactcenter.ivr.internal.domain.Prompt;
import io.contactcenter.ivr.internal.domain.SessionTrace;
import io.contactcenter.pbx.CallerHungUpException;
import io.contactcenter.pbx.ChannelSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The built-in hotline flow over a fake call. */
class HotlineFlowHandlerTest {

  private static final Flow HOTLINE =
      new FlowReader().read(FlowReaderTest.resource("/ivr/hotline.yaml"));

  private final List<Object> published = new ArrayList<>();
  private final List<JdbcIvrSessions.StoredSession> stored = new ArrayList<>();
  private OrderResult lookupResult =
      new OrderResult.Found(
          new OrderInfo(
              "12345678", OrderInfo.OrderState.SHIPPED, LocalDate.parse("2026-12-05"), "SF", null));
  private boolean repeatCaller;
  private boolean queueClosed;
  private Function<ChannelSession, CallerChannel> channels =
      call -> new KeysCallerChannel(call, Duration.ofSeconds(5));
  private final HotlineFlowHandler handler =
      new HotlineFlowHandler(
          new IvrProperties.Hotline(
              "hotline",
              "",
              Duration.ofSeconds(5),
              Duration.ofHours(24),
              "keys",
              0.95,
              List.of("right"),
              Duration.ofMillis(300),
              false,
              Duration.ofMillis(1500),
              true),
          id -> HOTLINE,
          number -> lookupResult,
          stored::add,
          published::add,
          published::add,
          (caller, since) -> repeatCaller,
          phone ->
              phone.equals("+8613800138000")
                  ? Optional.of(new JdbcCustomers.Customer("C-1", "vip"))
                  : Optional.empty(),
          call -> channels.apply(call),
          queue -> !queueClosed,
          Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void aCallerKeysOneThenAnOrderNumberConfirmsAndHearsTheStatus() {
    FakeChannelSession call =
        new FakeChannelSession("1.1", keyed("1"), keyed("12345678"), keyed("1"));

    handler.handle(call);

    assertThat(call.operations())
        .containsSubsequence(
            "answer",
            "collectDigits digits/0 max 1 timeout 5s",
            "collectDigits vm-enter-num-to-call max 12 timeout 5s",
            "playInterruptible you-entered 0123456789*#",
            "sayDigits 12345678",
            "collectDigits digits/1 max 1 timeout 5s",
            "play auth-thankyou",
            "play goodbye",
            "hangup");
    assertThat(stored).hasSize(1);
    SessionTrace trace = stored.get(0).trace();
    assertThat(trace.path()).containsExactly("hours", "main", "order_status", "goodbye");
    assertThat(trace.intent()).isEqualTo("order_status");
    assertThat(trace.selfService()).isEqualTo(SessionTrace.SelfService.FOUND);
    assertThat(trace.outcome()).isEqualTo(SessionTrace.Outcome.CONTAINED);
    assertThat(published)
        .extracting(e -> ((HotlineDigitsEntered) e).digits())
        .containsExactly("1", "12345678", "1");
  }

  @Test
  void onTheSpeechLineAReadBackNotUnderstoodIsAskedAgainForKeysWithTheFlowsOwnPrompt() {
    Deque<CallerInput> answers =
        new ArrayDeque<>(
            List.of(
                new CallerInput.Keys("1"),
                new CallerInput.Speech("one two three four five six seven eight"),
                new CallerInput.Speech("[unk]"),
                new CallerInput.Keys("1")));
    List<IvrStep.Ask> asked = new ArrayList<>();
    channels =
        call ->
            new CallerChannel() {
              @Override
              public void say(Prompt prompt, Map<String, Object> values, String language) {}

              @Override
              public CallerInput ask(IvrStep.Ask ask, String language) {
                asked.add(ask);
                return answers.removeFirst();
              }

              @Override
              public void close() {}
            };

    handler.handle(new FakeChannelSession("1.9"));

    IvrStep.Ask readBack = asked.get(2);
    // The built-in hotline speaks Chinese unless told otherwise.
    assertThat(readBack.prompt().text("zh")).contains("请说");
    assertThat(readBack.prompt().text("en")).contains("say yes or no");
    assertThat(readBack.phrases()).contains("是", "对的", "没错", "不对", "错了");
    IvrStep.Ask keysOnly = asked.get(3);
    assertThat(keysOnly.prompt().text("en")).contains("press 1").doesNotContain("say");
    assertThat(keysOnly.prompt().text("zh")).contains("按1");
    assertThat(keysOnly.phrases()).isEmpty();
    assertThat(keysOnly.values()).containsEntry("order_number", "12345678");
    SessionTrace trace = stored.get(0).trace();
    assertThat(trace.selfService()).isEqualTo(SessionTrace.SelfService.FOUND);
    assertThat(trace.outcome()).isEqualTo(SessionTrace.Outcome.CONTAINED);
  }

  @Test
  void anAgentGetsTheDialplanContractVariables() {
    FakeChannelSession call = new FakeChannelSession("1.2", keyed("0"));

    handler.handle(call);

    assertThat(call.operations())
        .containsSubsequence(
            "play pls-hold-while-try",
            "setVariable CC_PRIORITY=normal",
            "setVariable CC_CUSTOMER=",
            "transferToQueue support");
    assertThat(call.getVariable("CC_IVR_SESSION")).hasValue(stored.get(0).sessionId().toString());
    assertThat(stored.get(0).trace().outcome()).isEqualTo(SessionTrace.Outcome.TO_AGENT);
  }

  @Test
  void silenceTwiceAtTheMenuGoesToAnAgent() {
    FakeChannelSession call = new FakeChannelSession("1.3", timedOut(""), timedOut(""));

    handler.handle(call);

    assertThat(call.operations()).last().isEqualTo("transferToQueue support");
  }

  @Test
  void aLookupFailureApologisesAndHandsOver() {
    lookupResult = new OrderResult.Unavailable("timeout");
    FakeChannelSession call =
        new FakeChannelSession("1.4", keyed("2"), keyed("12345678"), keyed("1"));

    handler.handle(call);

    assertThat(call.operations())
        .containsSubsequence("play sorry-youre-having-problems", "transferToQueue support");
    assertThat(stored.get(0).trace().selfService()).isEqualTo(SessionTrace.SelfService.UNAVAILABLE);
  }

  @Test
  void aHangUpMidFlowIsStoredAsAbandoned() {
    FakeChannelSession call = new FakeChannelSession("1.5", keyed("1"));

    assertThatThrownBy(() -> handler.handle(call)).isInstanceOf(CallerHungUpException.class);

    assertThat(stored.get(0).trace().outcome()).isEqualTo(SessionTrace.Outcome.ABANDONED);
    assertThat(stored.get(0).trace().path()).containsExactly("hours", "main", "order_status");
  }

  @Test
  void aKnownVipCallerIsQueuedWithTheirTierAndNumber() {
    FakeChannelSession call = new FakeChannelSession("1.6", keyed("0"));
    call.caller("+8613800138000");

    handler.handle(call);

    assertThat(call.operations())
        .containsSubsequence(
            "setVariable CC_PRIORITY=vip", "setVariable CC_CUSTOMER=+8613800138000");
  }

  @Test
  void aRepeatCallerSkipsTheMenu() {
    repeatCaller = true;
    FakeChannelSession call = new FakeChannelSession("1.7");
    call.caller("+8613900139000");

    handler.handle(call);

    assertThat(call.operations()).last().isEqualTo("transferToQueue support");
    assertThat(stored.get(0).trace().path()).containsExactly("hours", "main", "agent");
  }

  @Test
  void aCallerForAClosedQueueMayLeaveACallbackNumberInstead() {
    queueClosed = true;
    FakeChannelSession call = new FakeChannelSession("1.8", keyed("0"), keyed("13800138000"));

    handler.handle(call);

    assertThat(call.operations()).doesNotContain("transferToQueue support");
    assertThat(call.operations()).last().isEqualTo("hangup");
    SessionTrace trace = stored.get(0).trace();
    assertThat(trace.path()).containsExactly("hours", "main", "agent", "closed", "goodbye");
    assertThat(trace.outcome()).isEqualTo(SessionTrace.Outcome.CONTAINED);
    assertThat(published).anyMatch(e -> e instanceof io.contactcenter.ivr.HotlineMessageLeft);
  }
}
