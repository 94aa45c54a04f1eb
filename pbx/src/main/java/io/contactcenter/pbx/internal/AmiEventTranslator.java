package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.CallAnswered;
import io.contactcenter.pbx.CallEnded;
import io.contactcenter.pbx.CallQueued;
import io.contactcenter.pbx.CallStarted;
import io.contactcenter.pbx.OriginateFailed;
import io.contactcenter.pbx.OriginateRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.VarSetEvent;

/**
 * Translates AMI events into this module's call records at the edge.
 *
 * <p>Asterisk-Java delivers every AMI event on one thread and warns when a listener takes longer
 * than 500 ms, so this listener only translates and hands the record to {@code sink}, which must
 * not block (the dispatcher queues it). The per-channel state lives here, touched only by the AMI
 * event thread.
 */
final class AmiEventTranslator implements ManagerEventListener {

  /** Asterisk's channel state for an answered channel. */
  private static final int STATE_UP = 6;

  private final Consumer<Object> sink;
  private final Clock clock;
  private final Map<String, TrackedCall> calls = new ConcurrentHashMap<>();
  private final Map<String, PendingFailure> pendingFailures = new ConcurrentHashMap<>();

  private record PendingFailure(OriginateResponseEvent response, Instant at) {}

  private static final Duration PENDING_FAILURE_WAIT = Duration.ofSeconds(10);

