package io.contactcenter.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.pbx.CallAnswered;
import io.contactcenter.pbx.CallEnded;
import io.contactcenter.pbx.CallQueued;
import io.contactcenter.pbx.CallStarted;
import io.contactcenter.pbx.OriginateFailed;
import io.contactcenter.pbx.OriginateFailed.DialOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmiEventTranslatorTest {

  /** 2025-03-01T10:00:00Z as Asterisk's Timestamp header (seconds since the epoch). */
  private static final double T0 = 1_740_823_200.0;

  private static final String CHANNEL = "PJSIP/trunk-test-00000001";

  private static final Instant CLOCK_NOW = Instant.parse("2030-01-01T00:00:00Z");

  private final List<Object> records = new ArrayList<>();
  private final AmiEventTranslator translator =
      new AmiEventTranslator(records::add, Clock.fixed(CLOCK_NOW, ZoneOffset.UTC));

  private static Instant at(double secondsAfterT0) {
    return Instant.parse("2025-03-01T10:00:00Z").plusMillis(Math.round(secondsAfterT0 * 1000));
  }

  private NewChannelEvent newChannel(String uniqueId, double t, Map<String, String> variables) {
    NewChannelEvent e = new NewChannelEvent(this);
    e.setUniqueId(uniqueId);
    e.setLinkedid("linked-" + uniqueId);
    e.setChannel(CHANNEL);
    e.setCallerIdNum("4930123456");
    e.setExten("8613800138000");
    e.setChannelState(0);
    e.setTimestamp(T0 + t);
    e.setChanVariables(variables);
    return e;
  }

  private NewStateEvent newState(String uniqueId, int state, double t) {
    NewStateEvent e = new NewStateEvent(this);
    e.setUniqueId(uniqueId);
    e.setChannelState(state);
    e.setTimestamp(T0 + t);
    return e;
  }

  private HangupEvent hangup(String uniqueId, int cause, String causeText, double t) {
    HangupEvent e = new HangupEvent(this);
    e.setUniqueId(uniqueId);
    e.setCause(cause);
    e.setCauseTxt(causeText);
    e.setTimestamp(T0 + t);
    return e;
  }

  private VarSetEvent varSet(String uniqueId, String variable, String value) {
    VarSetEvent e = new VarSetEvent(this);
    e.setUniqueId(uniqueId);
    e.setVariable(variable);
    e.setValue(value);
    e.setTimestamp(T0);
    return e;
  }

  private OriginateResponseEvent originateResponse(
      String response, Integer reason, String actionId) {
    OriginateResponseEvent e = new OriginateResponseEvent(this);
    e.setResponse(response);
    e.setReason(reason);
    e.setActionId(actionId);
    e.setTimestamp(T0 + 30);
    return e;
  }

  @Test
  void aNewChannelEmitsCallStarted() {
    translator.onManagerEvent(newChannel("1700.1", 0, Map.of("CC_ATTEMPT_ID", "att-7")));

    assertThat(records)
        .containsExactly(
            new CallStarted(
                "1700.1", "linked-1700.1", CHANNEL, "4930123456", "8613800138000", "att-7", at(0)));
  }

  @Test
  void theRobotsSipMediaLegIsNoCall() {
    NewChannelEvent leg = newChannel("1700.9", 0, Map.of("CC_ATTEMPT_ID", "att-7"));
    leg.setChannel("PJSIP/robot-media-0000000a");
    HangupEvent hangup = new HangupEvent(this);
    hangup.setUniqueId("1700.9");
    hangup.setCause(16);
    hangup.setTimestamp(T0 + 5);

    translator.onManagerEvent(leg);
    translator.onManagerEvent(hangup);

    assertThat(records).isEmpty();
  }

  @Test
  void aNewChannelWithoutLinkedIdOrCallerUsesItsOwnIdAndEmptyCaller() {
    NewChannelEvent e = newChannel("1700.2", 0, Map.of());
    e.setLinkedid(null);
    e.setCallerIdNum("<unknown>");

    translator.onManagerEvent(e);

    assertThat(records)
        .singleElement()
        .isInstanceOfSatisfying(
            CallStarted.class,
            started -> {
              assertThat(started.linkedId()).isEqualTo("1700.2");
              assertThat(started.caller()).isEmpty();
              assertThat(started.attemptId()).isNull();
            });
  }

  @Test
  void theChannelGoingUpEmitsCallAnsweredOnlyOnce() {
    translator.onManagerEvent(newChannel("1700.1", 0, Map.of("CC_ATTEMPT_ID", "att-7")));
    translator.onManagerEvent(newState("1700.1", 5, 2)); // Ringing
    translator.onManagerEvent(newState("1700.1", 6, 4.5)); // Up
    translator.onManagerEvent(newState("1700.1", 6, 7)); // Up again (e.g. after a re-INVITE)

    assertThat(records).hasSize(2);
    assertThat(records.get(1))
        .isEqualTo(new CallAnswered("1700.1", "linked-1700.1", CHANNEL, "att-7", at(4.5)));
  }

  @Test
  void aChannelCreatedAlreadyUpIsAnsweredAtOnce() {
    NewChannelEvent e = newChannel("1700.3", 0, Map.of());
    e.setChannelState(6);

    translator.onManagerEvent(e);

    assertThat(records).hasSize(2);
    assertThat(records.get(0)).isInstanceOf(CallStarted.class);
    assertThat(records.get(1))
        .isInstanceOfSatisfying(
            CallAnswered.class, answered -> assertThat(answered.at()).isEqualTo(at(0)));
  }

  private QueueCallerJoinEvent queueJoin(String uniqueId, String queue, int position, double t) {
    QueueCallerJoinEvent e = new QueueCallerJoinEvent(this);
    e.setUniqueId(uniqueId);
    e.setLinkedId("linked-" + uniqueId);
    e.setChannel(CHANNEL);
    e.setQueue(queue);
    e.setPosition(position);
    e.setCount(position);
    e.setTimestamp(T0 + t);
    return e;
  }

  @Test
  void aCallerJoiningAQueueEmitsCallQueuedWithTheCallsAttempt() {
    translator.onManagerEvent(newChannel("cc-att-7", 0, Map.of("CC_ATTEMPT_ID", "att-7")));
    translator.onManagerEvent(newState("cc-att-7", 6, 1));

    translator.onManagerEvent(queueJoin("cc-att-7", "billing", 1, 9.5));

    assertThat(records.getLast())
        .isEqualTo(new CallQueued("cc-att-7", "linked-cc-att-7", "att-7", "billing", 1, at(9.5)));
  }

  @Test
  void aCallerWeDidNotSeeStartIsQueuedWithTheAttemptFromItsVariables() {
    QueueCallerJoinEvent join = queueJoin("1700.9", "support", 3, 2);
    join.setChanVariables(Map.of("CC_ATTEMPT_ID", "att-9"));

    translator.onManagerEvent(join);

    assertThat(records)
        .containsExactly(new CallQueued("1700.9", "linked-1700.9", "att-9", "support", 3, at(2)));
  }

  @Test
  void aHangupEmitsCallEndedWithCauseTimesAndDurations() {
    translator.onManagerEvent(newChannel("1700.1", 0, Map.of("CC_ATTEMPT_ID", "att-7")));
    translator.onManagerEvent(newState("1700.1", 6, 5));
    translator.onManagerEvent(hangup("1700.1", 16, "Normal Clearing", 65.4));

    assertThat(records).hasSize(3);
    assertThat(records.get(2))
        .isEqualTo(
            new CallEnded(
                "1700.1",
                "linked-1700.1",
                CHANNEL,
                "4930123456",
                "8613800138000",
                "att-7",
                16,
                "Normal Clearing",
                at(0),
                at(5),
                at(65.4),
                65,
                60));
  }

  @Test
  void anUnansweredCallHasNoAnswerTimeAndNoBillableSeconds() {
    translator.onManagerEvent(newChannel("1700.1", 0, Map.of()));
    translator.onManagerEvent(newState("1700.1", 5, 1));
    translator.onManagerEvent(hangup("1700.1", 19, "No answer", 45));

    assertThat(records.getLast())
        .isInstanceOfSatisfying(
            CallEnded.class,
            ended -> {
              assertThat(ended.cause()).isEqualTo(19);
              assertThat(ended.causeText()).isEqualTo("No answer");
              assertThat(ended.answeredAt()).isNull();
              assertThat(ended.durationSeconds()).isEqualTo(45);
              assertThat(ended.billableSeconds()).isZero();
            });
  }

  @Test
  void aHangupForAChannelWeNeverSawStartEmitsNothing() {
    translator.onManagerEvent(hangup("999.9", 16, "Normal Clearing", 10));
    translator.onManagerEvent(newState("999.9", 6, 11));

    assertThat(records).isEmpty();
  }

  @Test
  void aSecondHangupForTheSameChannelEmitsNothingMore() {
    translator.onManagerEvent(newChannel("1700.1", 0, Map.of()));
    translator.onManagerEvent(hangup("1700.1", 16, "Normal Clearing", 10));
    translator.onManagerEvent(hangup("1700.1", 16, "Normal Clearing", 11));

    assertThat(records).filteredOn(CallEnded.class::isInstance).hasSize(1);
  }

  @Test
  void anAttemptIdLearnedFromAnInheritedVarSetAppearsOnCallEnded() {
    translator.onManagerEvent(newChannel("1700.5", 0, Map.of()));
    translator.onManagerEvent(varSet("1700.5", "__CC_ATTEMPT_ID", "att-9"));
    translator.onManagerEvent(hangup("1700.5", 16, "Normal Clearing", 10));

    assertThat(records.getLast())
        .isInstanceOfSatisfying(
            CallEnded.class, ended -> assertThat(ended.attemptId()).isEqualTo("att-9"));
  }

  @Test
  void aVarSetOfAnotherVariableDoesNotSetTheAttemptId() {
    translator.onManagerEvent(newChannel("1700.5", 0, Map.of()));
    translator.onManagerEvent(varSet("1700.5", "CC_CAMPAIGN", "spring"));
    translator.onManagerEvent(hangup("1700.5", 16, "Normal Clearing", 10));

    assertThat(records.getLast())
        .isInstanceOfSatisfying(CallEnded.class, ended -> assertThat(ended.attemptId()).isNull());
  }

  @Test
  void anAttemptIdFromTheHangupsChannelVariablesAppearsOnCallEnded() {
    translator.onManagerEvent(newChannel("1700.6", 0, Map.of()));
    HangupEvent end = hangup("1700.6", 16, "Normal Clearing", 10);
    end.setChanVariables(Map.of("CC_ATTEMPT_ID", "att-10"));
    translator.onManagerEvent(end);

    assertThat(records.getLast())
        .isInstanceOfSatisfying(
            CallEnded.class, ended -> assertThat(ended.attemptId()).isEqualTo("att-10"));
  }

  @Test
  void anAttemptIdFromNewStateChannelVariablesAppearsOnCallAnswered() {
    translator.onManagerEvent(newChannel("1700.7", 0, Map.of()));
    NewStateEvent up = newState("1700.7", 6, 3);
    up.setChanVariables(Map.of("CC_ATTEMPT_ID", "att-11"));
    translator.onManagerEvent(up);

    assertThat(records.getLast())
        .isInstanceOfSatisfying(
            CallAnswered.class, answered -> assertThat(answered.attemptId()).isEqualTo("att-11"));
  }

  @Test
  void withoutAnAsteriskTimestampTheInjectedClockIsUsed() {
    NewChannelEvent e = newChannel("1700.8", 0, Map.of());
    e.setTimestamp(null);

    translator.onManagerEvent(e);

    assertThat(records)
        .singleElement()
        .isInstanceOfSatisfying(
            CallStarted.class, started -> assertThat(started.at()).isEqualTo(CLOCK_NOW));
  }

  @ParameterizedTest
  @CsvSource({"5, BUSY", "3, NO_ANSWER", "1, NO_ANSWER", "8, CONGESTION", "4, FAILED"})
  void aFailedOriginateEmitsOriginateFailedForTheAttempt(int reason, DialOutcome outcome) {
    translator.onManagerEvent(originateResponse("Failure", reason, "cc-attempt-att-7"));

    assertThat(records).containsExactly(new OriginateFailed("att-7", outcome, reason, at(30)));
  }

  @Test
  void aBusyCalleeReportedAsReasonZeroIsBusyOnceTheHangupCauseArrives() {
    translator.onManagerEvent(newChannel("cc-att-7", 29, Map.of()));
    translator.onManagerEvent(originateResponse("Failure", 0, "cc-attempt-att-7"));
    translator.onManagerEvent(hangup("cc-att-7", 17, "User busy", 31));

    assertThat(records)
        .filteredOn(OriginateFailed.class::isInstance)
        .containsExactly(new OriginateFailed("att-7", DialOutcome.BUSY, 0, at(30)));
    assertThat(records)
        .filteredOn(CallEnded.class::isInstance)
        .singleElement()
        .isInstanceOfSatisfying(CallEnded.class, e -> assertThat(e.attemptId()).isEqualTo("att-7"));
  }

  @Test
  void aReasonZeroFailureWithoutAnyHangupIsReportedAsFailedAfterAWhile() {
    translator.onManagerEvent(originateResponse("Failure", 0, "cc-attempt-att-7"));
    assertThat(records).isEmpty();

    translator.onManagerEvent(newChannel("other", 45, Map.of()));

    assertThat(records)
        .filteredOn(OriginateFailed.class::isInstance)
        .containsExactly(new OriginateFailed("att-7", DialOutcome.FAILED, 0, at(30)));
  }

  @Test
  void aSuccessfulOriginateResponseEmitsNothing() {
    translator.onManagerEvent(originateResponse("Success", 4, "cc-attempt-att-7"));

    assertThat(records).isEmpty();
  }

  @Test
  void anOriginateResponseForSomeoneElsesActionEmitsNothing() {
    translator.onManagerEvent(originateResponse("Failure", 5, "dialer-123"));
    translator.onManagerEvent(originateResponse("Failure", 5, null));

    assertThat(records).isEmpty();
  }
}
