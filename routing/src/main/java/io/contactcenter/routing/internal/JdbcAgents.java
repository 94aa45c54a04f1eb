package io.contactcenter.routing.internal;

import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Agents' routing profiles (tables {@code routing_agent}, {@code routing_agent_skill}). */
final class JdbcAgents implements AgentDirectory {

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  JdbcAgents(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public AgentSettings save(AgentSettings settings) {
    tx.executeWithoutResult(
        status -> {
          jdbc.sql(
                  """
                  INSERT INTO routing_agent (id, chats, tickets, wrap_up_seconds, phone)
                  VALUES (?, ?, ?, ?, ?)
                  ON CONFLICT (id) DO UPDATE SET chats = excluded.chats,
                      tickets = excluded.tickets, wrap_up_seconds = excluded.wrap_up_seconds,
                      phone = excluded.phone, updated_at = now()
                  """)
              .params(
                  settings.agentId(),
                  settings.chats(),
                  settings.tickets(),
                  settings.wrapUpSeconds(),
                  settings.phone())
              .update();
          jdbc.sql("DELETE FROM routing_agent_skill WHERE agent_id = ?")
              .param(settings.agentId())
              .update();
          settings
              .skills()
              .forEach(
                  (skill, level) ->
                      jdbc.sql(
                              "INSERT INTO routing_agent_skill (agent_id, skill, level)"
                                  + " VALUES (?, ?, ?)")
                          .params(settings.agentId(), skill, level)
                          .update());
        });
    return settings;
  }

  @Override
  public Optional<AgentSettings> find(String agentId) {
    return load("WHERE a.id = ?", agentId).stream().findFirst();
  }

  @Override
  public List<AgentSettings> all() {
    return load("", null);
  }

  private List<AgentSettings> load(String where, String agentId) {
    Map<String, Map<String, Integer>> skills = new HashMap<>();
    var skillQuery =
        jdbc.sql(
            "SELECT s.agent_id, s.skill, s.level FROM routing_agent_skill s JOIN routing_agent a"
                + " ON a.id = s.agent_id "
                + where);
    if (agentId != null) {
      skillQuery = skillQuery.param(agentId);
    }
    skillQuery.query(
        rs -> {
          skills
              .computeIfAbsent(rs.getString("agent_id"), a -> new HashMap<>())
              .put(rs.getString("skill"), rs.getInt("level"));
        });
    var agentQuery =
        jdbc.sql(
            "SELECT a.id, a.chats, a.tickets, a.wrap_up_seconds, a.phone FROM routing_agent a "
                + where
                + " ORDER BY a.id");
    if (agentId != null) {
      agentQuery = agentQuery.param(agentId);
    }
    return agentQuery
        .query(
            (rs, n) ->
                new AgentSettings(
                    rs.getString("id"),
                    skills.getOrDefault(rs.getString("id"), Map.of()),
                    rs.getInt("chats"),
                    rs.getInt("tickets"),
                    rs.getInt("wrap_up_seconds"),
                    rs.getString("phone")))
        .list();
  }
}
