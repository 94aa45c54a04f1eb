package io.contactcenter.onlinechat.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.onlinechat.ChatLanguage;
import io.contactcenter.onlinechat.internal.domain.ClusterReview;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code chat_cold_start_job} table (V137): cold-start jobs, their questions, state and review.
 * Every state change of a running job is conditional on the instance that owns it, so a job taken
 * over by another instance is finished by that one only.
 */
class JdbcColdStartJobs {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<Integer>> ROWS = new TypeReference<>() {};

  /** What a poll needs to know whether its cached copy is current. */
  record Status(
      ColdStartJobs.State state, double progress, String error, int attempts, int reviewVersion) {}

  /** A whole stored job. */
  record Stored(
      String id,
      ChatLanguage lang,
      ColdStartJobs.Source source,
      List<String> texts,
      List<String> answers,
      Status status,
      ClusterReview.Snapshot review,
      List<Integer> unclustered) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  JdbcColdStartJobs(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(
      String id,
      ChatLanguage lang,
      ColdStartJobs.Source source,
      List<String> texts,
      List<String> answers,
      String owner,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO chat_cold_start_job (job_id, lang, source, state, questions, texts, answers,
                owner, heartbeat_at, created_at)
            VALUES (?, ?, ?, 'RUNNING', ?, ?::jsonb, ?::jsonb, ?, ?, ?)
            """)
        .params(
            id,
            lang.tag(),
            source.name(),
            texts.size(),
            write(texts),
            write(answers),
            owner,
            Timestamp.from(now),
            Timestamp.from(now))
        .update();
  }

  /** Deletes the finished jobs beyond the newest {@code keep} (a running one always stays). */
  int deleteOldFinished(int keep) {
    return jdbc.sql(
            """
            DELETE FROM chat_cold_start_job WHERE state <> 'RUNNING' AND job_id NOT IN (
                SELECT job_id FROM chat_cold_start_job WHERE state <> 'RUNNING'
                ORDER BY created_at DESC LIMIT ?)
            """)
        .param(keep)
        .update();
  }

  /** Renews the owner's heartbeat and stores its progress; false when it no longer owns the job. */
  boolean heartbeat(String id, String owner, double progress, Instant now) {
    return jdbc.sql(
                """
                UPDATE chat_cold_start_job SET heartbeat_at = ?, progress = ?
                WHERE job_id = ? AND owner = ? AND state = 'RUNNING'
                """)
            .params(Timestamp.from(now), progress, id, owner)
            .update()
        == 1;
  }

  /** Running jobs whose owner has not renewed the heartbeat since {@code staleBefore}. */
  List<String> stale(Instant staleBefore) {
    return jdbc.sql(
            "SELECT job_id FROM chat_cold_start_job WHERE state = 'RUNNING' AND heartbeat_at < ?"
                + " ORDER BY created_at")
        .param(Timestamp.from(staleBefore))
        .query(String.class)
        .list();
  }

  /**
   * Takes an interrupted job over: one instance wins (the update is conditional on the heartbeat
   * still being stale), its progress starts again and its attempts count up.
   *
   * @return the attempts including this one, or empty when another instance claimed it first
   */
  Optional<Integer> claim(String id, String owner, Instant staleBefore, Instant now) {
    return jdbc.sql(
            """
            UPDATE chat_cold_start_job SET owner = ?, heartbeat_at = ?, progress = 0,
                attempts = attempts + 1
            WHERE job_id = ? AND state = 'RUNNING' AND heartbeat_at < ?
            RETURNING attempts
            """)
        .params(owner, Timestamp.from(now), id, Timestamp.from(staleBefore))
        .query(Integer.class)
        .optional();
  }

  /** Stores the clustering's result; false when the owner lost the job to another instance. */
  boolean finish(
      String id,
      String owner,
      ClusterReview.Snapshot review,
      List<Integer> unclustered,
      Instant now) {
    return jdbc.sql(
                """
                UPDATE chat_cold_start_job SET state = 'DONE', progress = 1, review = ?::jsonb,
                    unclustered = ?::jsonb, finished_at = ?, heartbeat_at = NULL
                WHERE job_id = ? AND owner = ? AND state = 'RUNNING'
                """)
            .params(write(review), write(unclustered), Timestamp.from(now), id, owner)
            .update()
        == 1;
  }

  /** Marks the owner's running job failed with the reason. */
  boolean fail(String id, String owner, String error, Instant now) {
    return jdbc.sql(
                """
                UPDATE chat_cold_start_job SET state = 'FAILED', error = ?, finished_at = ?,
                    heartbeat_at = NULL
                WHERE job_id = ? AND owner = ? AND state = 'RUNNING'
                """)
            .params(error, Timestamp.from(now), id, owner)
            .update()
        == 1;
  }

  /**
   * Stores a review action unless another instance stored one since {@code version} was read.
   *
   * @return whether it was stored (the version is then {@code version + 1})
   */
  boolean saveReview(String id, ClusterReview.Snapshot review, int version) {
    return jdbc.sql(
                """
                UPDATE chat_cold_start_job SET review = ?::jsonb, review_version = review_version + 1
                WHERE job_id = ? AND state = 'DONE' AND review_version = ?
                """)
            .params(write(review), id, version)
            .update()
        == 1;
  }

  Optional<Status> status(String id) {
    return jdbc.sql(
            "SELECT state, progress, error, attempts, review_version FROM chat_cold_start_job"
                + " WHERE job_id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new Status(
                    ColdStartJobs.State.valueOf(rs.getString("state")),
                    rs.getDouble("progress"),
                    rs.getString("error"),
                    rs.getInt("attempts"),
                    rs.getInt("review_version")))
        .optional();
  }

  Optional<Stored> load(String id) {
    return jdbc.sql(
            """
            SELECT job_id, lang, source, state, progress, error, attempts, review_version, texts,
                answers, review, unclustered
            FROM chat_cold_start_job WHERE job_id = ?
            """)
        .param(id)
        .query(
            (rs, n) -> {
              String review = rs.getString("review");
              String unclustered = rs.getString("unclustered");
              return new Stored(
                  rs.getString("job_id"),
                  ChatLanguage.of(rs.getString("lang")),
                  ColdStartJobs.Source.valueOf(rs.getString("source")),
                  read(rs.getString("texts"), STRINGS),
                  read(rs.getString("answers"), STRINGS),
                  new Status(
                      ColdStartJobs.State.valueOf(rs.getString("state")),
                      rs.getDouble("progress"),
                      rs.getString("error"),
                      rs.getInt("attempts"),
                      rs.getInt("review_version")),
                  review == null ? null : read(review, ClusterReview.Snapshot.class),
                  unclustered == null ? List.of() : read(unclustered, ROWS));
            })
        .optional();
  }

  /** The stored review alone, with its version (a poll after another instance's action). */
  Optional<ReviewAt> review(String id) {
    return jdbc.sql("SELECT review, review_version FROM chat_cold_start_job WHERE job_id = ?")
        .param(id)
        .query(
            (rs, n) -> {
              String review = rs.getString("review");
              return new ReviewAt(
                  review == null ? null : read(review, ClusterReview.Snapshot.class),
                  rs.getInt("review_version"));
            })
        .optional();
  }

  record ReviewAt(ClusterReview.Snapshot review, int version) {}

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cold-start job not writable as JSON", e);
    }
  }

  private <T> T read(String value, TypeReference<T> type) {
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored cold-start job not readable", e);
    }
  }

  private <T> T read(String value, Class<T> type) {
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored cold-start job not readable", e);
    }
  }
}
