package io.contactcenter.routing.internal;

import io.contactcenter.routing.ContactId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attended transfers in progress (table {@code routing_consult}, ADR 0044 addendum): a row per call
 * consulted about, written before the consulted agent's phone rings and deleted when the consult
 * ends, so a new routing leader finds the consults the last one left.
 */
final class JdbcConsults {

  /**
   * A consult as stored: the call's agent {@code fromAgent} consults {@code toAgent} (the call goes
   * on in {@code toQueue} when completed); {@code agentChannel} and {@code agentCallId} are the
   * consulting agent's channel once Asterisk's transfer started, else null.
   */
  record Stored(
      ContactId contact,
      String fromAgent,
      String toAgent,
      String toQueue,
      String ringId,
      String agentChannel,
      String agentCallId) {

    boolean transferStarted() {
      return agentChannel != null;
    }
  }

  private final JdbcClient jdbc;

  JdbcConsults(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The consulted agent's phone is about to ring: the consult is stored first.
   *
   * @return false when the call is not connected to {@code fromAgent} (do not ring)
   */
  boolean started(
      ContactId contact,
      String fromAgent,
      String toAgent,
      String toQueue,
      String ringId,
      Instant at) {
    return jdbc.sql(
                """
                INSERT INTO routing_consult (contact_id, from_agent, to_agent, to_queue, ring_id,
                    started_at)
                SELECT id, agent_id, :to, :queue, :ring, :at FROM routing_contact
                WHERE id = :id AND state = 'CONNECTED' AND agent_id = :from
                ON CONFLICT (contact_id) DO UPDATE SET from_agent = excluded.from_agent,
                    to_agent = excluded.to_agent, to_queue = excluded.to_queue,
                    ring_id = excluded.ring_id, agent_channel = NULL, agent_call_id = NULL,
                    started_at = excluded.started_at
                """)
            .param("id", contact.value())
            .param("from", fromAgent)
            .param("to", toAgent)
            .param("queue", toQueue)
            .param("ring", ringId)
            .param("at", Timestamp.from(at))
            .update()
        == 1;
  }

  /** Asterisk's transfer started: the consulting agent's channel, to complete or cancel it. */
  void transferStarted(ContactId contact, String ringId, String agentChannel, String agentCallId) {
    jdbc.sql(
            "UPDATE routing_consult SET agent_channel = ?, agent_call_id = ?"
                + " WHERE contact_id = ? AND ring_id = ?")
        .params(agentChannel, agentCallId, contact.value(), ringId)
        .update();
  }

  /** The consult about the call ended (completed, cancelled, a party gone). */
  void ended(ContactId contact) {
    jdbc.sql("DELETE FROM routing_consult WHERE contact_id = ?").param(contact.value()).update();
  }

  /** The consults as the last routing term left them. */
  List<Stored> all() {
    return jdbc.sql(
            "SELECT contact_id, from_agent, to_agent, to_queue, ring_id, agent_channel,"
                + " agent_call_id FROM routing_consult ORDER BY started_at")
        .query(
            (rs, n) ->
                new Stored(
                    ContactId.of(rs.getString("contact_id")),
                    rs.getString("from_agent"),
                    rs.getString("to_agent"),
                    rs.getString("to_queue"),
                    rs.getString("ring_id"),
                    rs.getString("agent_channel"),
                    rs.getString("agent_call_id")))
        .list();
  }
}
