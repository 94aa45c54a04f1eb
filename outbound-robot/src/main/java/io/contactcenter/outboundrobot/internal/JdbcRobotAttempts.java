package io.contactcenter.outboundrobot.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.common.AttemptId;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.outboundrobot.DialOutcome;
import io.contactcenter.outboundrobot.DialogueOutcome;
import io.contactcenter.outboundrobot.RobotAttempt;
import io.contactcenter.outboundrobot.RobotAttemptEnded;
import io.contactcenter.outboundrobot.Turn;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Robot attempts and their turns in PostgreSQL (tables {@code robot_attempt}, {@code robot_turn}):
 * what placing and running a call writes, and what running it reads back. The views shown to users
 * are read by {@link JdbcRobotCallHistory}.
 */
final class JdbcRobotAttempts {

  /**
   * What the dialogue needs to run a stored attempt.
   *
   * @param testCall a test call from the prompt editor: its requests are not carried out
   * @param promptTexts the edited texts a test call speaks instead of the version's (empty: none)
   */
  record Stored(
      String attemptId,
      PhoneNumber phone,
      String scriptId,
      int scriptVersion,
      String language,
      Map<String, String> variables,
      String status,
      boolean testCall,
      Map<String, Map<String, String>> promptTexts) {

    Stored {
      promptTexts = promptTexts == null ? Map.of() : promptTexts;
    }

    /** A campaign's or a hand-placed call, speaking its version as saved. */
    Stored(
        String attemptId,
        PhoneNumber phone,
        String scriptId,
        int scriptVersion,
        String language,
        Map<String, String> variables,
        String status) {
      this(attemptId, phone, scriptId, scriptVersion, language, variables, status, false, Map.of());
    }
  }

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  JdbcRobotAttempts(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** An attempt a crash may have left unfinished. */
  record Unfinished(String attemptId, RobotAttempt.Status status) {}

  /**
   * Stores a new attempt; {@code false} when the id is known already (then nothing changes: the
   * primary key is what makes placing an attempt idempotent).
   */
  boolean create(Stored attempt, String requestedBy) {
    return jdbc.sql(
                "INSERT INTO robot_attempt (attempt_id, phone, script_id, script_version, language,"
                    + " variables, requested_by, status)"
                    + " VALUES (?, ?, ?, ?, ?, CAST(? AS JSONB), ?, 'QUEUED')"
                    + " ON CONFLICT (attempt_id) DO NOTHING")
            .params(
                attempt.attemptId(),
                attempt.phone().e164(),
                attempt.scriptId(),
                attempt.scriptVersion(),
                attempt.language(),
                toJson(attempt.variables()),
                requestedBy)
            .update()
        == 1;
  }

  /**
   * Stores a new test call; {@code false} when the user has one that is not finished (a unique
   * index keeps it to one each, also when two requests race).
   */
  boolean createTest(Stored attempt, String requestedBy) {
    try {
      return jdbc.sql(
                  "INSERT INTO robot_attempt (attempt_id, phone, script_id, script_version,"
                      + " language, variables, requested_by, status, test_call, prompt_texts)"
                      + " VALUES (?, ?, ?, ?, ?, CAST(? AS JSONB), ?, 'QUEUED', TRUE,"
                      + " CAST(? AS JSONB))")
              .params(
                  attempt.attemptId(),
                  attempt.phone().e164(),
                  attempt.scriptId(),
                  attempt.scriptVersion(),
                  attempt.language(),
                  toJson(attempt.variables()),
                  requestedBy,
                  attempt.promptTexts().isEmpty() ? null : toJson(attempt.promptTexts()))
              .update()
          == 1;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /**
   * Attempts created before {@code createdBefore} that a crash may have left open: not finished, or
   * finished by the dialogue but with no end of call recorded (the hangup came while no instance
   * was connected to Asterisk, e.g. after a transfer to a human queue).
   */
  List<Unfinished> unfinishedBefore(Instant createdBefore) {
    return jdbc.sql(
            "SELECT attempt_id, status FROM robot_attempt WHERE created_at < ?"
                + " AND ((status <> 'FINISHED' AND (ended_at IS NULL OR ended_at < ?))"
                + " OR (status = 'FINISHED' AND ended_at IS NULL)) ORDER BY created_at")
        .params(Timestamp.from(createdBefore), Timestamp.from(createdBefore))
        .query(
            (rs, n) ->
                new Unfinished(rs.getString(1), RobotAttempt.Status.valueOf(rs.getString(2))))
        .list();
  }

  /**
   * Attempts created before {@code createdBefore} that are still dialing or in their dialogue,
   * ended or not: a call under way that long is stuck.
   */
  List<String> underWayBefore(Instant createdBefore) {
    return jdbc.sql(
            "SELECT attempt_id FROM robot_attempt WHERE created_at < ? AND status <> 'FINISHED'"
                + " ORDER BY created_at")
        .param(Timestamp.from(createdBefore))
        .query(String.class)
        .list();
  }

  /**
   * Notes why the watchdog ends an attempt's call; {@code false} if the attempt finished meanwhile
   * (then its own result stands).
   */
  boolean stuck(String attemptId, String reason) {
    return jdbc.sql(
                "UPDATE robot_attempt SET failure = ? WHERE attempt_id = ?"
                    + " AND status <> 'FINISHED'")
            .params(reason, attemptId)
            .update()
        == 1;
  }

  /**
   * Records the end of a finished attempt's call that no hangup event reported; {@code false} if an
   * end is recorded already. The dialogue's result stays as it was.
   */
  boolean endedUnseen(String attemptId, Instant at) {
    return jdbc.sql(
                "UPDATE robot_attempt SET ended_at = ? WHERE attempt_id = ?"
                    + " AND status = 'FINISHED' AND ended_at IS NULL")
            .params(Timestamp.from(at), attemptId)
            .update()
        == 1;
  }

  /**
   * Settles an attempt whose call is gone while the robot was not there to finish it; {@code false}
   * if it finished meanwhile.
   */
  boolean interrupted(String attemptId, Instant at) {
    return jdbc.sql(
                "UPDATE robot_attempt SET status = 'FINISHED',"
                    + " dial_outcome = coalesce(dial_outcome, 'FAILED'),"
                    + " outcome = CASE WHEN answered_at IS NULL THEN outcome ELSE 'FAILED' END,"
                    // The watchdog's reason, if it hung the call up, says more than this one.
                    + " failure = coalesce(failure,"
                    + " 'interrupted: the call ended while no robot was on it'),"
                    + " ended_at = coalesce(ended_at, ?) WHERE attempt_id = ? AND status <> 'FINISHED'")
            .params(Timestamp.from(at), attemptId)
            .update()
        == 1;
  }

  boolean exists(String attemptId) {
    return jdbc.sql("SELECT count(*) FROM robot_attempt WHERE attempt_id = ?")
            .param(attemptId)
            .query(Long.class)
            .single()
        > 0;
  }

  Optional<Stored> load(String attemptId) {
    return jdbc.sql(
            "SELECT attempt_id, phone, script_id, script_version, language, variables::text, status,"
                + " test_call, prompt_texts::text FROM robot_attempt WHERE attempt_id = ?")
        .param(attemptId)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getString(1),
                    PhoneNumber.parse(rs.getString(2)),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getString(5),
                    fromJson(rs.getString(6)),
                    rs.getString(7),
                    rs.getBoolean(8),
                    promptTexts(json, rs.getString(9))))
        .optional();
  }

  void status(String attemptId, String status) {
    jdbc.sql("UPDATE robot_attempt SET status = ? WHERE attempt_id = ? AND status <> 'FINISHED'")
        .params(status, attemptId)
        .update();
  }

  void answered(String attemptId, String callId, Instant at) {
    jdbc.sql(
            "UPDATE robot_attempt SET call_id = coalesce(call_id, ?),"
                // A machine that answered stays VOICEMAIL, whichever of the two is stored first.
                + " dial_outcome = CASE WHEN dial_outcome = 'VOICEMAIL' THEN dial_outcome"
                + " ELSE 'ANSWERED' END,"
                + " recording = coalesce(recording, ?), answered_at = coalesce(answered_at, ?)"
                + " WHERE attempt_id = ?")
        .params(callId, callId + ".wav", Timestamp.from(at), attemptId)
        .update();
  }

  void dialFailed(String attemptId, String dialOutcome, Instant at) {
    jdbc.sql(
            "UPDATE robot_attempt SET dial_outcome = ?, status = 'FINISHED',"
                + " ended_at = coalesce(ended_at, ?) WHERE attempt_id = ? AND answered_at IS NULL")
        .params(dialOutcome, Timestamp.from(at), attemptId)
        .update();
  }

  void ended(String attemptId, Instant at) {
    jdbc.sql("UPDATE robot_attempt SET ended_at = coalesce(ended_at, ?) WHERE attempt_id = ?")
        .params(Timestamp.from(at), attemptId)
        .update();
  }

  void finished(
      String attemptId, String outcome, Instant callbackAt, String failure, List<Turn> turns) {
    // Turns first, status last: whoever sees FINISHED also sees every turn.
    jdbc.sql("DELETE FROM robot_turn WHERE attempt_id = ?").param(attemptId).update();
    int seq = 0;
    for (Turn turn : turns) {
      jdbc.sql(
              "INSERT INTO robot_turn (attempt_id, seq, at, step, speaker, text, label, confidence,"
                  + " dtmf) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              attemptId,
              seq++,
              Timestamp.from(turn.at()),
              turn.step(),
              turn.speaker().name(),
              turn.text(),
              turn.label().map(IntentLabel::code).orElse(null),
              turn.confidence(),
              turn.dtmf().map(String::valueOf).orElse(null))
          .update();
    }
    jdbc.sql(
            "UPDATE robot_attempt SET status = 'FINISHED', outcome = ?, callback_at = ?, failure = ?,"
                + " dial_outcome = coalesce(?, dial_outcome) WHERE attempt_id = ?")
        .params(
            outcome,
            callbackAt == null ? null : Timestamp.from(callbackAt),
            failure,
            // A machine answered: that is how the dialing went, not a conversation.
            DialogueOutcome.VOICEMAIL.name().equals(outcome) ? "VOICEMAIL" : null,
            attemptId)
        .update();
  }

  /**
   * A transferred callee whom no agent took: the robot's last words are added to the turns and the
   * callback is stored. Done once per attempt; {@code false} if it was done already.
   */
  boolean transferUnanswered(String attemptId, Instant callbackAt, Turn said) {
    int updated =
        jdbc.sql(
                "UPDATE robot_attempt SET callback_at = ? WHERE attempt_id = ?"
                    + " AND callback_at IS NULL")
            .params(Timestamp.from(callbackAt), attemptId)
            .update();
    if (updated == 0) {
      return false;
    }
    jdbc.sql(
            "INSERT INTO robot_turn (attempt_id, seq, at, step, speaker, text, confidence)"
                + " SELECT ?, coalesce(max(seq) + 1, 0), ?, ?, ?, ?, ? FROM robot_turn"
                + " WHERE attempt_id = ?")
        .params(
            attemptId,
            Timestamp.from(said.at()),
            said.step(),
            said.speaker().name(),
            said.text(),
            said.confidence(),
            attemptId)
        .update();
    return true;
  }

  /**
   * Marks the attempt's end as announced if it is over (finished and its call down) and not
   * announced yet, and returns the end to announce; empty otherwise. Call in the transaction that
   * publishes the result: the row lock and the mark make the announcement happen once.
   */
  Optional<RobotAttemptEnded> claimEnd(String attemptId, Instant now) {
    return jdbc.sql(
            "UPDATE robot_attempt SET end_announced_at = ? WHERE attempt_id = ?"
                + " AND status = 'FINISHED' AND ended_at IS NOT NULL AND end_announced_at IS NULL"
                + " RETURNING dial_outcome, outcome, callback_at, answered_at, ended_at")
        .params(Timestamp.from(now), attemptId)
        .query(
            (rs, n) -> {
              DialogueOutcome outcome =
                  Optional.ofNullable(rs.getString("outcome"))
                      .map(DialogueOutcome::valueOf)
                      .orElse(null);
              return new RobotAttemptEnded(
                  AttemptId.of(attemptId),
                  dialOutcome(rs.getString("dial_outcome"), outcome),
                  outcome,
                  lastLabel(attemptId),
                  instant(rs.getTimestamp("callback_at")),
                  instant(rs.getTimestamp("answered_at")),
                  instant(rs.getTimestamp("ended_at")));
            })
        .optional();
  }

  /**
   * Attempts over before {@code endedBefore} whose end was never announced (the instance died
   * between recording the end and announcing it).
   */
  List<String> unannouncedEnds(Instant endedBefore) {
    return jdbc.sql(
            "SELECT attempt_id FROM robot_attempt WHERE status = 'FINISHED'"
                + " AND end_announced_at IS NULL AND ended_at < ? ORDER BY ended_at LIMIT 500")
        .param(Timestamp.from(endedBefore))
        .query(String.class)
        .list();
  }

  /**
   * A dial outcome as stored, typed. A dialogue that ran was answered even when the answer's event
   * has not been applied yet; an attempt with neither failed.
   */
  static DialOutcome dialOutcome(String stored, DialogueOutcome outcome) {
    if (stored == null) {
      return outcome == null ? DialOutcome.FAILED : DialOutcome.ANSWERED;
    }
    return DialOutcome.valueOf(stored);
  }

  private IntentLabel lastLabel(String attemptId) {
    return jdbc.sql(
            "SELECT label FROM robot_turn WHERE attempt_id = ? AND speaker = 'CALLEE'"
                + " AND label IS NOT NULL ORDER BY seq DESC LIMIT 1")
        .param(attemptId)
        .query(String.class)
        .optional()
        .map(IntentLabel::fromCode)
        .orElse(null);
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }

  /** Stored prompt texts, by prompt path then language; empty for none. */
  static Map<String, Map<String, String>> promptTexts(ObjectMapper json, String text) {
    if (text == null) {
      return Map.of();
    }
    try {
      return json.readValue(text, new TypeReference<Map<String, Map<String, String>>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored prompt texts are not a JSON object", e);
    }
  }

  private String toJson(Object values) {
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "variables cannot be stored: " + e.getOriginalMessage(), e);
    }
  }

  private Map<String, String> fromJson(String text) {
    try {
      return json.readValue(text, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored variables are not a JSON object", e);
    }
  }
}
