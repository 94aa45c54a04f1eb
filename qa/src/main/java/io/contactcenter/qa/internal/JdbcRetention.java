package io.contactcenter.qa.internal;

import io.contactcenter.qa.ConversationDataDeleted;
import io.contactcenter.qa.QaRetention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention over {@code qa_recording}: each conversation in a transaction of its own, locked with
 * {@code SKIP LOCKED} so instances share the work. A recording's files are deleted before the row
 * forgets them; a crash between the two leaves the row to be taken again and the files' deletion
 * repeated harmlessly. A conversation with an open appeal is skipped until the appeal is decided.
 */
class JdbcRetention implements QaRetention {

  private static final Logger log = LoggerFactory.getLogger(JdbcRetention.class);

  private static final String NO_OPEN_APPEAL =
      " AND NOT EXISTS (SELECT 1 FROM qa_appeal a WHERE a.conversation_id = r.conversation_id"
          + " AND a.state = 'OPEN')";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final QaProperties.Retention properties;
  private final Clock clock;

  JdbcRetention(
      JdbcClient jdbc,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      QaProperties.Retention properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  private record Recording(String id, Instant endedAt, List<String> files) {}

  @Override
  public Result apply() {
    Instant now = clock.instant();
    int recordings = 0;
    while (recordings < properties.batch()
        && Boolean.TRUE.equals(tx.execute(s -> recording(now)))) {
      recordings++;
    }
    int transcripts = 0;
    while (transcripts < properties.batch()
        && Boolean.TRUE.equals(tx.execute(s -> transcript(now)))) {
      transcripts++;
    }
    if (recordings + transcripts > 0) {
      log.info("retention deleted {} recordings and {} transcripts", recordings, transcripts);
    }
    return new Result(recordings, transcripts);
  }

  /** Deletes the oldest expired recording; false when none is left. */
  private boolean recording(Instant now) {
    Recording due =
        jdbc.sql(
                "SELECT conversation_id, ended_at, recording, leg_received, leg_sent"
                    + " FROM qa_recording r WHERE channel = 'CALL' AND state <> 'PENDING'"
                    + " AND recording_deleted_at IS NULL AND ended_at < ?"
                    + NO_OPEN_APPEAL
                    + " ORDER BY ended_at LIMIT 1 FOR UPDATE SKIP LOCKED")
            .param(Timestamp.from(now.minus(properties.recordings())))
            .query(
                (rs, n) -> {
                  List<String> files = new ArrayList<>();
                  for (String column : List.of("recording", "leg_received", "leg_sent")) {
                    files.add(rs.getString(column));
                  }
                  return new Recording(
                      rs.getString("conversation_id"),
                      rs.getTimestamp("ended_at").toInstant(),
                      files.stream().filter(Objects::nonNull).toList());
                })
            .optional()
            .orElse(null);
    if (due == null) {
      return false;
    }
    for (String file : due.files()) {
      try {
        Files.deleteIfExists(Path.of(file));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete recording " + file, e);
      }
    }
    jdbc.sql(
            "UPDATE qa_recording SET recording = NULL, leg_received = NULL, leg_sent = NULL,"
                + " recording_deleted_at = ? WHERE conversation_id = ?")
        .params(Timestamp.from(now), due.id())
        .update();
    events.publishEvent(
        new ConversationDataDeleted(
            due.id(), ConversationDataDeleted.Data.RECORDING, due.endedAt(), now));
    return true;
  }

  /** Deletes the oldest expired transcript and the words quoted on its card; false when none. */
  private boolean transcript(Instant now) {
    Recording due =
        jdbc.sql(
                "SELECT conversation_id, ended_at FROM qa_recording r"
                    + " WHERE words IS NOT NULL AND transcript_deleted_at IS NULL AND ended_at < ?"
                    + NO_OPEN_APPEAL
                    + " ORDER BY ended_at LIMIT 1 FOR UPDATE SKIP LOCKED")
            .param(Timestamp.from(now.minus(properties.transcripts())))
            .query(
                (rs, n) ->
                    new Recording(
                        rs.getString("conversation_id"),
                        rs.getTimestamp("ended_at").toInstant(),
                        List.of()))
            .optional()
            .orElse(null);
    if (due == null) {
      return false;
    }
    jdbc.sql(
            "UPDATE qa_recording SET words = NULL, transcript_deleted_at = ?"
                + " WHERE conversation_id = ?")
        .params(Timestamp.from(now), due.id())
        .update();
    // The hits stay (rule, time, result); what was heard goes with the transcript.
    jdbc.sql(
            """
            UPDATE qa_score SET card = jsonb_set(card, '{hits}', coalesce(
                (SELECT jsonb_agg(jsonb_set(h, '{evidence}', '""'))
                 FROM jsonb_array_elements(card->'hits') h), '[]'::jsonb))
            WHERE conversation_id = ?
            """)
        .param(due.id())
        .update();
    events.publishEvent(
        new ConversationDataDeleted(
            due.id(), ConversationDataDeleted.Data.TRANSCRIPT, due.endedAt(), now));
    return true;
  }
}
