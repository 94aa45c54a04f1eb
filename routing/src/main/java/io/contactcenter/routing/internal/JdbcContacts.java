package io.contactcenter.routing.internal;

import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.NewContact;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every contact's life in routing (table {@code routing_contact}). Each change is a conditional
 * UPDATE on the state it leaves, so whichever instance changes a contact first wins and the other
 * sees 0 rows: one contact is reserved by one agent at a time across instances.
 */
final class JdbcContacts {

  /** A contact whose wait ended: what its abandoned event needs. */
  record Ended(ContactId id, ContactChannel channel, String queue, Instant enqueuedAt) {}

  /** A contact still waiting in the database, to put back after a restart. */
  record Open(
      ContactId id,
      ContactChannel channel,
      String queue,
      boolean vip,
      int priority,
      String customer,
      Instant enqueuedAt,
      String callbackNumber) {}

  private final JdbcClient jdbc;

  JdbcContacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a new contact waiting; a contact that already ended may start again.
   *
   * @return false when the contact is still waiting, ringing or with an agent
   */
  boolean insertWaiting(NewContact contact, int priority, Instant at, Long transferInId) {
    return jdbc.sql(
                """
                INSERT INTO routing_contact (id, channel, reference, queue_id, vip, priority,
                    customer, state, enqueued_at, transfer_in_id)
                VALUES (:id, :channel, :reference, :queue, :vip, :priority, :customer, 'WAITING', :at,
                    :transferIn)
                ON CONFLICT (id) DO UPDATE SET queue_id = excluded.queue_id, vip = excluded.vip,
                    priority = excluded.priority, customer = excluded.customer, state = 'WAITING',
                    agent_id = NULL, enqueued_at = excluded.enqueued_at, offered_at = NULL,
                    answered_at = NULL, first_answered_at = NULL, ended_at = NULL,
                    disposition = NULL, notes = NULL, transfer_in_id = excluded.transfer_in_id,
                    ring_id = NULL
                WHERE routing_contact.state IN ('COMPLETED', 'ABANDONED', 'CANCELLED')
                """)
            .param("id", contact.id().value())
            .param("channel", contact.channel().name())
            .param("reference", contact.reference())
            .param("queue", contact.queue())
            .param("vip", contact.vip())
            .param("priority", priority)
            .param("customer", contact.customer())
            .param("at", Timestamp.from(at))
            .param("transferIn", transferInId)
            .update()
        == 1;
  }

  /** The waiting caller asked to be called back at {@code number}; false when not waiting. */
  boolean markCallback(ContactId id, String number) {
    return jdbc.sql(
                "UPDATE routing_contact SET callback_number = ? WHERE id = ? AND state = 'WAITING'"
                    + " AND channel = 'VOICE'")
            .params(number, id.value())
            .update()
        == 1;
  }

  /**
   * The routing leader's claim (ADR 0030): its reservations hold only while {@code routing_leader}
   * names it, so a leader that lost the lead without knowing it yet reserves nothing.
   */
  interface Fence {
    String leaderId();
  }

  /**
   * Reserves the waiting contact for the agent; false when another instance, an end or a new leader
   * won.
   */
  boolean markOffered(ContactId id, String agentId, Instant at, Fence fence) {
    return jdbc.sql(
                "UPDATE routing_contact SET state = 'OFFERED', agent_id = ?, offered_at = ?"
                    + " WHERE id = ? AND state = 'WAITING' AND EXISTS (SELECT 1 FROM routing_leader"
                    + " WHERE id = 1 AND leader_id = ?)")
            .params(agentId, Timestamp.from(at), id.value(), fence.leaderId())
            .update()
        == 1;
  }

  /**
   * The agent's offer rang out or was declined: waiting again, with its original enqueue time. An
   * offer of the contact to another agent is left alone.
   */
  void backToWaiting(ContactId id, String agentId) {
    jdbc.sql(
            "UPDATE routing_contact SET state = 'WAITING', agent_id = NULL, offered_at = NULL,"
                + " callback_ring_id = NULL, ring_id = NULL"
                + " WHERE id = ? AND state = 'OFFERED' AND agent_id = ?")
        .params(id.value(), agentId)
        .update();
  }

