package io.contactcenter.outboundrobot.internal;

import io.contactcenter.asrtts.PromptTemplate;
import io.contactcenter.common.AttemptId;
import io.contactcenter.common.CampaignType;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.common.Wording;
import io.contactcenter.outboundrobot.CallNowRequest;
import io.contactcenter.outboundrobot.CallRefusedException;
import io.contactcenter.outboundrobot.DialOutcome;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DialogueScripts;
import io.contactcenter.outboundrobot.PlaceCallRequest;
import io.contactcenter.outboundrobot.RobotAttempt;
import io.contactcenter.outboundrobot.RobotCalls;
import io.contactcenter.outboundrobot.TestCallInFlightException;
import io.contactcenter.outboundrobot.TestCallRequest;
import io.contactcenter.outboundrobot.internal.domain.SampleValues;
import io.contactcenter.pbx.CallAnswered;
import io.contactcenter.pbx.CallControl;
import io.contactcenter.pbx.CallEnded;
import io.contactcenter.pbx.OriginateFailed;
import io.contactcenter.pbx.OriginateRequest;
import io.contactcenter.pbx.PbxUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Places robot calls and keeps their attempts up to date from the call events. The attempt row is
 * written before anything is dialed; the listeners only set facts, so replays change nothing. Each
 * call event is applied after the PBX module's transaction commits, in one of its own, which
 * announces the attempt's end when it leaves the attempt over ({@link AttemptFacts}).
 */
class RobotService implements RobotCalls {

  private static final Logger log = LoggerFactory.getLogger(RobotService.class);

  /** How long a call must have been gone before recovery settles its attempt (see below). */
  private static final Duration CONFIRM_GONE = Duration.ofSeconds(5);

  private final JdbcRobotAttempts attempts;
  private final JdbcRobotCallHistory history;
  private final AttemptFacts facts;
  private final DialogueScripts scripts;
  private final CallControl calls;
  private final RobotProperties config;
  private final Clock clock;
  private final VanishedCalls vanished = new VanishedCalls(CONFIRM_GONE);

