package io.contactcenter.qa.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.qa.Calibration;
import io.contactcenter.qa.CalibrationAudited;
import io.contactcenter.qa.CalibrationNotFoundException;
import io.contactcenter.qa.CalibrationRefusedException;
import io.contactcenter.qa.CalibrationScore;
import io.contactcenter.qa.Calibrations;
import io.contactcenter.qa.ConversationNotFoundException;
import io.contactcenter.qa.ConversationReview;
import io.contactcenter.qa.NotYetScoredException;
import io.contactcenter.qa.QaReviews;
import io.contactcenter.qa.RuleHit;
import io.contactcenter.qa.internal.domain.CalibrationSpread;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calibrations in {@code qa_calibration} and {@code qa_calibration_score}. A submission locks its
 * calibration's row, so one person's two concurrent submissions store one; the audit event is
 * published in the same transaction.
 */
class JdbcCalibrations implements Calibrations {

  private static final TypeReference<List<Calibration.Item>> ITEMS = new TypeReference<>() {};
  private static final TypeReference<Map<UUID, Boolean>> ANSWERS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final QaReviews reviews;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  JdbcCalibrations(
      JdbcClient jdbc,
      TransactionTemplate tx,
      ObjectMapper json,
      QaReviews reviews,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.json = json;
    this.reviews = reviews;
    this.events = events;
    this.clock = clock;
  }

  /** A calibration's stored row. */
  private record Row(
      UUID id,
      String conversationId,
      String lead,
      String note,
      Instant createdAt,
      List<Calibration.Item> items) {}