  /**
   * The agent's side of the call was lost (ADR 0052): waiting again with its original enqueue time,
   * its answer cleared. Its first answer stays ({@code first_answered_at}): the contact counts as
   * answered once, at that answer, in the reports (ADR 0054, ADR 0021 addendum). The agent's part
   * (their answer and {@code at}) is kept in {@code routing_contact_handback} for the agent
   * figures.
   *
   * @return false when the agent held no such open contact
   */
  boolean handBack(ContactId id, String agentId, Instant at) {
    return jdbc.sql(
                """
                WITH lost AS (
                    SELECT id, agent_id, answered_at FROM routing_contact
                    WHERE id = :id AND state = 'CONNECTED' AND agent_id = :agent FOR UPDATE),
                back AS (
                    UPDATE routing_contact c SET state = 'WAITING', agent_id = NULL,
                        offered_at = NULL, answered_at = NULL, ring_id = NULL
                    FROM lost WHERE c.id = lost.id
                    RETURNING lost.agent_id, lost.answered_at)
                INSERT INTO routing_contact_handback (contact_id, agent_id, answered_at,
                    handed_back_at)
                SELECT :id, agent_id, coalesce(answered_at, :at), :at FROM back
                """)
            .param("id", id.value())
            .param("agent", agentId)
            .param("at", Timestamp.from(at))
            .update()
        == 1;
  }

  /**
   * The agent answered the offered contact; the contact's first answer is this one unless it was
   * answered before it was handed back ({@link #handBack}).
   */
  boolean markConnected(ContactId id, String agentId, Instant at) {
    Timestamp when = Timestamp.from(at);
    return jdbc.sql(
                "UPDATE routing_contact SET state = 'CONNECTED', answered_at = ?,"
                    + " first_answered_at = coalesce(first_answered_at, ?), ring_id = NULL"
                    + " WHERE id = ? AND state = 'OFFERED' AND agent_id = ?")
            .params(when, when, id.value(), agentId)
            .update()
        == 1;
  }

  /**
   * The agent's contact ended.
   *
   * @return when it was answered; empty when the agent held no such open contact
   */
  Optional<Instant> markCompleted(ContactId id, String agentId, Instant at) {
    return jdbc.sql(
            "UPDATE routing_contact SET state = 'COMPLETED', ended_at = ?"
                + " WHERE id = ? AND state = 'CONNECTED' AND agent_id = ? RETURNING answered_at")
        .params(Timestamp.from(at), id.value(), agentId)
        .query((rs, n) -> rs.getTimestamp("answered_at").toInstant())
        .optional();
  }

  /**
   * Ends a waiting or ringing contact as {@code ABANDONED} or {@code CANCELLED}.
   *
   * @return the contact; empty when it was not waiting or ringing
   */
  Optional<Ended> endWaiting(ContactId id, String state, Instant at) {
    return jdbc.sql(
            "UPDATE routing_contact SET state = ?, ended_at = ?, ring_id = NULL"
                + " WHERE id = ? AND state IN ('WAITING', 'OFFERED')"
                + " RETURNING channel, queue_id, enqueued_at")
        .params(state, Timestamp.from(at), id.value())
        .query(
            (rs, n) ->
                new Ended(
                    id,
                    ContactChannel.valueOf(rs.getString("channel")),
                    rs.getString("queue_id"),
                    rs.getTimestamp("enqueued_at").toInstant()))
        .optional();
  }

  /**
   * The part of a contact an agent holds: when it entered its queue, when the agent answered, the
   * transfer it began with ({@code null} when the contact came in directly), and the part's first
   * answer (an earlier agent's, when the call was handed back since; else {@code answeredAt}).
   */
  record Part(Instant enqueuedAt, Instant answeredAt, Long transferInId, Instant firstAnsweredAt) {}

