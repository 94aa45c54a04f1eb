package io.contactcenter.qa.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.qa.QaRule;
import io.contactcenter.qa.QaRules;
import io.contactcenter.qa.RuleDefinition;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** QA rules in the {@code qa_rule} table, each definition as JSON. */
class JdbcQaRules implements QaRules {

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  JdbcQaRules(JdbcClient jdbc, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public List<QaRule> all() {
    return jdbc.sql("SELECT id, definition, updated_at FROM qa_rule ORDER BY section, name, id")
        .query(
            (rs, n) ->
                new QaRule(
                    rs.getObject("id", UUID.class),
                    read(rs.getString("definition")),
                    rs.getTimestamp("updated_at").toInstant()))
        .list();
  }

  @Override
  public Optional<QaRule> find(UUID id) {
    return jdbc.sql("SELECT id, definition, updated_at FROM qa_rule WHERE id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new QaRule(
                    rs.getObject("id", UUID.class),
                    read(rs.getString("definition")),
                    rs.getTimestamp("updated_at").toInstant()))
        .optional();
  }

  @Override
  public QaRule create(RuleDefinition definition) {
    checkParts(null, definition);
    QaRule rule = new QaRule(UUID.randomUUID(), definition, clock.instant());
    jdbc.sql(
            "INSERT INTO qa_rule (id, name, section, definition, updated_at)"
                + " VALUES (?, ?, ?, ?::jsonb, ?)")
        .params(
            rule.id(),
            definition.name(),
            definition.section(),
            write(definition),
            Timestamp.from(rule.updatedAt()))
        .update();
    return rule;
  }

  @Override
  public Optional<QaRule> update(UUID id, RuleDefinition definition) {
    checkParts(id, definition);
    Instant now = clock.instant();
    int changed =
        jdbc.sql(
                "UPDATE qa_rule SET name = ?, section = ?, definition = ?::jsonb, updated_at = ?"
                    + " WHERE id = ?")
            .params(
                definition.name(), definition.section(), write(definition), Timestamp.from(now), id)
            .update();
    return changed == 1 ? Optional.of(new QaRule(id, definition, now)) : Optional.empty();
  }

  @Override
  public boolean delete(UUID id) {
    return jdbc.sql("DELETE FROM qa_rule WHERE id = ?").param(id).update() == 1;
  }

  /** A combined rule's parts must be other rules that exist and are not combined themselves. */
  private void checkParts(UUID id, RuleDefinition definition) {
    for (UUID part : definition.parts()) {
      if (part.equals(id)) {
        throw new IllegalArgumentException("parts must not name the rule itself");
      }
      RuleDefinition found =
          find(part)
              .map(QaRule::definition)
              .orElseThrow(() -> new IllegalArgumentException("parts: no rule " + part));
      if (found.kind() == io.contactcenter.qa.RuleKind.COMBINED) {
        throw new IllegalArgumentException(
            "parts: rule '" + found.name() + "' is combined itself; combine its parts instead");
      }
    }
    if (id != null && definition.kind() == io.contactcenter.qa.RuleKind.COMBINED) {
      for (QaRule other : all()) {
        if (other.definition().parts().contains(id)) {
          throw new IllegalArgumentException(
              "the rule is a part of '" + other.definition().name() + "' and cannot be combined");
        }
      }
    }
  }

  private String write(RuleDefinition definition) {
    try {
      return json.writeValueAsString(definition);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("rule not writable as JSON", e);
    }
  }

  private RuleDefinition read(String definition) {
    try {
      return json.readValue(definition, RuleDefinition.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored rule not readable", e);
    }
  }
}