  @Override
  public Calibration start(String conversationId, String lead, String note) {
    String text = note == null ? "" : note.strip();
    if (text.length() > 2000) {
      throw new IllegalArgumentException("note must be at most 2000 characters");
    }
    ConversationReview review =
        reviews
            .find(conversationId)
            .orElseThrow(() -> new ConversationNotFoundException(conversationId));
    if (review.score() == null) {
      throw new NotYetScoredException(conversationId);
    }
    Map<UUID, Calibration.Item> items = new LinkedHashMap<>();
    for (RuleHit hit : review.score().hits()) {
      Calibration.Item known = items.get(hit.ruleId());
      boolean met = hit.passed() && (known == null || known.automaticallyMet());
      items.put(
          hit.ruleId(), new Calibration.Item(hit.ruleId(), hit.ruleName(), hit.section(), met));
    }
    if (items.isEmpty()) {
      throw new IllegalArgumentException(
          "conversation " + conversationId + " has no rule on its score card to calibrate");
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    tx.executeWithoutResult(
        status -> {
          jdbc.sql(
                  """
                  INSERT INTO qa_calibration (id, conversation_id, lead, note, items, created_at)
                  VALUES (?, ?, ?, ?, ?::jsonb, ?)
                  """)
              .params(
                  id,
                  conversationId,
                  lead,
                  text,
                  write(List.copyOf(items.values())),
                  Timestamp.from(now))
              .update();
          events.publishEvent(
              new CalibrationAudited(
                  id,
                  conversationId,
                  lead,
                  "STARTED",
                  "calibration of " + conversationId + " with " + items.size() + " items",
                  now));
        });
    return find(id, lead).orElseThrow();
  }

  @Override
  public List<Calibration> recent(String viewer, int limit) {
    int n = Math.max(1, Math.min(limit, 500));
    return jdbc
        .sql(
            "SELECT id, conversation_id, lead, note, created_at, items FROM qa_calibration"
                + " ORDER BY created_at DESC, id LIMIT ?")
        .param(n)
        .query(this::mapRow)
        .list()
        .stream()
        .map(r -> view(r, viewer))
        .toList();
  }

  @Override
  public Optional<Calibration> find(UUID id, String viewer) {
    return row(id).map(r -> view(r, viewer));
  }

  @Override
  public Calibration submit(UUID id, CalibrationScore score, String reviewer) {
    tx.executeWithoutResult(
        status -> {
          Row row =
              jdbc.sql(
                      "SELECT id, conversation_id, lead, note, created_at, items"
                          + " FROM qa_calibration WHERE id = ? FOR UPDATE")
                  .param(id)
                  .query(this::mapRow)
                  .optional()
                  .orElseThrow(() -> new CalibrationNotFoundException(id));
          for (Calibration.Item item : row.items()) {
            if (!score.items().containsKey(item.ruleId())) {
              throw new IllegalArgumentException(
                  "items: no answer for \"" + item.ruleName() + "\" (" + item.ruleId() + ")");
            }
          }
          for (UUID rule : score.items().keySet()) {
            if (row.items().stream().noneMatch(i -> i.ruleId().equals(rule))) {
              throw new IllegalArgumentException(
                  "items: " + rule + " is not an item of this calibration");
            }
          }
          boolean already =
              jdbc.sql(
                          "SELECT count(*) FROM qa_calibration_score"
                              + " WHERE calibration_id = ? AND reviewer = ?")
                      .params(id, reviewer)
                      .query(Integer.class)
                      .single()
                  > 0;
          if (already) {
            throw new CalibrationRefusedException(
                CalibrationRefusedException.Reason.ALREADY_SCORED,
                reviewer + " has already scored this calibration; a score is not changed later");
          }
          Instant now = clock.instant();
          jdbc.sql(
                  """
                  INSERT INTO qa_calibration_score
                      (calibration_id, reviewer, score, items, comment, submitted_at)
                  VALUES (?, ?, ?, ?::jsonb, ?, ?)
                  """)
              .params(
                  id,
                  reviewer,
                  score.score(),
                  write(score.items()),
                  score.comment(),
                  Timestamp.from(now))
              .update();
          long met = score.items().values().stream().filter(Boolean::booleanValue).count();
          events.publishEvent(
              new CalibrationAudited(
                  id,
                  row.conversationId(),
                  reviewer,
                  "SCORED",
                  (reviewer.equals(row.lead()) ? "reference score " : "score ")
                      + score.score()
                      + ", "
                      + met
                      + " of "
                      + score.items().size()
                      + " items met",
                  now));
        });
    return find(id, reviewer).orElseThrow(() -> new CalibrationNotFoundException(id));
  }

  private Optional<Row> row(UUID id) {
    return jdbc.sql(
            "SELECT id, conversation_id, lead, note, created_at, items FROM qa_calibration"
                + " WHERE id = ?")
        .param(id)
        .query(this::mapRow)
        .optional();
  }

  private Row mapRow(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getString("conversation_id"),
        rs.getString("lead"),
        rs.getString("note"),
        rs.getTimestamp("created_at").toInstant(),
        read(rs.getString("items"), ITEMS));
  }

  /** The calibration as the viewer may see it: the scores only once they submitted their own. */
  private Calibration view(Row row, String viewer) {
    List<Calibration.Submission> scores =
        jdbc.sql(
                "SELECT reviewer, score, items, comment, submitted_at FROM qa_calibration_score"
                    + " WHERE calibration_id = ? ORDER BY submitted_at, reviewer")
            .param(row.id())
            .query(
                (rs, n) ->
                    new Calibration.Submission(
                        rs.getString("reviewer"),
                        rs.getDouble("score"),
                        read(rs.getString("items"), ANSWERS),
                        rs.getString("comment"),
                        rs.getTimestamp("submitted_at").toInstant()))
            .list();
    boolean submitted = scores.stream().anyMatch(s -> s.reviewer().equals(viewer));
    List<Calibration.Submission> ordered = new ArrayList<>();
    scores.stream().filter(s -> s.reviewer().equals(row.lead())).forEach(ordered::add);
    scores.stream().filter(s -> !s.reviewer().equals(row.lead())).forEach(ordered::add);
    return new Calibration(
        row.id(),
        row.conversationId(),
        row.lead(),
        row.note(),
        row.createdAt(),
        row.items(),
        scores.size(),
        submitted,
        submitted ? ordered : List.of(),
        submitted ? CalibrationSpread.of(row.items(), row.lead(), scores) : null);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable calibration data", e);
    }
  }
}
