package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.qa.QaRetention;
import io.contactcenter.testinfra.ContactCenterIT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention on the real database and file system: a call older than the retention (365 days by
 * default) loses its recording files and its transcript, each deletion in the audit log; one under
 * an open appeal and a recent one keep theirs. Scores and reviews stay.
 */
@ContactCenterIT
class QaRetentionIT {

  @Autowired QaRetention retention;
  @Autowired JdbcClient jdbc;

  @TempDir Path recordings;

  @Test
  void oldRecordingsAndTranscriptsAreDeletedAndAuditedUnlessUnderAppeal() throws Exception {
    Instant old = Instant.now().minus(Duration.ofDays(400));
    String expired = call("expired", old);
    String appealed = call("appealed", old);
    String recent = call("recent", Instant.now().minus(Duration.ofDays(3)));
    jdbc.sql(
            """
            INSERT INTO qa_appeal (id, conversation_id, appellant, reason, state, opened_at,
                score_before)
            VALUES (?, ?, 'agent-x', 'wrong', 'OPEN', now(), 50)
            """)
        .params(UUID.randomUUID(), appealed)
        .update();

    QaRetention.Result result = retention.apply();
    assertThat(result.recordings()).isGreaterThanOrEqualTo(1);
    assertThat(result.transcripts()).isGreaterThanOrEqualTo(1);

    for (String leg : List.of("", "-in", "-out")) {
      assertThat(recordings.resolve(expired + leg + ".wav")).doesNotExist();
      assertThat(recordings.resolve(appealed + leg + ".wav")).exists();
      assertThat(recordings.resolve(recent + leg + ".wav")).exists();
    }
    assertThat(column(expired, "recording")).isNull();
    assertThat(column(expired, "words")).isNull();
    assertThat(column(appealed, "words")).contains("hello");
    assertThat(column(recent, "words")).contains("hello");
    String card =
        jdbc.sql("SELECT card::text FROM qa_score WHERE conversation_id = ?")
            .param(expired)
            .query(String.class)
            .single();
    assertThat(card).doesNotContain("hello").contains("\"passed\"");
    assertThat(
            jdbc.sql("SELECT score FROM qa_score WHERE conversation_id = ?")
                .param(expired)
                .query(Double.class)
                .single())
        .isEqualTo(80.0);

    List<String> audited =
        jdbc.sql(
                "SELECT actor || ' ' || action || ' ' || detail FROM audit_event"
                    + " WHERE target = ? ORDER BY id")
            .param("conversation:" + expired)
            .query(String.class)
            .list();
    assertThat(audited)
        .hasSize(2)
        .allMatch(a -> a.startsWith("system RETENTION_DELETED"))
        .anyMatch(a -> a.contains("recording"))
        .anyMatch(a -> a.contains("transcript"));
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event WHERE target IN (?, ?)")
                .params("conversation:" + appealed, "conversation:" + recent)
                .query(Integer.class)
                .single())
        .isZero();

    // Run again: nothing more is deleted for these conversations.
    retention.apply();
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event WHERE target = ?")
                .param("conversation:" + expired)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  /** A transcribed, scored call with its three recording files. */
  private String call(String name, Instant endedAt) throws Exception {
    String id = "retention-" + name + "-" + UUID.randomUUID();
    for (String leg : List.of("", "-in", "-out")) {
      Files.write(recordings.resolve(id + leg + ".wav"), new byte[] {1, 2, 3});
    }
    jdbc.sql(
            """
            INSERT INTO qa_recording (conversation_id, recording, leg_received, leg_sent,
                sent_speaker, language, ended_at, state, not_before, enqueued_at, transcribed_at,
                duration_ms, words)
            VALUES (?, ?, ?, ?, 'AGENT', 'en', ?, 'DONE', ?, ?, ?, 5000,
                '[{"word":"hello","startMs":0,"endMs":400,"confidence":0.9,"speaker":"AGENT"}]')
            """)
        .params(
            id,
            recordings.resolve(id + ".wav").toString(),
            recordings.resolve(id + "-in.wav").toString(),
            recordings.resolve(id + "-out.wav").toString(),
            Timestamp.from(endedAt),
            Timestamp.from(endedAt),
            Timestamp.from(endedAt),
            Timestamp.from(endedAt))
        .update();
    jdbc.sql(
            """
            INSERT INTO qa_score (conversation_id, score, auto_failed, card, scored_at, sampled,
                reviewer, reviewed_score, reviewed_at)
            VALUES (?, 80, false, '{"score":80,"autoFailed":false,"sections":[],"hits":[
                {"ruleName":"Greeting","kind":"REQUIRED_PHRASE","section":"opening",
                 "passed":true,"autoFail":false,"startMs":0,"endMs":400,
                 "evidence":"\\"hello\\""}]}', now(), true, 'qa-1', 80, now())
            """)
        .param(id)
        .update();
    return id;
  }

  private String column(String id, String column) {
    return jdbc.sql("SELECT " + column + "::text FROM qa_recording WHERE conversation_id = ?")
        .param(id)
        .query((rs, n) -> rs.getString(1))
        .list()
        .getFirst();
  }
}
