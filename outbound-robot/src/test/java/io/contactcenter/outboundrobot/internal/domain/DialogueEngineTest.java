package io.contactcenter.outboundrobot.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.common.CampaignType;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.outboundrobot.CallbackRequested;
import io.contactcenter.outboundrobot.DialogueCompleted;
import io.contactcenter.outboundrobot.DialogueOutcome;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DoNotCallRequested;
import io.contactcenter.outboundrobot.HumanTransferRequested;
import io.contactcenter.outboundrobot.TicketRequested;
import io.contactcenter.outboundrobot.Turn;
import io.contactcenter.outboundrobot.internal.YamlDialogueScripts;
import io.contactcenter.outboundrobot.internal.domain.DialogueAction.AddToDoNotCall;
import io.contactcenter.outboundrobot.internal.domain.DialogueAction.OpenTicket;
import io.contactcenter.outboundrobot.internal.domain.DialogueAction.ScheduleCallback;
import io.contactcenter.outboundrobot.internal.domain.DialogueAction.TransferToHuman;
import io.contactcenter.outboundrobot.internal.domain.Directive.Done;
import io.contactcenter.outboundrobot.internal.domain.Directive.Hangup;
import io.contactcenter.outboundrobot.internal.domain.Directive.Listen;
import io.contactcenter.outboundrobot.internal.domain.Directive.Say;
import io.contactcenter.outboundrobot.internal.domain.Directive.Transfer;
import io.contactcenter.testinfra.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DialogueEngineTest {

  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
  private static final YamlDialogueScripts SCRIPTS = new YamlDialogueScripts();
  private static final Map<String, String> VALUES =
      Map.of(
          "merchant", "Acme Outfitters",
          "customer_name", "Dana",
          "order_number", "A, two, zero, two, six",
          "amount_due", "one hundred twenty dollars",
          "deadline", "Friday, March seventh",
          "new_delivery_date", "Monday, March tenth",
          "coupon", "twenty percent off");

  private final MutableClock clock = new MutableClock(NOW);

  private DialogueEngine engine(CampaignType campaign) {
    return new DialogueEngine(SCRIPTS.builtIn(campaign), null, VALUES, clock);
  }

  /** Starts the call and plays the disclosure and the first question; returns its Listen. */
  private Listen toFirstQuestion(DialogueEngine engine) {
    Say disclosure = (Say) engine.start();
    assertThat(disclosure.bargeIn()).isFalse();
    clock.advance(Duration.ofSeconds(7));
    Say question = (Say) engine.onPromptFinished();
    assertThat(question.bargeIn()).isTrue();
    clock.advance(Duration.ofSeconds(12));
    return (Listen) engine.onPromptFinished();
  }

  private static Reply reply(String text, IntentLabel label) {
    return Reply.of(text, label, 0.9);
  }

  record Expected(
      DialogueOutcome outcome,
      Class<? extends Directive> directive,
      List<DialogueAction> actions) {}

  static Stream<Arguments> everyLabel() {
    List<Arguments> cases = new ArrayList<>();
    for (CampaignType campaign :
        List.of(CampaignType.BALANCE, CampaignType.DELAY, CampaignType.REACTIVATE)) {
      String queue =
          switch (campaign) {
            case BALANCE -> "billing";
            case DELAY -> "delivery";
            default -> "customer-care";
          };
      Map<IntentLabel, Expected> expected = new HashMap<>();
      expected.put(
          IntentLabel.AGREE, new Expected(DialogueOutcome.AGREED, Hangup.class, List.of()));
      expected.put(
          IntentLabel.ALREADY_DONE,
          new Expected(DialogueOutcome.ALREADY_DONE, Hangup.class, List.of()));
      expected.put(
          IntentLabel.REFUSE,
          new Expected(
              DialogueOutcome.REFUSED,
              Hangup.class,
              campaign == CampaignType.DELAY
                  ? List.of(new OpenTicket(IntentLabel.REFUSE))
                  : List.of()));
      expected.put(
          IntentLabel.WRONG_PERSON,
          new Expected(DialogueOutcome.WRONG_PERSON, Hangup.class, List.of()));
      expected.put(
          IntentLabel.REQUEST_HUMAN,
          new Expected(
              DialogueOutcome.TRANSFERRED, Transfer.class, List.of(new TransferToHuman(queue))));
      boolean questionTransfers = campaign != CampaignType.REACTIVATE;
      expected.put(
          IntentLabel.QUESTION,
          new Expected(
              DialogueOutcome.QUESTION_TICKET,
              questionTransfers ? Transfer.class : Hangup.class,
              questionTransfers
                  ? List.of(new OpenTicket(IntentLabel.QUESTION), new TransferToHuman(queue))
                  : List.of(new OpenTicket(IntentLabel.QUESTION))));
      boolean complaintTransfers = campaign != CampaignType.BALANCE;
      expected.put(
          IntentLabel.COMPLAINT,
          new Expected(
              DialogueOutcome.COMPLAINT_TICKET,
              complaintTransfers ? Transfer.class : Hangup.class,
              complaintTransfers
                  ? List.of(new OpenTicket(IntentLabel.COMPLAINT), new TransferToHuman(queue))
                  : List.of(new OpenTicket(IntentLabel.COMPLAINT))));
      expected.put(
          IntentLabel.DO_NOT_CALL,
          new Expected(DialogueOutcome.DO_NOT_CALL, Hangup.class, List.of(new AddToDoNotCall())));
      expected.forEach((label, e) -> cases.add(Arguments.of(campaign, label, e)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyLabel")
  void eachReplyEndsTheCallAsTheScriptSays(
      CampaignType campaign, IntentLabel label, Expected expected) {
    DialogueEngine engine = engine(campaign);
    toFirstQuestion(engine);

    clock.advance(Duration.ofSeconds(2));
    Directive end = engine.onReply(reply("what the callee said", label));

    assertThat(end).isInstanceOf(expected.directive());
    DialogueResult result = engine.result().orElseThrow();
    assertThat(result.outcome()).isEqualTo(expected.outcome());
    assertThat(result.actions()).containsExactlyElementsOf(expected.actions());
    assertThat(result.turns())
        .extracting(Turn::speaker)
        .containsExactly(
            Turn.Speaker.ROBOT, Turn.Speaker.ROBOT, Turn.Speaker.CALLEE, Turn.Speaker.ROBOT);
    Turn callee = result.turns().get(2);
    assertThat(callee.label()).contains(label);
    assertThat(callee.text()).isEqualTo("what the callee said");
    assertThat(callee.at()).isEqualTo(NOW.plusSeconds(21));
    assertThat(result.turns()).noneMatch(turn -> turn.text().contains("${"));
  }

  @ParameterizedTest
  @EnumSource(
      value = CampaignType.class,
      names = {"BALANCE", "DELAY", "REACTIVATE"})
  void aCallbackAtANamedTimeIsScheduledThen(CampaignType campaign) {
    DialogueEngine engine = engine(campaign);
    toFirstQuestion(engine);
    Instant tomorrowMorning = Instant.parse("2025-03-04T10:00:00Z");

    Hangup end =
        (Hangup)
            engine.onReply(
                new Reply(
                    "call me tomorrow at ten",
                    IntentLabel.CALL_BACK_LATER,
                    0.85,
                    Optional.of(tomorrowMorning)));

    assertThat(end.finalPrompt()).contains("call you back");
    assertThat(end.result().outcome()).isEqualTo(DialogueOutcome.CALLBACK_SCHEDULED);
    assertThat(end.result().actions()).containsExactly(new ScheduleCallback(tomorrowMorning));
    assertThat(end.result().callbackAt()).contains(tomorrowMorning);
  }

  @Test
  void aCallbackWithoutATimeAsksWhen() {
    DialogueEngine engine = engine(CampaignType.BALANCE);
    toFirstQuestion(engine);

    Say askWhen = (Say) engine.onReply(reply("I'm busy right now", IntentLabel.CALL_BACK_LATER));
    assertThat(askWhen.text()).isEqualTo("Sure. When would be a good time to call you back?");
    assertThat(askWhen.bargeIn()).isTrue();
    assertThat(engine.onPromptFinished()).isInstanceOf(Listen.class);
    Instant evening = Instant.parse("2025-03-03T18:00:00Z");
    Hangup end =
        (Hangup)
            engine.onReply(
                new Reply("this evening", IntentLabel.CALL_BACK_LATER, 0.8, Optional.of(evening)));

    assertThat(end.result().actions()).containsExactly(new ScheduleCallback(evening));
  }

  @Test
  void aCallbackWithNoTimeEverNamedUsesTheScriptsDefaultDelay() {
    DialogueEngine engine = engine(CampaignType.BALANCE);
    toFirstQuestion(engine);
    engine.onReply(reply("not now", IntentLabel.CALL_BACK_LATER));
    engine.onPromptFinished();

    clock.advance(Duration.ofSeconds(6));
    Say reprompt = (Say) engine.onSilence();
    assertThat(reprompt.text()).contains("press 1");
    engine.onPromptFinished();
    clock.advance(Duration.ofSeconds(6));
    Hangup end = (Hangup) engine.onSilence();

    assertThat(end.result().outcome()).isEqualTo(DialogueOutcome.CALLBACK_SCHEDULED);
    assertThat(end.result().callbackAt()).contains(clock.instant().plus(Duration.ofHours(2)));
  }

  @Test
  void aCallbackTimeAlreadyPastCountsAsNoTime() {
    DialogueEngine engine = engine(CampaignType.BALANCE);
    toFirstQuestion(engine);

    Directive next =
        engine.onReply(
            new Reply(
                "this morning",
                IntentLabel.CALL_BACK_LATER,
                0.8,
                Optional.of(NOW.minus(Duration.ofHours(1)))));

    assertThat(next).isInstanceOf(Say.class);
    assertThat(((Say) next).text()).contains("When would be a good time");
  }

  @ParameterizedTest
  @EnumSource(
      value = CampaignType.class,
      names = {"BALANCE", "DELAY", "REACTIVATE"})
  void silenceGetsOneRepromptOfferingKeysThenTheAnswerCounts(CampaignType campaign) {
    DialogueEngine engine = engine(campaign);
    Listen listen = toFirstQuestion(engine);
    assertThat(listen.dtmfKeys()).contains('1', '0', '9');
    assertThat(listen.timeout()).isEqualTo(Duration.ofSeconds(6));
    assertThat(listen.phrases()).contains("yes");

    Say reprompt = (Say) engine.onSilence();

    assertThat(reprompt.bargeIn()).isTrue();
    assertThat(reprompt.text()).startsWith("Sorry, I didn't catch that.").contains("Press 1");
    assertThat(engine.onPromptFinished()).isEqualTo(listen);
    Hangup end = (Hangup) engine.onReply(reply("yes", IntentLabel.AGREE));
    assertThat(end.result().outcome()).isEqualTo(DialogueOutcome.AGREED);
    assertThat(end.result().turns())
        .extracting(Turn::describe)
        .contains("callee: (silence)", "callee: \"yes\" [agree 0.90]");
  }

  @ParameterizedTest
  @EnumSource(
      value = CampaignType.class,
      names = {"BALANCE", "DELAY", "REACTIVATE"})
  void silenceTwiceEndsWithNoResponse(CampaignType campaign) {
    DialogueEngine engine = engine(campaign);
    toFirstQuestion(engine);

    engine.onSilence();
    engine.onPromptFinished();
    Hangup end = (Hangup) engine.onSilence();

    assertThat(end.finalPrompt()).contains("couldn't hear you");
    assertThat(end.result().outcome()).isEqualTo(DialogueOutcome.NO_RESPONSE);
    assertThat(end.result().actions()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = CampaignType.class,
      names = {"BALANCE", "DELAY", "REACTIVATE"})
  void anUnknownReplyGetsTheRepromptAndASecondOneEndsWithNoResponse(CampaignType campaign) {
    DialogueEngine engine = engine(campaign);
    toFirstQuestion(engine);

    assertThat(engine.onReply(reply("the weather is nice", IntentLabel.UNKNOWN)))
        .isInstanceOf(Say.class);
    engine.onPromptFinished();
    Hangup end = (Hangup) engine.onReply(reply("purple", IntentLabel.UNKNOWN));

    assertThat(end.result().outcome()).isEqualTo(DialogueOutcome.NO_RESPONSE);
  }

  @Test
  void speakingOverAPromptThatAsksNothingOnlyTakesScriptWideBranches() throws IOException {
    String source =
        resource("scripts/valid-custom.yaml")
            .replace(
                "    next: ask\n",
                "    next: info\n  info:\n    say:\n      en: \"Opening hours have changed.\"\n"
                    + "    next: ask\n");
    DialogueScript script = SCRIPTS.read("with-info", source);
    Map<String, String> values =
        Map.of("merchant", "Acme", "customer_name", "Dana", "store", "Main Street");

    DialogueEngine agreeing = new DialogueEngine(script, null, values, clock);
    agreeing.start();
    assertThat(agreeing.onPromptFinished()).isEqualTo(new Say("Opening hours have changed.", true));
    Say question = (Say) agreeing.onReply(reply("okay", IntentLabel.AGREE));
    assertThat(question.text()).startsWith("Dana, your order is ready at Main Street.");

    DialogueEngine optingOut = new DialogueEngine(script, null, values, clock);
    optingOut.start();
    optingOut.onPromptFinished();
    Hangup end = (Hangup) optingOut.onReply(reply("stop calling me", IntentLabel.DO_NOT_CALL));
    assertThat(end.result().outcome()).isEqualTo(DialogueOutcome.DO_NOT_CALL);
  }

  @Test
  void aReplyBelowTheConfidenceThresholdIsNotActedOn() {
    DialogueEngine engine = engine(CampaignType.BALANCE);
    toFirstQuestion(engine);

    Directive next = engine.onReply(Reply.of("stop calling me", IntentLabel.DO_NOT_CALL, 0.4));
    assertThat(next).isInstanceOf(Say.class);
    assertThat(((Say) next).text()).contains("Press 9 to stop these calls");
    engine.onPromptFinished();
    Hangup end = (Hangup) engine.onReply(Reply.of("mumble", IntentLabel.UNKNOWN, 0.2));

    assertThat(end.result().outcome()).isEqualTo(DialogueOutcome.NO_RESPONSE);
    assertThat(end.result().has(AddToDoNotCall.class)).isFalse();
  }

  @Test
  void wordsTheRecognizerWasUnsureOfAreAskedAgainNotActedOn() {
    // A garbled "let me talk to a real person" heard as "right": a confident "agree" label on
    // words the recognizer itself doubted (0.6 < the script's min_speech_confidence 0.75).
    DialogueEngine engine = engine(CampaignType.BALANCE);
    toFirstQuestion(engine);

    Directive next =
        engine.onReply(new Reply("right", IntentLabel.AGREE, 0.98, Optional.empty(), 0.6));
    assertThat(next).isInstanceOf(Say.class);
    assertThat(((Say) next).text()).contains("Press 9 to stop these calls");
    engine.onPromptFinished();
    // Asked again, the callee answers by key (or is heard clearly) and that answer counts.
    Hangup done = (Hangup) engine.onDtmf('1');
    assertThat(done.result().outcome()).isEqualTo(DialogueOutcome.AGREED);
  }

  @Test
  void wordsHeardClearlyEnoughAreActedOn() {
    DialogueEngine engine = engine(CampaignType.BALANCE);
    toFirstQuestion(engine);

    Directive next =
        engine.onReply(
            new Reply("yes I will pay it today", IntentLabel.AGREE, 0.98, Optional.empty(), 0.8));

    assertThat(((Hangup) next).result().outcome()).isEqualTo(DialogueOutcome.AGREED);
  }

  @Test
  void anOptOutHeardUnsurelyOverAPromptDoesNotEndTheCall() throws IOException {
    DialogueEngine engine = engine(CampaignType.BALANCE);
    engine.start();
    engine.onPromptFinished(); // the disclosure; now the question plays and may be interrupted

    Directive next =
        engine.onReply(
            new Reply("stop calling", IntentLabel.DO_NOT_CALL, 0.95, Optional.empty(), 0.5));

    assertThat(next).isNotInstanceOf(Hangup.class);
    assertThat(engine.result()).isEmpty();
  }

  @Test
  void aLabelTheStepDoesNotExpectGetsTheReprompt() {
    DialogueEngine engine = engine(CampaignType.BALANCE);
    toFirstQuestion(engine);
    engine.onReply(reply("I'm busy", IntentLabel.CALL_BACK_LATER));
    engine.onPromptFinished();

    // "refuse" has no branch in ask_callback_time nor script-wide.
    assertThat(engine.onReply(reply("no", IntentLabel.REFUSE))).isInstanceOf(Say.class);
  }

  @Test
  void keysWorkInsteadOfSpeech() {
    DialogueEngine engine = engine(CampaignType.BALANCE);
    toFirstQuestion(engine);

    Hangup end = (Hangup) engine.onDtmf('2');

    assertThat(end.result().outcome()).isEqualTo(DialogueOutcome.ALREADY_DONE);
    Turn pressed = end.result().turns().get(2);
    assertThat(pressed.dtmf()).contains('2');
    assertThat(pressed.label()).contains(IntentLabel.ALREADY_DONE);
    assertThat(pressed.describe()).isEqualTo("callee: pressed 2 [already_done 1.00]");
  }

  @Test
  void keyNineOptsOutAtTheRepromptToo() {
    DialogueEngine engine = engine(CampaignType.REACTIVATE);
    toFirstQuestion(engine);
    engine.onSilence();

    // Pressed over the re-prompt: it is interruptible.
    Hangup end = (Hangup) engine.onDtmf('9');

    assertThat(end.result().outcome()).isEqualTo(DialogueOutcome.DO_NOT_CALL);
    assertThat(end.result().actions()).containsExactly(new AddToDoNotCall());
  }

  @Test
  void aKeyWithNoMeaningHereGetsTheReprompt() {
    DialogueEngine engine = engine(CampaignType.BALANCE);
    toFirstQuestion(engine);

    assertThat(engine.onDtmf('7')).isInstanceOf(Say.class);
    engine.onPromptFinished();
    assertThat(engine.onDtmf('#')).isInstanceOf(Hangup.class);
    assertThat(engine.result().orElseThrow().outcome()).isEqualTo(DialogueOutcome.NO_RESPONSE);
  }

  @ParameterizedTest
  @EnumSource(
      value = CampaignType.class,
      names = {"BALANCE", "DELAY", "REACTIVATE"})
  void onlyTheDisclosureIsUninterruptible(CampaignType campaign) {
    DialogueEngine engine = engine(campaign);
    List<Say> says = new ArrayList<>();
    Directive d = engine.start();
    says.add((Say) d);
    d = engine.onPromptFinished();
    says.add((Say) d);
    engine.onPromptFinished();
    says.add((Say) engine.onSilence());
    engine.onPromptFinished();
    says.add((Say) engine.onReply(reply("later", IntentLabel.CALL_BACK_LATER)));

    assertThat(says.get(0).text())
        .startsWith("Hello, this is an automated call from Acme Outfitters.")
        .contains("stop calling", "press 9");
    assertThat(says).extracting(Say::bargeIn).containsExactly(false, true, true, true);
  }

  @Test
  void theDisclosureCannotBeInterrupted() {
    DialogueEngine engine = engine(CampaignType.BALANCE);
    engine.start();

    assertThatThrownBy(() -> engine.onReply(reply("stop", IntentLabel.DO_NOT_CALL)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("uninterruptible prompt of step 'disclosure'");
    assertThatThrownBy(() -> engine.onDtmf('9')).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void speakingOverTheQuestionAnswersIt() {
    DialogueEngine engine = engine(CampaignType.DELAY);
    engine.start();
    engine.onPromptFinished();

    Hangup end = (Hangup) engine.onReply(reply("it already arrived", IntentLabel.ALREADY_DONE));

    assertThat(end.result().outcome()).isEqualTo(DialogueOutcome.ALREADY_DONE);
  }

  @Test
  void hangingUpMidPromptEndsHungUpWithTheTurnsSoFar() {
    DialogueEngine engine = engine(CampaignType.BALANCE);
    engine.start();
    engine.onPromptFinished();

    Done done = (Done) engine.onHangup();

    assertThat(done.result().outcome()).isEqualTo(DialogueOutcome.HUNG_UP);
    assertThat(done.result().turns())
        .extracting(Turn::step)
        .containsExactly("disclosure", "ask_payment");
    assertThat(done.result().turns().get(1).text())
        .isEqualTo(
            "Hi Dana. This is a reminder that the final payment of one hundred twenty dollars for"
                + " your pre-order A, two, zero, two, six is due by Friday, March seventh. Will you"
                + " be able to pay it by then?");
    assertThat(engine.onSilence()).isSameAs(done);
  }

  @Test
  void hangingUpDuringTheGoodbyeKeepsTheOutcome() {
    DialogueEngine engine = engine(CampaignType.BALANCE);
    toFirstQuestion(engine);
    Hangup goodbye = (Hangup) engine.onReply(reply("never call me again", IntentLabel.DO_NOT_CALL));

    assertThat(engine.onHangup()).isSameAs(goodbye);
    assertThat(engine.result().orElseThrow().actions()).containsExactly(new AddToDoNotCall());
  }

  @Test
  void aVoiceOrHearingFailureMidQuestionApologizesAndEndsFailedWithTheReason() {
    DialogueEngine engine = engine(CampaignType.BALANCE);
    toFirstQuestion(engine);

    Hangup end = (Hangup) engine.onFailure("recognizer: native error");

    assertThat(end.finalPrompt()).startsWith("We're sorry, we can't continue this call");
    assertThat(end.result().outcome()).isEqualTo(DialogueOutcome.FAILED);
    assertThat(end.result().failure()).contains("recognizer: native error");
    assertThat(end.result().actions()).isEmpty();
    assertThat(end.result().turns())
        .extracting(Turn::step)
        .containsExactly("disclosure", "ask_payment", "ask_payment");
    assertThat(engine.onHangup()).isSameAs(end);
  }

  @Test
  void aFailureDuringTheGoodbyeKeepsTheOutcome() {
    DialogueEngine engine = engine(CampaignType.BALANCE);
    toFirstQuestion(engine);
    Hangup goodbye = (Hangup) engine.onReply(reply("yes I will pay", IntentLabel.AGREE));

    assertThat(engine.onFailure("synthesizer down")).isSameAs(goodbye);
    assertThat(engine.result().orElseThrow().outcome()).isEqualTo(DialogueOutcome.AGREED);
  }

  @Test
  void aFailureBeforeTheCallStartedIsAProgrammingError() {
    assertThatThrownBy(() -> engine(CampaignType.BALANCE).onFailure("x"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anAnsweringMachineEndsWithVoicemailAndKeepsTheGreetingUnlabelled() {
    DialogueEngine engine = engine(CampaignType.DELAY);
    engine.start();
    clock.advance(Duration.ofSeconds(7));

    Done done = (Done) engine.onAnsweringMachine("please leave a message after the tone", 0.8);

    assertThat(done.result().outcome()).isEqualTo(DialogueOutcome.VOICEMAIL);
    assertThat(done.result().actions()).isEmpty();
    Turn greeting = done.result().turns().getLast();
    assertThat(greeting.speaker()).isEqualTo(Turn.Speaker.CALLEE);
    assertThat(greeting.step()).isEqualTo("disclosure");
    assertThat(greeting.text()).isEqualTo("please leave a message after the tone");
    assertThat(greeting.label()).isEmpty();
    assertThat(greeting.at()).isEqualTo(NOW.plusSeconds(7));
    assertThat(engine.onHangup()).isSameAs(done);
  }

  @Test
  void anAnsweringMachineAfterTheEndChangesNothing() {
    DialogueEngine engine = engine(CampaignType.BALANCE);
    toFirstQuestion(engine);
    Hangup goodbye = (Hangup) engine.onReply(reply("I already paid", IntentLabel.ALREADY_DONE));

    assertThat(engine.onAnsweringMachine("leave a message", 0.9)).isSameAs(goodbye);
    assertThat(engine.result().orElseThrow().outcome()).isEqualTo(DialogueOutcome.ALREADY_DONE);
  }

  @Test
  void aTransferCarriesTheTranscriptSoFar() {
    DialogueEngine engine = engine(CampaignType.BALANCE);
    toFirstQuestion(engine);
    engine.onSilence();
    engine.onPromptFinished();

    Transfer transfer =
        (Transfer) engine.onReply(reply("let me talk to a person", IntentLabel.REQUEST_HUMAN));

    assertThat(transfer.queue()).isEqualTo("billing");
    assertThat(transfer.prompt()).contains("Please hold");
    assertThat(transfer.transcript())
        .extracting(Turn::describe)
        .containsExactly(
            "robot: Hello, this is an automated call from Acme Outfitters. If you'd rather not get"
                + " these calls, just say \"stop calling\" or press 9 at any time.",
            "robot: " + transfer.transcript().get(1).text(),
            "callee: (silence)",
            "robot: " + transfer.transcript().get(3).text(),
            "callee: \"let me talk to a person\" [request_human 0.90]",
            "robot: Sure. Please hold while I connect you with a member of our team.");
  }

  @ParameterizedTest
  @EnumSource(
      value = CampaignType.class,
      names = {"BALANCE", "DELAY", "REACTIVATE"})
  void aMissingValueIsNeverSpokenTheCallEndsWithTheApology(CampaignType campaign) {
    Map<String, String> values = new HashMap<>(VALUES);
    values.remove("customer_name");
    values.put("merchant", " ");
    DialogueEngine engine = new DialogueEngine(SCRIPTS.builtIn(campaign), "en", values, clock);

    Hangup end = (Hangup) engine.start();

    assertThat(end.finalPrompt())
        .isEqualTo("We're sorry, we can't continue this call right now. Goodbye.")
        .doesNotContain("${");
    assertThat(end.result().outcome()).isEqualTo(DialogueOutcome.FAILED);
    assertThat(end.result().failure()).contains("no value for variable(s) customer_name, merchant");
  }

  @Test
  void aMandarinVoiceGetsTheChinesePrompts() {
    DialogueEngine engine =
        new DialogueEngine(SCRIPTS.builtIn(CampaignType.BALANCE), "zh", VALUES, clock);

    Say disclosure = (Say) engine.start();
    engine.onPromptFinished();
    Listen listen = (Listen) engine.onPromptFinished();

    assertThat(disclosure.text()).startsWith("您好，这里是Acme Outfitters的自动语音电话。");
    assertThat(listen.phrases()).contains("不要再打了");
  }

  @Test
  void aLanguageTheScriptDoesNotHaveIsRefused() {
    DialogueScript script = SCRIPTS.builtIn(CampaignType.BALANCE);
    assertThatThrownBy(() -> new DialogueEngine(script, "fr", VALUES, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no prompts in 'fr'");
  }

  @Test
  void aScriptThatLoopsOnAnswersIsCutOffAtItsStepLimit() throws IOException {
    DialogueScript looping = SCRIPTS.read("looping", resource("scripts/loops-on-answers.yaml"));
    DialogueEngine engine = new DialogueEngine(looping, null, Map.of("merchant", "Acme"), clock);
    engine.start();
    Directive d = engine.onPromptFinished();
    int answers = 0;
    while (!d.isFinal()) {
      d =
          d instanceof Listen
              ? engine.onReply(reply("again", IntentLabel.AGREE))
              : engine.onPromptFinished();
      answers++;
    }

    assertThat(engine.result().orElseThrow().outcome()).isEqualTo(DialogueOutcome.NO_RESPONSE);
    assertThat(answers).isLessThan(20);
  }

  @Test
  void theResultIsAnnouncedAsEvents() {
    DialogueEngine engine = engine(CampaignType.DELAY);
    toFirstQuestion(engine);
    engine.onReply(reply("I'm furious about this", IntentLabel.COMPLAINT));
    DialogueResult result = engine.result().orElseThrow();
    PhoneNumber phone = PhoneNumber.parse("+8613800138000");

    List<Object> events =
        result.events("attempt-7", phone, SCRIPTS.builtIn(CampaignType.DELAY), clock.instant());

    assertThat(events).hasSize(3);
    DialogueCompleted completed = (DialogueCompleted) events.get(0);
    assertThat(completed.outcome()).isEqualTo(DialogueOutcome.COMPLAINT_TICKET);
    assertThat(completed.scriptId()).isEqualTo("delivery-delay");
    assertThat(completed.callbackAt()).isNull();
    assertThat(events.get(1))
        .isEqualTo(
            new TicketRequested(
                "attempt-7", IntentLabel.COMPLAINT, result.turns(), clock.instant()));
    assertThat(events.get(2)).isInstanceOf(HumanTransferRequested.class);
  }

  @Test
  void optOutAndCallbackBecomeTheirEvents() {
    PhoneNumber phone = PhoneNumber.parse("+8613800138000");
    DialogueEngine optOut = engine(CampaignType.BALANCE);
    toFirstQuestion(optOut);
    optOut.onDtmf('9');
    DialogueEngine callback = engine(CampaignType.BALANCE);
    toFirstQuestion(callback);
    Instant at = NOW.plus(Duration.ofDays(1));
    callback.onReply(new Reply("tomorrow", IntentLabel.CALL_BACK_LATER, 0.9, Optional.of(at)));
    DialogueScript script = SCRIPTS.builtIn(CampaignType.BALANCE);

    assertThat(optOut.result().orElseThrow().events("a1", phone, script, NOW))
        .contains(new DoNotCallRequested("a1", phone, NOW));
    List<Object> events = callback.result().orElseThrow().events("a2", phone, script, NOW);
    assertThat(((DialogueCompleted) events.get(0)).callbackAt()).isEqualTo(at);
    assertThat(events).contains(new CallbackRequested("a2", at, NOW));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DialogueEngineTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
