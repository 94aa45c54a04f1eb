package io.contactcenter.ivr.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.ivr.internal.domain.CallerInput.Keys;
import io.contactcenter.ivr.internal.domain.CallerInput.NoInput;
import io.contactcenter.ivr.internal.domain.CallerInput.Speech;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowEngineTest {

  private static final Prompt P = new Prompt(Map.of("en", "x", "zh", "x"), List.of());

  /** The order node's keys-only read-back. */
  private static final Prompt KEYS = new Prompt(Map.of("en", "keys", "zh", "按键"), List.of());

  /** main: 1 → order, 2 → bye; no-input → bye; no-match → agent; 0 → agent. */
  static Flow flow() {
    Node.Menu main =
        new Node.Menu(
            "main",
            P,
            List.of(
                new Node.Choice(
                    '1',
                    Map.of("en", List.of("order status"), "zh", List.of("订单状态")),
                    "order",
                    "order_status"),
                new Node.Choice(
                    '2', Map.of("en", List.of("goodbye"), "zh", List.of("再见")), "bye", "bye")),
            "bye",
            "agent",
            "agent");
    Node.OrderStatus order =
        new Node.OrderStatus("order", 6, 10, P, P, KEYS, P, P, P, "bye", "agent", "agent");
    return new Flow(
        "t",
        1,
        "en",
        "main",
        java.util.Set.of(),
        Map.of("en", List.of("agent")),
        Map.of(
            "main",
            main,
            "order",
            order,
            "bye",
            new Node.Hangup("bye", P),
            "agent",
            new Node.Agent("agent", null, "support", null)),
        null,
        "agent");
  }

  /** The default {@code cc.ivr.hotline.read-back-min-yes-share}. */
  static final double MIN_YES_SHARE = 0.95;

  private final FlowEngine engine =
      new FlowEngine(
          flow(),
          null,
          Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC),
          MIN_YES_SHARE);

  @Test
  void aMenuAcceptsKeysAndSpeechAtOnce() {
    IvrStep.Ask ask = (IvrStep.Ask) engine.start();

    assertThat(ask.maxDigits()).isEqualTo(1);
    assertThat(ask.minDigits()).isEqualTo(1);
    assertThat(ask.phrases()).containsExactly("order status", "goodbye", "agent");
    assertThat(engine.onInput(new Speech("order status")))
        .as("the order number: a spoken one shorter than six digits is listened to past a pause")
        .isInstanceOfSatisfying(
            IvrStep.Ask.class,
            a -> {
              assertThat(a.minDigits()).isEqualTo(6);
              assertThat(a.maxDigits()).isEqualTo(10);
            });
    assertThat(engine.trace().intent()).isEqualTo("order_status");
  }

  @Test
  void noInputIsAskedOnceMoreThenTheNoInputExit() {
    engine.start();

    IvrStep again = engine.onInput(new NoInput());
    assertThat(again)
        .isInstanceOfSatisfying(IvrStep.Ask.class, a -> assertThat(a.retry()).isTrue());
    assertThat(engine.onInput(new NoInput())).isInstanceOf(IvrStep.Hangup.class);
  }

  @Test
  void unknownSpeechOrAWrongKeyIsANoMatchThenTheAgent() {
    engine.start();

    assertThat(engine.onInput(new Speech("[unk]"))).isInstanceOf(IvrStep.Ask.class);
    IvrStep last = engine.onInput(new Keys("7"));
    assertThat(last)
        .isInstanceOfSatisfying(
            IvrStep.ToAgent.class, t -> assertThat(t.queue()).isEqualTo("support"));
    assertThat(engine.trace().outcome()).isEqualTo(SessionTrace.Outcome.TO_AGENT);
    assertThat(engine.trace().path()).containsExactly("main", "agent");
    assertThat(engine.trace().visits().get(0).inputs()).containsExactly("speech:[unk]", "keys:7");
  }

  @Test
  void zeroOrTheAgentPhraseGoesToAnAgentAtOnce() {
    engine.start();
    assertThat(engine.onInput(new Keys("0"))).isInstanceOf(IvrStep.ToAgent.class);

    FlowEngine other = new FlowEngine(flow(), null, Clock.systemUTC(), MIN_YES_SHARE);
    other.start();
    assertThat(other.onInput(new Speech("agent"))).isInstanceOf(IvrStep.ToAgent.class);
  }

  @Test
  void anOrderNumberIsConfirmedLookedUpAndItsStatusSaid() {
    engine.start();
    engine.onInput(new Keys("1"));

    IvrStep confirm = engine.onInput(new Keys("12345678"));
    assertThat(confirm)
        .isInstanceOfSatisfying(
            IvrStep.Ask.class,
            a -> assertThat(a.values()).containsEntry("order_number", "12345678"));
    IvrStep lookUp = engine.onInput(new Keys("1"));
    assertThat(lookUp).isEqualTo(new IvrStep.LookUpOrder("order", "12345678"));

    IvrStep said =
        engine.onOrder(
            new OrderResult.Found(
                new OrderInfo(
                    "12345678",
                    OrderInfo.OrderState.SHIPPED,
                    LocalDate.parse("2026-12-05"),
                    "SF Express",
                    null)));
    assertThat(said)
        .isInstanceOfSatisfying(
            IvrStep.Say.class,
            s ->
                assertThat(s.values())
                    .containsEntry("order_status", "on its way")
                    .containsEntry("eta", LocalDate.parse("2026-12-05"))
                    .containsEntry("carrier", "SF Express"));
    assertThat(engine.next()).isInstanceOf(IvrStep.Hangup.class);
    SessionTrace trace = engine.trace();
    assertThat(trace.outcome()).isEqualTo(SessionTrace.Outcome.CONTAINED);
    assertThat(trace.selfService()).isEqualTo(SessionTrace.SelfService.FOUND);
    assertThat(trace.path()).containsExactly("main", "order", "bye");
    assertThat(trace.visits().get(1).inputs())
        .containsExactly("keys:12345678", "keys:1", "order:found");
  }

  @Test
  void aSpokenNumberIsReadAndAfterOneFailedConfirmationOnlyKeysAreAccepted() {
    engine.start();
    engine.onInput(new Keys("1"));

    IvrStep confirm = engine.onInput(new Speech("one two three four five six"));
    assertThat(((IvrStep.Ask) confirm).values()).containsEntry("order_number", "123456");
    IvrStep askAgain = engine.onInput(new Speech("no"));
    assertThat(askAgain)
        .isInstanceOfSatisfying(IvrStep.Ask.class, a -> assertThat(a.phrases()).isEmpty());
    engine.onInput(new Keys("654321"));
    assertThat(engine.onInput(new Keys("2"))).isInstanceOf(IvrStep.ToAgent.class);
  }

  @Test
  void aSpokenNumberIsConfirmedByAYesInTheCallersOwnWords() {
    engine.start();
    engine.onInput(new Keys("1"));

    IvrStep confirm = engine.onInput(new Speech("one two three four five six"));
    assertThat(confirm)
        .isInstanceOfSatisfying(
            IvrStep.Ask.class,
            a -> {
              assertThat(a.prompt()).isEqualTo(P);
              assertThat(a.phrases()).contains("yes", "yeah", "that's right", "no", "nope");
            });
    assertThat(engine.onInput(new Speech("[unk] yeah that's right")))
        .isEqualTo(new IvrStep.LookUpOrder("order", "123456"));
  }

  @Test
  void aSpokenReadBackAsksForTheRecognizersAlternatives() {
    engine.start();
    engine.onInput(new Keys("1"));

    assertThat(engine.onInput(new Speech("one two three four five six")))
        .isInstanceOfSatisfying(
            IvrStep.Ask.class,
            a -> assertThat(a.alternatives()).isEqualTo(FlowEngine.READ_BACK_ALTERNATIVES));
  }

  @Test
  void aYesAllOfWhoseAlternativesAreAYesLooksTheOrderUp() {
    engine.start();
    engine.onInput(new Keys("1"));
    engine.onInput(new Speech("one two three four five six"));

    assertThat(
            engine.onInput(new Speech("yep", Map.of("yep", 0.45, "yeah", 0.30, "yes it is", 0.25))))
        .isEqualTo(new IvrStep.LookUpOrder("order", "123456"));
  }

  @Test
  void aYesHeardUnsurelyIsAskedAgainForKeysAndTheWrongNumberIsNotUsed() {
    engine.start();
    engine.onInput(new Keys("1"));
    engine.onInput(new Speech("one two three four five six"));

    // "that's not right" on a noisy line: heard as "right", with "not right" behind it.
    IvrStep again = engine.onInput(new Speech("right", Map.of("right", 0.63, "not right", 0.37)));
    assertThat(again)
        .isInstanceOfSatisfying(
            IvrStep.Ask.class,
            a -> {
              assertThat(a.prompt()).isEqualTo(KEYS);
              assertThat(a.phrases()).isEmpty();
              assertThat(a.values()).containsEntry("order_number", "123456");
            });
    assertThat(engine.onInput(new Keys("2")))
        .as("the caller denies the number by key and is asked for it by keys")
        .isInstanceOfSatisfying(
            IvrStep.Ask.class,
            a -> {
              assertThat(a.maxDigits()).isGreaterThan(1);
              assertThat(a.phrases()).isEmpty();
            });
    assertThat(engine.trace().visits().get(1).inputs())
        .containsSubsequence("speech:right", "read-back:yes-unsure", "keys:2");
  }

  @Test
  void aLoneRightIsAskedAgainForKeysEvenWhenEveryAlternativeIsIt() {
    FlowEngine careful =
        new FlowEngine(flow(), null, Clock.systemUTC(), MIN_YES_SHARE, Set.of("right"));
    careful.start();
    careful.onInput(new Keys("1"));
    careful.onInput(new Speech("one two three four five six"));

    // "that's not right" with the recognizer's five alternatives collapsed into "right": its yes
    // share is 1, so only the lone-word rule keeps the wrong number from being used.
    assertThat(careful.onInput(new Speech("right", Map.of("right", 1.0))))
        .isInstanceOfSatisfying(IvrStep.Ask.class, a -> assertThat(a.prompt()).isEqualTo(KEYS));
    assertThat(careful.trace().visits().get(1).inputs())
        .containsSubsequence("speech:right", "read-back:yes-unsure");
    assertThat(careful.onInput(new Keys("1")))
        .as("confirmed by key")
        .isEqualTo(new IvrStep.LookUpOrder("order", "123456"));
  }

  @Test
  void aYesOfMoreWordsThanTheLoneOneCountsWithTheRule() {
    FlowEngine careful =
        new FlowEngine(flow(), null, Clock.systemUTC(), MIN_YES_SHARE, Set.of("right"));
    careful.start();
    careful.onInput(new Keys("1"));
    careful.onInput(new Speech("one two three four five six"));

    assertThat(careful.onInput(new Speech("that's right", Map.of("that's right", 1.0))))
        .isEqualTo(new IvrStep.LookUpOrder("order", "123456"));
  }

  @Test
  void aYesJustBelowTheShareIsNotTakenAndJustAtItIs() {
    Map<String, Double> below = Map.of("yeah", 0.90, "not", 0.10);
    Map<String, Double> at = Map.of("yeah", 0.95, "not", 0.05);

    engine.start();
    engine.onInput(new Keys("1"));
    engine.onInput(new Speech("one two three four five six"));
    assertThat(engine.onInput(new Speech("yeah", below))).isInstanceOf(IvrStep.Ask.class);

    FlowEngine other = new FlowEngine(flow(), null, Clock.systemUTC(), MIN_YES_SHARE);
    other.start();
    other.onInput(new Keys("1"));
    other.onInput(new Speech("one two three four five six"));
    assertThat(other.onInput(new Speech("yeah", at)))
        .isEqualTo(new IvrStep.LookUpOrder("order", "123456"));
  }

  @Test
  void aNoHeardUnsurelyIsStillANo() {
    engine.start();
    engine.onInput(new Keys("1"));
    engine.onInput(new Speech("one two three four five six"));

    assertThat(engine.onInput(new Speech("no", Map.of("no", 0.4, "yes", 0.6))))
        .as("the number is asked again by keys")
        .isInstanceOfSatisfying(
            IvrStep.Ask.class,
            a -> {
              assertThat(a.maxDigits()).isGreaterThan(1);
              assertThat(a.phrases()).isEmpty();
            });
  }

  @Test
  void aShareOfZeroTakesEveryYesAsHeard() {
    FlowEngine trusting = new FlowEngine(flow(), null, Clock.systemUTC(), 0);
    trusting.start();
    trusting.onInput(new Keys("1"));
    trusting.onInput(new Speech("one two three four five six"));

    assertThat(trusting.onInput(new Speech("right", Map.of("right", 0.5, "not right", 0.5))))
        .isEqualTo(new IvrStep.LookUpOrder("order", "123456"));
  }

  @Test
  void aShareOutsideZeroToOneIsRejected() {
    assertThatThrownBy(() -> new FlowEngine(flow(), null, Clock.systemUTC(), 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minYesShare must be between 0 and 1, was 1.5");
  }

  @Test
  void aReadBackNotUnderstoodByVoiceIsAskedAgainForKeysOnly() {
    engine.start();
    engine.onInput(new Keys("1"));
    engine.onInput(new Speech("one two three four five six"));

    IvrStep again = engine.onInput(new Speech("[unk]"));
    assertThat(again)
        .isInstanceOfSatisfying(
            IvrStep.Ask.class,
            a -> {
              assertThat(a.prompt()).isEqualTo(KEYS);
              assertThat(a.phrases()).isEmpty();
              assertThat(a.retry()).isTrue();
              assertThat(a.values()).containsEntry("order_number", "123456");
            });
    assertThat(engine.onInput(new Keys("1"))).isEqualTo(new IvrStep.LookUpOrder("order", "123456"));
  }

  @Test
  void aReadBackWithBothAYesAndANoIsNotTakenForEither() {
    engine.start();
    engine.onInput(new Keys("1"));
    engine.onInput(new Speech("one two three four five six"));

    assertThat(engine.onInput(new Speech("yes no")))
        .isInstanceOfSatisfying(IvrStep.Ask.class, a -> assertThat(a.prompt()).isEqualTo(KEYS));
  }

  @Test
  void aThirdUnansweredReadBackGoesToAPerson() {
    engine.start();
    engine.onInput(new Keys("1"));
    engine.onInput(new Speech("one two three four five six"));

    assertThat(engine.onInput(new NoInput()))
        .isInstanceOfSatisfying(IvrStep.Ask.class, a -> assertThat(a.phrases()).isEmpty());
    assertThat(engine.onInput(new Keys("5")))
        .isInstanceOfSatisfying(IvrStep.Ask.class, a -> assertThat(a.prompt()).isEqualTo(KEYS));
    assertThat(engine.onInput(new NoInput())).isInstanceOf(IvrStep.ToAgent.class);
    assertThat(engine.trace().outcome()).isEqualTo(SessionTrace.Outcome.TO_AGENT);
  }

  @Test
  void aKeyedNumberIsReadBackForKeysAndZeroThereReachesAPerson() {
    engine.start();
    engine.onInput(new Keys("1"));

    IvrStep confirm = engine.onInput(new Keys("123456"));
    assertThat(confirm)
        .isInstanceOfSatisfying(
            IvrStep.Ask.class,
            a -> {
              assertThat(a.prompt()).isEqualTo(KEYS);
              assertThat(a.phrases()).isEmpty();
              assertThat(a.retry()).isFalse();
            });
    assertThat(engine.onInput(new Keys("0"))).isInstanceOf(IvrStep.ToAgent.class);
  }

  @Test
  void aDeniedSpokenNumberIsKeyedAndItsReadBackAskedForKeys() {
    engine.start();
    engine.onInput(new Keys("1"));
    engine.onInput(new Speech("one two three four five six"));

    assertThat(engine.onInput(new Speech("no that's wrong")))
        .isInstanceOfSatisfying(IvrStep.Ask.class, a -> assertThat(a.phrases()).isEmpty());
    assertThat(engine.onInput(new Keys("123457")))
        .isInstanceOfSatisfying(
            IvrStep.Ask.class,
            a -> {
              assertThat(a.prompt()).isEqualTo(KEYS);
              assertThat(a.values()).containsEntry("order_number", "123457");
            });
    assertThat(engine.onInput(new Keys("1"))).isEqualTo(new IvrStep.LookUpOrder("order", "123457"));
  }

  @Test
  void aSpokenNumberThatCannotBeReadIsAskedForAgainByKeys() {
    engine.start();
    engine.onInput(new Keys("1"));

    IvrStep again = engine.onInput(new Speech("one two three"));
    assertThat(again)
        .isInstanceOfSatisfying(
            IvrStep.Ask.class,
            a -> {
              assertThat(a.retry()).isTrue();
              assertThat(a.phrases()).isEmpty();
            });
    IvrStep confirm = engine.onInput(new Keys("123456"));
    assertThat(((IvrStep.Ask) confirm).values()).containsEntry("order_number", "123456");
  }

  @Test
  void numbersOfTheWrongLengthOrWithLettersAreAskedAgainThenTheAgent() {
    engine.start();
    engine.onInput(new Keys("1"));

    assertThat(engine.onInput(new Keys("123")))
        .isInstanceOfSatisfying(IvrStep.Ask.class, a -> assertThat(a.retry()).isTrue());
    assertThat(engine.onInput(new Speech("one two three apple")))
        .isInstanceOf(IvrStep.ToAgent.class);
  }

  @Test
  void aTooLongNumberIsNotAccepted() {
    engine.start();
    engine.onInput(new Keys("1"));

    IvrStep step = engine.onInput(new Keys("12345678901"));
    assertThat(step).isInstanceOfSatisfying(IvrStep.Ask.class, a -> assertThat(a.retry()).isTrue());
  }

  @Test
  void anUnknownOrderIsAskedOnceMoreThenTheAgent() {
    engine.start();
    engine.onInput(new Keys("1"));
    engine.onInput(new Keys("123456"));
    engine.onInput(new Keys("1"));

    assertThat(engine.onOrder(new OrderResult.NotFound())).isInstanceOf(IvrStep.Say.class);
    assertThat(engine.next()).isInstanceOf(IvrStep.Ask.class);
    engine.onInput(new Keys("123457"));
    engine.onInput(new Keys("1"));
    engine.onOrder(new OrderResult.NotFound());
    assertThat(engine.next()).isInstanceOf(IvrStep.ToAgent.class);
    assertThat(engine.trace().selfService()).isEqualTo(SessionTrace.SelfService.NOT_FOUND);
  }

  @Test
  void aFailedLookupApologisesAndHandsOverToAnAgent() {
    engine.start();
    engine.onInput(new Keys("1"));
    engine.onInput(new Keys("123456"));
    engine.onInput(new Keys("1"));

    assertThat(engine.onOrder(new OrderResult.Unavailable("timeout")))
        .isInstanceOf(IvrStep.Say.class);
    assertThat(engine.next()).isInstanceOf(IvrStep.ToAgent.class);
    assertThat(engine.trace().selfService()).isEqualTo(SessionTrace.SelfService.UNAVAILABLE);
  }

  @Test
  void aHangUpMidFlowIsAnAbandonedSession() {
    engine.start();
    engine.onInput(new Keys("1"));

    engine.callerHungUp();

    assertThat(engine.trace().outcome()).isEqualTo(SessionTrace.Outcome.ABANDONED);
    assertThat(engine.trace().path()).containsExactly("main", "order");
  }

  @Test
  void chineseDigitsAreReadToo() {
    assertThat(SpokenDigits.parse("四 七 幺 幺")).isEqualTo("4711");
    assertThat(SpokenDigits.parse("四七一一")).isEqualTo("4711");
    assertThat(SpokenDigits.parse("four seven [unk]")).isEmpty();
  }
}