  RobotService(
      JdbcRobotAttempts attempts,
      JdbcRobotCallHistory history,
      AttemptFacts facts,
      DialogueScripts scripts,
      CallControl calls,
      RobotProperties config,
      Clock clock) {
    this.attempts = attempts;
    this.history = history;
    this.facts = facts;
    this.scripts = scripts;
    this.calls = calls;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public RobotAttempt callNow(CallNowRequest request) {
    return place(
        new PlaceCallRequest(
            PlaceCallRequest.newAttemptId(),
            request.phone(),
            request.campaign(),
            request.language(),
            request.variables(),
            request.requestedBy()));
  }

  @Override
  public RobotAttempt testCall(TestCallRequest request) {
    DialogueScript script =
        scripts.withPromptTexts(request.scriptId(), request.scriptVersion(), request.promptTexts());
    String language = language(script, request.language());
    Map<String, String> values =
        SampleValues.filled(
            script.variables(),
            request.variables(),
            LocalDate.ofInstant(clock.instant(), config.zone()),
            request.currency());
    requireSpeakable(script, values);
    String attemptId = PlaceCallRequest.newAttemptId().value();
    boolean created =
        attempts.createTest(
            new JdbcRobotAttempts.Stored(
                attemptId,
                request.phone(),
                script.id(),
                script.version(),
                language,
                values,
                "QUEUED",
                true,
                request.promptTexts()),
            request.requestedBy());
    if (!created) {
      throw new TestCallInFlightException(request.requestedBy());
    }
    dial(attemptId, request.phone());
    log.info(
        "test call {} queued with script {} v{}, {} prompt(s) edited",
        attemptId,
        script.id(),
        script.version(),
        request.promptTexts().size());
    return history.find(attemptId).orElseThrow();
  }

  private static String language(DialogueScript script, String requested) {
    String language = requested == null ? script.language() : requested;
    if (!script.languages().contains(language)) {
      throw new CallRefusedException(
          "script "
              + script.id()
              + " has no prompts in '"
              + language
              + "', only "
              + script.languages());
    }
    return language;
  }

  @Override
  public RobotAttempt place(PlaceCallRequest request) {
    DialogueScript script =
        request.scriptId() == null
            ? scripts.current(request.campaign())
            : pinned(request.scriptId(), request.scriptVersion());
    String language = language(script, request.language());
    requireSpeakable(script, request.variables());
    String attemptId = request.attemptId().value();
    boolean created =
        attempts.create(
            new JdbcRobotAttempts.Stored(
                attemptId,
                request.phone(),
                script.id(),
                script.version(),
                language,
                request.variables(),
                "QUEUED"),
            request.requestedBy());
    if (!created) {
      log.info("robot call {} is known already: not dialed again", attemptId);
      return history.find(attemptId).orElseThrow();
    }
    dial(attemptId, request.phone());
    log.info("robot call {} queued with script {} v{}", attemptId, script.id(), script.version());
    return history.find(attemptId).orElseThrow();
  }

  /** Hands a stored attempt to Asterisk; one Asterisk refuses is settled as not dialed. */
  private void dial(String attemptId, io.contactcenter.common.PhoneNumber phone) {
    try {
      calls.originate(
          new OriginateRequest(
              attemptId,
              phone,
              config.trunk(),
              config.callerId().isBlank() ? null : config.callerId(),
              config.ringTimeout(),
              "robot",
              "s",
              Map.of()));
      attempts.status(attemptId, "DIALING");
    } catch (PbxUnavailableException e) {
      facts.notDialed(attemptId);
      throw e;
    }
  }

  @Override
  public int recoverInterrupted(Duration grace) {
    facts.announceOverdue(clock.instant().minus(AttemptFacts.OVERDUE));
    Instant now = clock.instant();
    Map<String, RobotAttempt.Status> unfinished = new LinkedHashMap<>();
    for (JdbcRobotAttempts.Unfinished attempt : attempts.unfinishedBefore(now.minus(grace))) {
      unfinished.put(attempt.attemptId(), attempt.status());
    }
    // Calls under way longer than any call the robot makes are stuck, ended or not.
    List<String> stuck = attempts.underWayBefore(now.minus(config.maxCallDuration()));
    // Their status is not FINISHED; which one exactly does not matter below.
    stuck.forEach(id -> unfinished.putIfAbsent(id, RobotAttempt.Status.IN_DIALOGUE));
    if (unfinished.isEmpty()) {
      vanished.goneForGood(List.of(), now);
      return 0;
    }
    Set<String> live;
    try {
      live = calls.activeAttemptIds();
    } catch (PbxUnavailableException e) {
      log.warn("cannot ask Asterisk which calls are up, recovery waits: {}", e.getMessage());
      return 0;
    }
    hangUpStuck(stuck, live);
    // A call that has just ended may still be finishing on the instance that runs its dialogue
    // (it stores the outcome after the callee hangs up): settle only calls gone for a while.
    Set<String> gone =
        vanished.goneForGood(
            unfinished.keySet().stream().filter(id -> !live.contains(id)).toList(), now);
    int settled = 0;
    for (Map.Entry<String, RobotAttempt.Status> attempt : unfinished.entrySet()) {
      String attemptId = attempt.getKey();
      if (!gone.contains(attemptId)) {
        continue;
      }
      if (attempt.getValue() == RobotAttempt.Status.FINISHED) {
        // The dialogue ended (e.g. handed the callee to a human queue), then the instance died or
        // lost AMI before Asterisk reported the hangup; the call is gone now. Without an end the
        // campaign would wait for this call forever.
        if (facts.endedUnseen(attemptId)) {
          settled++;
          log.warn(
              "robot call {} had finished but its hangup was never seen; Asterisk has no channel"
                  + " for it: end recorded",
              attemptId);
        }
        continue;
      }
      if (facts.interrupted(attemptId)) {
        settled++;
        log.warn(
            "robot call {} was interrupted (status {}), Asterisk has no channel for it: settled",
            attemptId,
            attempt.getValue());
      }
    }
    return settled;
  }

  /**
   * The watchdog: a robot call still dialing or in its dialogue after {@code max-call-duration} is
   * hung up, with the reason noted on its attempt; once Asterisk has no channel for it, it is
   * settled as failed like any interrupted call (above), so its end is announced once and the
   * campaign's retry rules decide whether to call again. Nobody is called while the stuck call is
   * still up: the hangup comes first, the settling only after the channel is gone. A call the robot
   * has handed to a person is FINISHED for the robot and never cut.
   */
  private void hangUpStuck(List<String> stuck, Set<String> live) {
    for (String attemptId : stuck) {
      if (!live.contains(attemptId)) {
        continue;
      }
      String reason =
          "stuck: no end after "
              + config.maxCallDuration().toMinutes()
              + " min (cc.outboundrobot.max-call-duration); hung up by the watchdog";
      if (attempts.stuck(attemptId, reason)) {
        log.warn("robot call {} is stuck: hanging it up", attemptId);
        try {
          calls.hangup(attemptId);
        } catch (PbxUnavailableException e) {
          // Still up and still noted as stuck: the next pass hangs it up.
          log.warn("cannot hang up stuck robot call {} now: {}", attemptId, e.getMessage());
          return;
        }
      }
    }
  }

  @Override
  public void checkVariables(CampaignType campaign, Map<String, String> variables) {
    requireSpeakable(scripts.current(campaign), variables);
  }

  @Override
  public void checkVariables(DialogueScript script, Map<String, String> variables) {
    requireSpeakable(script, variables);
  }

  private DialogueScript pinned(String scriptId, int version) {
    return scripts
        .find(scriptId, version)
        .orElseThrow(
            () -> new CallRefusedException("no script " + scriptId + " version " + version));
  }

  @Override
  public boolean isPlaced(AttemptId attemptId) {
    return attempts.exists(attemptId.value());
  }

  @Override
  public boolean available() {
    return calls.isAvailable();
  }

  @Override
  public String trunk() {
    return config.trunk();
  }

  /**
   * Every declared variable needs a value the voice can read: rejected here, before dialing, rather
   * than apologizing to the callee.
   */
  static void requireSpeakable(DialogueScript script, Map<String, String> values) {
    TreeSet<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(script.variables().keySet());
    if (!unknown.isEmpty()) {
      throw new CallRefusedException(
          new Wording(
              "problem.call-refused.unknown-variables",
              "unknown variable(s) "
                  + unknown
                  + " for script "
                  + script.id()
                  + "; it has "
                  + script.variables().keySet(),
              String.join(", ", unknown),
              script.id(),
              String.join(", ", script.variables().keySet())),
          null);
    }
    TreeSet<String> missing = new TreeSet<>();
    script.variables().keySet().stream()
        .filter(name -> values.get(name) == null || values.get(name).isBlank())
        .forEach(missing::add);
    if (!missing.isEmpty()) {
      throw new CallRefusedException(
          new Wording(
              "problem.call-refused.missing-values",
              "missing value(s) for " + missing + " in script " + script.id(),
              String.join(", ", missing),
              script.id()),
          null);
    }
    script
        .variables()
        .forEach(
            (name, kind) -> {
              try {
                spoken(name, kind, values.get(name));
              } catch (IllegalArgumentException e) {
                // The template's own reason (not an amount, out of range, ...) stays English.
                String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                throw new CallRefusedException(
                    new Wording("problem.call-refused.unreadable", e.getMessage(), name, reason),
                    e);
              }
            });
  }

  /** A variable's value in the words to speak, by its declared kind. */
  static String spoken(String name, DialogueScript.VariableKind kind, String value) {
    return spoken(name, kind, value, "en");
  }

  /** A variable's value in the words to speak in {@code language}, by its declared kind. */
  static String spoken(
      String name, DialogueScript.VariableKind kind, String value, String language) {
    try {
      return PromptTemplate.of(
              "{" + name + ":" + kind.name().toLowerCase(java.util.Locale.ROOT) + "}")
          .render(Map.of(name, value), language);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("variable " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<RobotAttempt> find(String attemptId) {
    return history.find(attemptId);
  }

  @Override
  public Optional<PhoneNumber> calledNumber(String attemptId) {
    return history.calledNumber(attemptId);
  }

  @Override
  public List<RobotAttempt> recent(int limit) {
    return history.recent(limit);
  }

  @Override
  public io.contactcenter.outboundrobot.RobotCallList search(
      io.contactcenter.outboundrobot.RobotCallQuery query) {
    return history.search(query);
  }

  @Override
  public List<RobotAttempt> toNumber(io.contactcenter.common.PhoneNumber phone, int limit) {
    return history.toNumber(phone, limit);
  }

  // Call events are applied once the PBX module has committed them, in order (the PBX publishes
  // them from one thread and these listeners run on it), each in a transaction of its own.

  @TransactionalEventListener(fallbackExecution = true)
  void on(CallAnswered answered) {
    if (isRobot(answered.attemptId())) {
      facts.answered(answered.attemptId(), answered.callId(), answered.at());
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(OriginateFailed failed) {
    if (isRobot(failed.attemptId())) {
      facts.dialFailed(
          failed.attemptId(), DialOutcome.valueOf(failed.outcome().name()), failed.at());
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CallEnded ended) {
    if (isRobot(ended.attemptId())) {
      facts.ended(ended.attemptId(), ended.endedAt());
    }
  }

  private static boolean isRobot(String attemptId) {
    return attemptId != null && attemptId.startsWith("robot-");
  }
}