  /** The part of the contact the agent answered and holds, if they do. */
  Optional<Part> part(ContactId id, String agentId) {
    return jdbc.sql(
            "SELECT enqueued_at, answered_at, transfer_in_id,"
                + " coalesce(first_answered_at, answered_at) FROM routing_contact"
                + " WHERE id = ? AND agent_id = ? AND answered_at IS NOT NULL")
        .params(id.value(), agentId)
        .query(
            (rs, n) -> {
              long transferIn = rs.getLong(3);
              // wasNull() speaks of the last column read: ask before reading the others.
              Long from = rs.wasNull() ? null : transferIn;
              return new Part(
                  rs.getTimestamp(1).toInstant(),
                  rs.getTimestamp(2).toInstant(),
                  from,
                  rs.getTimestamp(4).toInstant());
            })
        .optional();
  }

  /**
   * The agent's part of a contact that goes on in {@code toQueue}.
   *
   * @param part the agent's part; {@code null} when it is not known
   * @return the transfer's id, which the contact's next part names as its start
   */
  long recordTransfer(
      ContactId id,
      String fromQueue,
      String toQueue,
      String agentId,
      Part part,
      Instant transferredAt) {
    return recordTransfer(id, fromQueue, toQueue, agentId, part, transferredAt, null);
  }

