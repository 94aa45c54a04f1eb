package io.contactcenter.qa.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.qa.Channel;
import io.contactcenter.qa.Speaker;
import io.contactcenter.qa.TranscriptWord;
import io.contactcenter.qa.TranscriptionState;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code qa_recording} table: the transcription queue with claims under a lease, and the
 * transcripts it produces.
 */
class JdbcTranscriptionQueue {

  private static final TypeReference<List<TranscriptWord>> WORDS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  JdbcTranscriptionQueue(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * A recording a worker claimed.
   *
   * @param legs each direction apart, {@code null} when only the mixed recording exists
   */
  record Claim(
      String conversationId,
      String attemptId,
      String recording,
      String language,
      int tries,
      Legs legs) {}

  /**
   * A recording's two directions.
   *
   * @param received what the customer said
   * @param sent what the customer heard, said by {@code sentSpeaker}
   */
  record Legs(String received, String sent, Speaker sentSpeaker) {}

  /**
   * A queued recording (or a chat) as stored.
   *
   * @param recording the mixed recording's path; {@code null} for a chat
   */
  record Row(
      String conversationId,
      String attemptId,
      String recording,
      String language,
      Instant endedAt,
      TranscriptionState state,
      int tries,
      String failure,
      Instant transcribedAt,
      Long durationMs,
      List<TranscriptWord> words,
      Channel channel,
      String agent) {}

  /** Queues a recording; does nothing when it is queued already (events come at least once). */
  boolean enqueue(
      String conversationId,
      String attemptId,
      String recording,
      Legs legs,
      String language,
      Instant endedAt,
      Instant notBefore,
      Instant now) {
    return jdbc.sql(
                """
                INSERT INTO qa_recording (conversation_id, attempt_id, recording, leg_received,
                    leg_sent, sent_speaker, language, ended_at, state, not_before, enqueued_at,
                    agent)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?,
                    (SELECT agent FROM qa_call_agent WHERE conversation_id = ?)
                ON CONFLICT (conversation_id) DO NOTHING
                """)
            .params(
                conversationId,
                attemptId,
                recording,
                legs == null ? null : legs.received(),
                legs == null ? null : legs.sent(),
                legs == null ? null : legs.sentSpeaker().name(),
                language,
                Timestamp.from(endedAt),
                Timestamp.from(notBefore),
                Timestamp.from(now),
                conversationId)
            .update()
        == 1;
  }

  /**
   * Stores a chat, already transcribed (its messages are the words); does nothing when it is stored
   * already.
   */
  boolean insertChat(
      String conversationId,
      String language,
      String agent,
      Instant endedAt,
      List<TranscriptWord> words,
      long durationMs,
      Instant now) {
    return jdbc.sql(
                """
                INSERT INTO qa_recording (conversation_id, channel, agent, language, ended_at,
                    state, not_before, enqueued_at, transcribed_at, transcribe_ms, duration_ms,
                    words)
                VALUES (?, 'CHAT', ?, ?, ?, 'DONE', ?, ?, ?, 0, ?, ?::jsonb)
                ON CONFLICT (conversation_id) DO NOTHING
                """)
            .params(
                conversationId,
                agent,
                language,
                Timestamp.from(endedAt),
                Timestamp.from(now),
                Timestamp.from(now),
                Timestamp.from(now),
                durationMs,
                write(words))
            .update()
        == 1;
  }

  /** Remembers the agent who accepted a call, and names them on its conversation if queued. */
  void callAgent(String conversationId, String agent, Instant at) {
    jdbc.sql(
            """
            INSERT INTO qa_call_agent (conversation_id, agent, accepted_at) VALUES (?, ?, ?)
            ON CONFLICT (conversation_id) DO UPDATE SET agent = excluded.agent,
                accepted_at = excluded.accepted_at
            WHERE qa_call_agent.accepted_at <= excluded.accepted_at
            """)
        .params(conversationId, agent, Timestamp.from(at))
        .update();
    jdbc.sql("UPDATE qa_recording SET agent = ? WHERE conversation_id = ? AND channel = 'CALL'")
        .params(agent, conversationId)
        .update();
  }

  /**
   * Claims the longest-waiting due recording no live lease holds, for {@code lease} from now.
   * Concurrent workers (of any instance) never claim the same row: the row is locked and skipped.
   */
  Optional<Claim> claim(String owner, Instant now, Duration lease) {
    return jdbc.sql(
            """
            UPDATE qa_recording SET lease_owner = ?, lease_until = ?, tries = tries + 1
            WHERE conversation_id = (
                SELECT conversation_id FROM qa_recording
                WHERE state = 'PENDING' AND not_before <= ?
                  AND (lease_until IS NULL OR lease_until < ?)
                ORDER BY not_before
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING conversation_id, attempt_id, recording, language, tries, leg_received,
                leg_sent, sent_speaker
            """)
        .params(owner, Timestamp.from(now.plus(lease)), Timestamp.from(now), Timestamp.from(now))
        .query(
            (rs, n) ->
                new Claim(
                    rs.getString("conversation_id"),
                    rs.getString("attempt_id"),
                    rs.getString("recording"),
                    rs.getString("language"),
                    rs.getInt("tries"),
                    rs.getString("leg_received") == null
                        ? null
                        : new Legs(
                            rs.getString("leg_received"),
                            rs.getString("leg_sent"),
                            Speaker.valueOf(rs.getString("sent_speaker")))))
        .optional();
  }

  /** Extends a claim; false when the lease was lost (expired and taken over). */
  boolean renew(String conversationId, String owner, Instant until) {
    return jdbc.sql(
                "UPDATE qa_recording SET lease_until = ? WHERE conversation_id = ?"
                    + " AND lease_owner = ? AND state = 'PENDING'")
            .params(Timestamp.from(until), conversationId, owner)
            .update()
        == 1;
  }

  /**
   * Stores a transcript, only while the claim is still this owner's: false means another worker
   * took the recording over and this result is dropped, so a transcript is stored once.
   */
  boolean complete(
      String conversationId,
      String owner,
      List<TranscriptWord> words,
      long durationMs,
      long transcribeMs,
      Instant now) {
    return jdbc.sql(
                """
                UPDATE qa_recording SET state = 'DONE', words = ?::jsonb, duration_ms = ?,
                    transcribe_ms = ?, transcribed_at = ?, lease_owner = NULL, lease_until = NULL
                WHERE conversation_id = ? AND lease_owner = ? AND state = 'PENDING'
                """)
            .params(
                write(words), durationMs, transcribeMs, Timestamp.from(now), conversationId, owner)
            .update()
        == 1;
  }

  /** A try failed: queued again after {@code retryAt}, or failed for good after the last try. */
  void failed(
      String conversationId, String owner, String failure, boolean giveUp, Instant retryAt) {
    jdbc.sql(
            """
            UPDATE qa_recording SET state = ?, failure = ?, not_before = ?,
                lease_owner = NULL, lease_until = NULL
            WHERE conversation_id = ? AND lease_owner = ? AND state = 'PENDING'
            """)
        .params(
            giveUp ? "FAILED" : "PENDING", failure, Timestamp.from(retryAt), conversationId, owner)
        .update();
  }

  Optional<Row> find(String conversationId) {
    return jdbc.sql(
            """
            SELECT conversation_id, attempt_id, recording, language, ended_at, state, tries,
                failure, transcribed_at, duration_ms, words, channel, agent
            FROM qa_recording WHERE conversation_id = ?
            """)
        .param(conversationId)
        .query(
            (rs, n) -> {
              Timestamp transcribed = rs.getTimestamp("transcribed_at");
              long duration = rs.getLong("duration_ms");
              Long durationMs = rs.wasNull() ? null : duration;
              String words = rs.getString("words");
              return new Row(
                  rs.getString("conversation_id"),
                  rs.getString("attempt_id"),
                  rs.getString("recording"),
                  rs.getString("language"),
                  rs.getTimestamp("ended_at").toInstant(),
                  TranscriptionState.valueOf(rs.getString("state")),
                  rs.getInt("tries"),
                  rs.getString("failure"),
                  transcribed == null ? null : transcribed.toInstant(),
                  durationMs,
                  words == null ? List.of() : read(words),
                  Channel.valueOf(rs.getString("channel")),
                  rs.getString("agent"));
            })
        .optional();
  }

  /** How many recordings wait in the queue (claimed or not). */
  int pending() {
    return jdbc.sql("SELECT count(*) FROM qa_recording WHERE state = 'PENDING'")
        .query(Integer.class)
        .single();
  }

  private String write(List<TranscriptWord> words) {
    try {
      return json.writeValueAsString(words);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("transcript not writable as JSON", e);
    }
  }

  private List<TranscriptWord> read(String words) {
    try {
      return json.readValue(words, WORDS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored transcript not readable", e);
    }
  }
}