  /**
   * The hangup cause of the last channel of each recent attempt. Asterisk reports a busy callee as
   * originate reason 0 ("failed"); the cause (17, user busy) on the channel's Hangup, which arrives
   * first, tells the real outcome.
   */
  private final Map<String, Integer> lastCauseByAttempt =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
              return size() > 10_000;
            }
          });

  AmiEventTranslator(Consumer<Object> sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  @Override
  public void onManagerEvent(ManagerEvent event) {
    switch (event) {
      case NewChannelEvent e -> onNewChannel(e);
      case NewStateEvent e -> onNewState(e);
      case VarSetEvent e -> onVarSet(e);
      case HangupEvent e -> onHangup(e);
      case OriginateResponseEvent e -> onOriginateResponse(e);
      case QueueCallerJoinEvent e -> onQueueCallerJoin(e);
      case DisconnectEvent e -> {
        // Their hangups are lost with the connection; a pending failure is still a failure.
        pendingFailures.forEach((attempt, p) -> emitFailure(attempt, p.response(), null));
        pendingFailures.clear();
        calls.clear();
      }
      default -> {}
    }
    expirePendingFailures(timeOf(event));
  }

  private void expirePendingFailures(Instant now) {
    if (pendingFailures.isEmpty()) {
      return;
    }
    pendingFailures.forEach(
        (attempt, p) -> {
          if (p.at().plus(PENDING_FAILURE_WAIT).isBefore(now)
              && pendingFailures.remove(attempt, p)) {
            emitFailure(attempt, p.response(), null);
          }
        });
  }

  private void onNewChannel(NewChannelEvent e) {
    if (e.getChannel() != null && e.getChannel().startsWith(MEDIA_LEG_PREFIX)) {
      // A robot's SIP media leg (ADR 0005) is plumbing of the caller's call, not a call: it
      // inherits the attempt id, and its end (the robot closing its media) must not read as the
      // attempt's end. Untracked, its later events are ignored too.
      return;
    }
    Instant at = timeOf(e);
    String attemptId = attemptIdOf(e);
    if (attemptId == null
        && e.getUniqueId() != null
        && e.getUniqueId().startsWith(AmiCallControl.CHANNEL_ID_PREFIX)) {
      attemptId = e.getUniqueId().substring(AmiCallControl.CHANNEL_ID_PREFIX.length());
    }
    TrackedCall call =
        new TrackedCall(
            e.getUniqueId(),
            nonNull(e.getLinkedid(), e.getUniqueId()),
            e.getChannel(),
            nonNull(e.getCallerIdNum(), ""),
            calleeOf(e),
            attemptId,
            at);
    calls.put(call.callId, call);
    sink.accept(
        new CallStarted(
            call.callId, call.linkedId, call.channel, call.caller, call.callee, attemptId, at));
    if (e.getChannelState() != null && e.getChannelState() == STATE_UP) {
      answered(call, at);
    }
  }

  /** Channels Asterisk creates to dial the SIP media endpoint ({@code PJSIP/robot-media-…}). */
  static final String MEDIA_LEG_PREFIX = "PJSIP/robot-media-";

  private void onNewState(NewStateEvent e) {
    TrackedCall call = calls.get(e.getUniqueId());
    if (call == null) {
      return; // a channel that existed before we connected: no start time, no record
    }
    if (call.attemptId == null) {
      call.attemptId = attemptIdOf(e);
    }
    if (e.getChannelState() != null && e.getChannelState() == STATE_UP && call.answeredAt == null) {
      answered(call, timeOf(e));
    }
  }

  private void onVarSet(VarSetEvent e) {
    // Inherited variables (__CC_ATTEMPT_ID) reach the second leg as VarSet, not on Newchannel.
    if (e.getVariable() != null
        && e.getVariable()
            .replaceFirst("^_{1,2}", "")
            .equals(OriginateRequest.ATTEMPT_ID_VARIABLE)) {
      TrackedCall call = calls.get(e.getUniqueId());
      if (call != null && call.attemptId == null) {
        call.attemptId = e.getValue();
      }
    }
  }

  private void answered(TrackedCall call, Instant at) {
    call.answeredAt = at;
    sink.accept(new CallAnswered(call.callId, call.linkedId, call.channel, call.attemptId, at));
  }

  private void onQueueCallerJoin(QueueCallerJoinEvent e) {
    TrackedCall call = calls.get(e.getUniqueId());
    String attemptId = call == null || call.attemptId == null ? attemptIdOf(e) : call.attemptId;
    String linkedId =
        call == null ? nonNull(e.getLinkedId(), nonNull(e.getUniqueId(), "")) : call.linkedId;
    sink.accept(
        new CallQueued(
            e.getUniqueId(),
            linkedId,
            attemptId,
            nonNull(e.getQueue(), ""),
            e.getPosition() == null ? 0 : e.getPosition(),
            timeOf(e)));
  }

  private void onHangup(HangupEvent e) {
    TrackedCall call = calls.remove(e.getUniqueId());
    if (call == null) {
      return;
    }
    if (call.attemptId == null) {
      call.attemptId = attemptIdOf(e);
    }
    String dialed = e.getChannelVariables().get(AmiCallControl.DESTINATION_VARIABLE);
    if (dialed != null && !dialed.isEmpty()) {
      call.callee = dialed;
    }
    Instant end = timeOf(e);
    if (call.attemptId != null && e.getCause() != null) {
      PendingFailure pending = pendingFailures.remove(call.attemptId);
      if (pending != null) {
        emitFailure(call.attemptId, pending.response(), e.getCause());
      } else {
        lastCauseByAttempt.put(call.attemptId, e.getCause());
      }
    }
    long duration = Math.max(0, Duration.between(call.startedAt, end).toSeconds());
    long billable =
        call.answeredAt == null
            ? 0
            : Math.max(0, Duration.between(call.answeredAt, end).toSeconds());
    sink.accept(
        new CallEnded(
            call.callId,
            call.linkedId,
            call.channel,
            call.caller,
            call.callee,
            call.attemptId,
            e.getCause() == null ? 0 : e.getCause(),
            nonNull(e.getCauseTxt(), ""),
            call.startedAt,
            call.answeredAt,
            end,
            duration,
            billable));
  }

  private void onOriginateResponse(OriginateResponseEvent e) {
    String actionId = e.getActionId();
    if (actionId != null && actionId.startsWith(AmiAgentPhones.RING_PREFIX)) {
      String ringId = actionId.substring(AmiAgentPhones.RING_PREFIX.length());
      if ("Success".equalsIgnoreCase(e.getResponse())) {
        sink.accept(new io.contactcenter.pbx.AgentPhoneAnswered(ringId, timeOf(e)));
      } else {
        int reason = e.getReason() == null ? 0 : e.getReason();
        sink.accept(new io.contactcenter.pbx.AgentPhoneFailed(ringId, reason, timeOf(e)));
      }
      return;
    }
    if (!"Failure".equalsIgnoreCase(e.getResponse())) {
      return;
    }
    String attemptId = attemptIdFromActionId(e.getActionId());
    if (attemptId == null) {
      return;
    }
    int reason = e.getReason() == null ? 0 : e.getReason();
    Integer cause = lastCauseByAttempt.remove(attemptId);
    if (reason == 0 && cause == null) {
      // Reason 0 says only "failed" (a busy callee reports so); the channel's Hangup, which
      // follows, carries the cause. Without one within PENDING_FAILURE_WAIT it stays FAILED.
      pendingFailures.put(attemptId, new PendingFailure(e, timeOf(e)));
      return;
    }
    emitFailure(attemptId, e, cause);
  }

  private void emitFailure(String attemptId, OriginateResponseEvent e, Integer cause) {
    int reason = e.getReason() == null ? 0 : e.getReason();
    OriginateFailed.DialOutcome outcome =
        reason == 0 && cause != null ? outcomeOfCause(cause) : outcomeOf(reason);
    sink.accept(new OriginateFailed(attemptId, outcome, reason, timeOf(e)));
  }

  /** Q.850 causes: 17 user busy, 18/19 no user responding / no answer, 34/38/42 congestion. */
  static OriginateFailed.DialOutcome outcomeOfCause(int cause) {
    return switch (cause) {
      case 17 -> OriginateFailed.DialOutcome.BUSY;
      case 18, 19, 21 -> OriginateFailed.DialOutcome.NO_ANSWER;
      case 34, 38, 42 -> OriginateFailed.DialOutcome.CONGESTION;
      default -> OriginateFailed.DialOutcome.FAILED;
    };
  }

  /**
   * Asterisk's originate reason codes: 1 hung up before answer / no answer (timeout), 3 ringing
   * then timeout, 5 busy, 8 congestion, 0 failure.
   */
  static OriginateFailed.DialOutcome outcomeOf(int reason) {
    return switch (reason) {
      case 1, 3 -> OriginateFailed.DialOutcome.NO_ANSWER;
      case 5 -> OriginateFailed.DialOutcome.BUSY;
      case 8 -> OriginateFailed.DialOutcome.CONGESTION;
      default -> OriginateFailed.DialOutcome.FAILED;
    };
  }

  static String attemptIdFromActionId(String actionId) {
    if (actionId == null || !actionId.startsWith(AmiCallControl.ACTION_ID_PREFIX)) {
      return null;
    }
    return actionId.substring(AmiCallControl.ACTION_ID_PREFIX.length());
  }

  private static String calleeOf(ManagerEvent e) {
    String dialed = e.getChannelVariables().get(AmiCallControl.DESTINATION_VARIABLE);
    return dialed != null && !dialed.isEmpty() ? dialed : nonNull(e.getExten(), "");
  }

  private static String attemptIdOf(ManagerEvent e) {
    String value = e.getChannelVariables().get(OriginateRequest.ATTEMPT_ID_VARIABLE);
    return value == null || value.isEmpty() ? null : value;
  }

  private Instant timeOf(ManagerEvent e) {
    // Prefer Asterisk's own timestamp (manager.conf timestampevents=yes): it is when the event
    // happened, not when a possibly backlogged reader got to it.
    if (e.getTimestamp() != null) {
      return Instant.ofEpochMilli(Math.round(e.getTimestamp() * 1000));
    }
    if (e.getDateReceived() != null) {
      return e.getDateReceived().toInstant();
    }
    return clock.instant();
  }

  private static String nonNull(String value, String fallback) {
    return value == null || value.isEmpty() || "<unknown>".equals(value) ? fallback : value;
  }

  private static final class TrackedCall {
    final String callId;
    final String linkedId;
    final String channel;
    final String caller;
    String callee;
    final Instant startedAt;
    String attemptId;
    Instant answeredAt;

    TrackedCall(
        String callId,
        String linkedId,
        String channel,
        String caller,
        String callee,
        String attemptId,
        Instant startedAt) {
      this.callId = callId;
      this.linkedId = linkedId;
      this.channel = channel;
      this.caller = caller;
      this.callee = callee;
      this.attemptId = attemptId;
      this.startedAt = startedAt;
    }
  }
}
