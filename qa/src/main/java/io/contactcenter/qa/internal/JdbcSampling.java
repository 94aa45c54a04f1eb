package io.contactcenter.qa.internal;

import io.contactcenter.qa.QaSampling;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sampling shares per agent in {@code qa_agent_sampling}, the configured one for the rest. */
class JdbcSampling implements QaSampling {

  private final JdbcClient jdbc;
  private final QaProperties.Sampling properties;
  private final Clock clock;

  JdbcSampling(JdbcClient jdbc, QaProperties.Sampling properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public double defaultShare() {
    return properties.share();
  }

  /** The share that applies to a conversation of this agent (the default when it has none). */
  double shareOf(String agent) {
    if (agent == null || agent.isBlank()) {
      return properties.share();
    }
    return jdbc.sql("SELECT share FROM qa_agent_sampling WHERE agent = ?")
        .param(agent)
        .query(Double.class)
        .optional()
        .orElse(properties.share());
  }

  @Override
  public List<AgentShare> agentShares() {
    return jdbc.sql(
            "SELECT agent, share, changed_by, changed_at FROM qa_agent_sampling ORDER BY agent")
        .query(
            (rs, n) ->
                new AgentShare(
                    rs.getString("agent"),
                    rs.getDouble("share"),
                    rs.getString("changed_by"),
                    rs.getTimestamp("changed_at").toInstant()))
        .list();
  }

  @Override
  public void setAgentShare(String agent, Double share, String changedBy) {
    if (agent == null || !agent.matches("[A-Za-z0-9._@-]{1,100}")) {
      throw new IllegalArgumentException(
          "agent must be 1 to 100 letters, digits, '.', '_', '@' or '-'");
    }
    if (share == null) {
      jdbc.sql("DELETE FROM qa_agent_sampling WHERE agent = ?").param(agent).update();
      return;
    }
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be between 0 and 1");
    }
    jdbc.sql(
            """
            INSERT INTO qa_agent_sampling (agent, share, changed_by, changed_at)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (agent) DO UPDATE SET share = excluded.share,
                changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """)
        .params(agent, share, changedBy, Timestamp.from(clock.instant()))
        .update();
  }
}