  /**
   * As {@link #recordTransfer(ContactId, String, String, String, Part, Instant)}, for a call handed
   * to the consulted agent {@code toAgent} (attended transfer, ADR 0044; null: to a queue).
   */
  long recordTransfer(
      ContactId id,
      String fromQueue,
      String toQueue,
      String agentId,
      Part part,
      Instant transferredAt,
      String toAgent) {
    return jdbc.sql(
            "INSERT INTO routing_contact_transfer (contact_id, from_queue, to_queue, agent_id,"
                + " enqueued_at, answered_at, transferred_at, transfer_in_id, to_agent,"
                + " first_answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
        .params(
            id.value(),
            fromQueue,
            toQueue,
            agentId,
            part == null ? null : Timestamp.from(part.enqueuedAt()),
            part == null ? null : Timestamp.from(part.answeredAt()),
            Timestamp.from(transferredAt),
            part == null ? null : part.transferInId(),
            toAgent,
            part == null ? null : Timestamp.from(part.firstAnsweredAt()))
        .query(Long.class)
        .single();
  }

  /**
   * The consulted agent holds the call from {@code at} (attended transfer, ADR 0044): the contact's
   * row, completed for the first agent's part, describes the new part, which began with transfer
   * {@code transferId} and entered {@code queue} at the transfer (it never waited).
   *
   * @return false when the contact's row is not completed (the caller hung up meanwhile)
   */
  boolean connectTransferred(
      ContactId id, String agentId, String queue, Instant at, long transferId) {
    Timestamp when = Timestamp.from(at);
    return jdbc.sql(
                "UPDATE routing_contact SET state = 'CONNECTED', agent_id = ?, queue_id = ?,"
                    + " enqueued_at = ?, offered_at = ?, answered_at = ?, first_answered_at = ?,"
                    + " ended_at = NULL, disposition = NULL, notes = NULL, transfer_in_id = ?"
                    + " WHERE id = ? AND state = 'COMPLETED'")
            .params(agentId, queue, when, when, when, when, transferId, id.value())
            .update()
        == 1;
  }

  /**
   * @return false when the contact was never this agent's
   */
  boolean saveWrapUp(ContactId id, String agentId, String disposition, String notes) {
    if (jdbc.sql(
                "UPDATE routing_contact SET disposition = ?, notes = ?"
                    + " WHERE id = ? AND agent_id = ? AND state IN ('CONNECTED', 'COMPLETED')")
            .params(disposition, notes, id.value(), agentId)
            .update()
        == 1) {
      return true;
    }
    // A contact the agent transferred to a queue: the row now describes its next part, the agent's
    // wrap-up belongs to the agent's latest transfer of it.
    if (jdbc.sql(
                "UPDATE routing_contact_transfer SET disposition = ?, notes = ? WHERE id ="
                    + " (SELECT max(id) FROM routing_contact_transfer"
                    + " WHERE contact_id = ? AND agent_id = ?)")
            .params(disposition, notes, id.value(), agentId)
            .update()
        == 1) {
      return true;
    }
    // A callback the customer did not answer waits for its next attempt without an agent: the
    // agent's wrap-up belongs to the attempt the agent made.
    return jdbc.sql(
                "UPDATE routing_callback_attempt SET disposition = ?, notes = ?"
                    + " WHERE contact_id = ? AND agent_id = ? AND attempt_no ="
                    + " (SELECT max(attempt_no) FROM routing_callback_attempt WHERE contact_id = ?)")
            .params(disposition, notes, id.value(), agentId, id.value())
            .update()
        == 1;
  }

  /**
   * Contacts waiting in the order now (not callbacks between attempts): what the routing leader
   * should hold. Calls on hold are among them: Asterisk holds the caller, and any instance can ring
   * an agent for the channel stored in Redis (ADR 0043).
   */
  List<Open> waitingRoutable() {
    return jdbc.sql(
            "SELECT id, channel, queue_id, vip, priority, customer, enqueued_at, callback_number"
                + " FROM routing_contact WHERE state = 'WAITING' AND callback_due_at IS NULL"
                + " ORDER BY enqueued_at")
        .query(JdbcContacts::open)
        .list();
  }

  /**
   * The agent's phone is about to ring for the offered call: the ring is stored first, so a new
   * leader can find it (ADR 0043).
   *
   * @return false when the contact is no longer offered to the agent
   */
  boolean callRinging(ContactId id, String agentId, String ringId) {
    return jdbc.sql(
                "UPDATE routing_contact SET ring_id = ? WHERE id = ? AND state = 'OFFERED'"
                    + " AND agent_id = ? AND channel = 'VOICE' AND callback_number IS NULL")
            .params(ringId, id.value(), agentId)
            .update()
        == 1;
  }

  /** Maps a row with the columns of {@link Open}. */
  static Open open(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Open(
        ContactId.of(rs.getString("id")),
        ContactChannel.valueOf(rs.getString("channel")),
        rs.getString("queue_id"),
        rs.getBoolean("vip"),
        rs.getInt("priority"),
        rs.getString("customer"),
        rs.getTimestamp("enqueued_at").toInstant(),
        rs.getString("callback_number"));
  }

  // ---- callbacks (ADR 0025) ----

  /** A callback attempt that ended: what its events need. */
  record EndedAttempt(ContactId id, String queue, int attempt, String agentId) {}

  /** A callback whose agent's phone was rung, as the database has it. */
  record RungCallback(ContactId id, String ringId, String agentId) {}

  /**
   * The agent's phone is about to ring for the offered callback: the ring is stored first.
   *
   * @return false when the contact is no longer offered to the agent
   */
  boolean callbackRinging(ContactId id, String agentId, String ringId) {
    return jdbc.sql(
                "UPDATE routing_contact SET callback_ring_id = ? WHERE id = ? AND state = 'OFFERED'"
                    + " AND agent_id = ? AND callback_number IS NOT NULL")
            .params(ringId, id.value(), agentId)
            .update()
        == 1;
  }

  /**
   * The agent's phone answered (so the customer is being dialed), or nobody knows whether it did:
   * the ring becomes a counted attempt, once per ring.
   */
  void startCallbackAttempt(ContactId id, String agentId, Instant at) {
    jdbc.sql(
            """
            WITH c AS (
                UPDATE routing_contact r SET callback_attempts = callback_attempts + 1
                WHERE r.id = :id AND r.callback_ring_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM routing_callback_attempt a
                                  WHERE a.ring_id = r.callback_ring_id)
                RETURNING r.id, r.callback_attempts, r.callback_ring_id)
            INSERT INTO routing_callback_attempt (contact_id, attempt_no, ring_id, agent_id,
                started_at)
            SELECT id, callback_attempts, callback_ring_id, :agent, :at FROM c
            """)
        .param("id", id.value())
        .param("agent", agentId)
        .param("at", Timestamp.from(at))
        .update();
  }

  /**
   * Ends the callback's attempt in progress with its outcome.
   *
   * @return the attempt; empty when none was in progress (settled already)
   */
  Optional<EndedAttempt> endCallbackAttempt(ContactId id, String outcome, Instant at) {
    return jdbc.sql(
            "UPDATE routing_callback_attempt a SET ended_at = ?, outcome = ?"
                + " FROM routing_contact c WHERE a.contact_id = ? AND a.ended_at IS NULL"
                + " AND c.id = a.contact_id RETURNING a.attempt_no, a.agent_id, c.queue_id")
        .params(Timestamp.from(at), outcome, id.value())
        .query(
            (rs, n) ->
                new EndedAttempt(
                    id,
                    rs.getString("queue_id"),
                    rs.getInt("attempt_no"),
                    rs.getString("agent_id")))
        .optional();
  }

  /**
   * The customer did not answer: the callback waits again, out of the order until {@code due}.
   *
   * @return false when the callback was not ringing or with an agent (settled elsewhere)
   */
  boolean scheduleCallback(ContactId id, Instant due) {
    return jdbc.sql(
                "UPDATE routing_contact SET state = 'WAITING', agent_id = NULL, offered_at = NULL,"
                    + " answered_at = NULL, first_answered_at = NULL, callback_ring_id = NULL,"
                    + " callback_due_at = ?"
                    + " WHERE id = ? AND state IN ('OFFERED', 'CONNECTED')")
            .params(Timestamp.from(due), id.value())
            .update()
        == 1;
  }

  /**
   * No more attempts: the callback ends {@code CANCELLED} with the reason.
   *
   * @return false when the callback was not ringing or with an agent (settled elsewhere)
   */
  boolean giveUpCallback(ContactId id, String reason, Instant at) {
    return jdbc.sql(
                "UPDATE routing_contact SET state = 'CANCELLED', ended_at = ?,"
                    + " callback_ring_id = NULL, callback_result = ?"
                    + " WHERE id = ? AND state IN ('OFFERED', 'CONNECTED')")
            .params(Timestamp.from(at), reason, id.value())
            .update()
        == 1;
  }

  /** The customer answered the callback. */
  void callbackAnswered(ContactId id) {
    jdbc.sql("UPDATE routing_contact SET callback_result = 'completed' WHERE id = ?")
        .param(id.value())
        .update();
  }

  /**
   * Callbacks whose next attempt is due, taken out of the database's schedule by this instance (a
   * conditional UPDATE: one instance takes each) to be put back in the waiting order.
   */
  List<Open> claimDueCallbacks(Instant now) {
    return jdbc.sql(
            "UPDATE routing_contact SET callback_due_at = NULL"
                + " WHERE state = 'WAITING' AND callback_due_at <= ?"
                + " RETURNING id, channel, queue_id, vip, priority, customer, enqueued_at,"
                + " callback_number")
        .param(Timestamp.from(now))
        .query(JdbcContacts::open)
        .list();
  }

  /** Callbacks whose agent's phone was rung, on any instance: candidates for recovery. */
  List<RungCallback> rungCallbacks() {
    return jdbc.sql(
            "SELECT id, callback_ring_id, agent_id FROM routing_contact"
                + " WHERE state IN ('OFFERED', 'CONNECTED') AND callback_ring_id IS NOT NULL")
        .query(
            (rs, n) ->
                new RungCallback(
                    ContactId.of(rs.getString("id")),
                    rs.getString("callback_ring_id"),
                    rs.getString("agent_id")))
        .list();
  }
}
