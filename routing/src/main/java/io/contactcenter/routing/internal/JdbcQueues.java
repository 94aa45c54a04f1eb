package io.contactcenter.routing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.routing.QueueSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Queue settings (tables {@code routing_queue} with its opening hours as JSON, {@code
 * routing_queue_step}).
 */
final class JdbcQueues {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  JdbcQueues(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  List<QueueSettings> all() {
    Map<String, List<QueueSettings.Step>> steps = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT queue_id, after_seconds, minimum_level, overflow_queue FROM routing_queue_step"
                + " ORDER BY queue_id, after_seconds")
        .query(
            rs -> {
              steps
                  .computeIfAbsent(rs.getString("queue_id"), q -> new ArrayList<>())
                  .add(
                      new QueueSettings.Step(
                          rs.getInt("after_seconds"),
                          rs.getInt("minimum_level"),
                          rs.getString("overflow_queue")));
            });
    return jdbc.sql(
            "SELECT id, skill, weight, strategy, service_level_seconds, hours::text AS hours"
                + " FROM routing_queue ORDER BY id")
        .query(
            (rs, n) ->
                new QueueSettings(
                    rs.getString("id"),
                    rs.getString("skill"),
                    rs.getInt("weight"),
                    rs.getString("strategy"),
                    rs.getInt("service_level_seconds"),
                    steps.getOrDefault(rs.getString("id"), List.of()),
                    hours(rs.getString("hours"))))
        .list();
  }

  /** Creates or replaces the queue and its steps; run inside the caller's transaction. */
  void save(QueueSettings q) {
    jdbc.sql(
            """
            INSERT INTO routing_queue (id, skill, weight, strategy, service_level_seconds, hours,
                updated_at)
            VALUES (:id, :skill, :weight, :strategy, :sl, CAST(:hours AS jsonb), now())
            ON CONFLICT (id) DO UPDATE SET skill = excluded.skill, weight = excluded.weight,
                strategy = excluded.strategy, service_level_seconds = excluded.service_level_seconds,
                hours = excluded.hours, updated_at = now()
            """)
        .param("id", q.id())
        .param("skill", q.skill().strip())
        .param("weight", q.weight())
        .param("strategy", q.strategy())
        .param("sl", q.serviceLevelSeconds())
        .param("hours", q.hours() == null ? null : write(q.hours()))
        .update();
    jdbc.sql("DELETE FROM routing_queue_step WHERE queue_id = ?").param(q.id()).update();
    for (QueueSettings.Step step : q.steps()) {
      String overflow =
          step.overflowQueue() == null || step.overflowQueue().isBlank()
              ? null
              : step.overflowQueue();
      jdbc.sql(
              "INSERT INTO routing_queue_step (queue_id, after_seconds, minimum_level,"
                  + " overflow_queue) VALUES (?, ?, ?, ?)")
          .params(q.id(), step.afterSeconds(), step.minimumLevel(), overflow)
          .update();
    }
  }

  private QueueSettings.Hours hours(String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readValue(text, QueueSettings.Hours.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("routing_queue.hours is not readable JSON", e);
    }
  }

  private String write(QueueSettings.Hours hours) {
    try {
      return json.writeValueAsString(hours);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write opening hours", e);
    }
  }
}
