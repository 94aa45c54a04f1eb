package io.contactcenter.routing.internal;

import io.contactcenter.routing.ContactId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a new routing term reads back from {@code routing_contact} when this instance takes the lead
 * (ADR 0030, ADR 0043): the contacts waiting or ringing again, the calls whose agent's phone the
 * last term rang, and the contacts agents hold. The writes of a contact's life stay in {@link
 * JdbcContacts}.
 */
final class JdbcTakeoverReads {

  private final JdbcClient jdbc;

  JdbcTakeoverReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A call offered to an agent whose phone was rung for it ({@code ring_id}, ADR 0043). */
  record RungCall(JdbcContacts.Open contact, String agentId, String ringId) {}

  /** A contact an agent had accepted and not yet completed. */
  record Held(JdbcContacts.Open contact, String agentId, Instant answeredAt) {}

  /**
   * Contacts agents hold (accepted, not completed), for a new routing leader to count against their
   * capacity (ADR 0030). Calls bridged to agents are among them only when {@code calls} (the new
   * leader can ask Asterisk whether each is still up, ADR 0043); callbacks with an agent are not:
   * their attempt stays with the recovery of ADR 0025.
   */
  List<Held> held(boolean calls) {
    return jdbc.sql(
            "SELECT id, channel, queue_id, vip, priority, customer, enqueued_at, callback_number,"
                + " agent_id, answered_at FROM routing_contact WHERE state = 'CONNECTED'"
                + " AND (channel <> 'VOICE' OR (? AND callback_number IS NULL)) AND agent_id IS NOT NULL"
                + " AND answered_at IS NOT NULL ORDER BY answered_at")
        .param(calls)
        .query(
            (rs, n) ->
                new Held(
                    JdbcContacts.open(rs, n),
                    rs.getString("agent_id"),
                    rs.getTimestamp("answered_at").toInstant()))
        .list();
  }

  /**
   * Contacts that were waiting or ringing when the last routing term ended: they wait again from
   * their original time. Calls on hold come back too when {@code keepCalls} (the new leader can ask
   * Asterisk which callers are still on the line, ADR 0043); else they are cancelled, as nobody can
   * tell whether their hold outlived the instance. A callback whose agent's phone was rung is left
   * alone: that attempt may still be in progress in Asterisk (the recovery pass settles it); a
   * callback waiting for its next attempt comes back when that is due ({@link
   * JdbcContacts#claimDueCallbacks}). So are the calls in {@code stillOffered}: their agent's phone
   * answered (ADR 0043).
   */
  List<JdbcContacts.Open> reopenAfterRestart(
      Instant at, boolean keepCalls, Set<ContactId> stillOffered) {
    if (!keepCalls) {
      jdbc.sql(
              "UPDATE routing_contact SET state = 'CANCELLED', ended_at = ?, ring_id = NULL"
                  + " WHERE channel = 'VOICE' AND state IN ('WAITING', 'OFFERED')"
                  + " AND callback_number IS NULL")
          .param(Timestamp.from(at))
          .update();
    }
    // "" is no contact's id: NOT IN () would not parse.
    List<String> offered =
        stillOffered.isEmpty() ? List.of("") : stillOffered.stream().map(ContactId::value).toList();
    jdbc.sql(
            "UPDATE routing_contact SET state = 'WAITING', agent_id = NULL, offered_at = NULL,"
                + " ring_id = NULL WHERE state = 'OFFERED' AND callback_ring_id IS NULL"
                + " AND id NOT IN (:offered)")
        .param("offered", offered)
        .update();
    return jdbc.sql(
            "SELECT id, channel, queue_id, vip, priority, customer, enqueued_at, callback_number"
                + " FROM routing_contact WHERE state = 'WAITING' AND callback_due_at IS NULL"
                + " ORDER BY enqueued_at")
        .query(JdbcContacts::open)
        .list();
  }

  /** Calls offered to agents whose phone was rung, as the last routing term left them. */
  List<RungCall> rungCalls() {
    return jdbc.sql(
            "SELECT id, channel, queue_id, vip, priority, customer, enqueued_at, callback_number,"
                + " agent_id, ring_id FROM routing_contact WHERE state = 'OFFERED'"
                + " AND channel = 'VOICE' AND callback_number IS NULL AND ring_id IS NOT NULL"
                + " ORDER BY enqueued_at")
        .query(
            (rs, n) ->
                new RungCall(
                    JdbcContacts.open(rs, n), rs.getString("agent_id"), rs.getString("ring_id")))
        .list();
  }
}
