package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.CustomerTier;
import io.contactcenter.tickets.TicketPriority;
import io.contactcenter.tickets.TicketStatus;
import io.contactcenter.tickets.internal.domain.RoutingReconciliation.Place;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where routing has each ticket (columns {@code routing_place}, {@code routed_agent}, {@code
 * routed_at} of {@code ticket}). Moves are conditional on the place they leave, so of two threads
 * or instances reconciling one ticket only one acts.
 */
class JdbcTicketRouting {

  /** What reconciling a ticket reads. */
  record Snapshot(
      String ticketId,
      TicketStatus status,
      String assignee,
      String group,
      CustomerTier tier,
      TicketPriority priority,
      String customerPhone,
      String customerRef,
      Place place,
      String routedAgent,
      Instant routedAt) {}

  /** A ticket an agent holds through routing. */
  record Held(String ticketId, String agent) {}

  /** Entries that are not the agent acting on the ticket. */
  private static final String NOT_ACTED =
      "NOT EXISTS (SELECT 1 FROM ticket_entry e WHERE e.ticket_id = t.ticket_id"
          + " AND e.actor = t.routed_agent AND e.at >= t.routed_at)";

  private final JdbcClient jdbc;

  JdbcTicketRouting(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Snapshot> snapshot(String ticketId) {
    return jdbc.sql(
            "SELECT ticket_id, status, assignee, group_name, tier, priority, customer_phone,"
                + " customer_ref, routing_place, routed_agent, routed_at FROM ticket"
                + " WHERE ticket_id = :id")
        .param("id", ticketId)
        .query(
            (rs, n) -> {
              String place = rs.getString("routing_place");
              Timestamp routedAt = rs.getTimestamp("routed_at");
              return new Snapshot(
                  rs.getString("ticket_id"),
                  TicketStatus.valueOf(rs.getString("status")),
                  rs.getString("assignee"),
                  rs.getString("group_name"),
                  CustomerTier.valueOf(rs.getString("tier")),
                  TicketPriority.valueOf(rs.getString("priority")),
                  rs.getString("customer_phone"),
                  rs.getString("customer_ref"),
                  place == null ? Place.NONE : Place.valueOf(place),
                  rs.getString("routed_agent"),
                  routedAt == null ? null : routedAt.toInstant());
            })
        .optional();
  }

  /**
   * Moves the ticket from {@code from} (held by {@code fromAgent}, for {@code ASSIGNED}) to {@code
   * to}; false when it is no longer where the caller saw it.
   */
  boolean move(String ticketId, Place from, String fromAgent, Place to) {
    String agentMatches = from == Place.ASSIGNED ? " AND routed_agent = :agent" : "";
    return jdbc.sql(
                "UPDATE ticket SET routing_place = :to, routed_agent = NULL, routed_at = NULL"
                    + " WHERE ticket_id = :id AND "
                    + (from == Place.NONE ? "routing_place IS NULL" : "routing_place = :from")
                    + agentMatches)
            .param("to", to == Place.NONE ? null : to.name())
            .param("id", ticketId)
            .param("from", from.name())
            .param("agent", fromAgent)
            .update()
        == 1;
  }

  /** Routing says the agent now holds the ticket, wherever we thought it was. */
  void heldBy(String ticketId, String agent, Instant at) {
    jdbc.sql(
            "UPDATE ticket SET routing_place = 'ASSIGNED', routed_agent = :agent, routed_at = :at"
                + " WHERE ticket_id = :id")
        .param("agent", agent)
        .param("at", Timestamp.from(at))
        .param("id", ticketId)
        .update();
  }

  /** Whether the agent has written on the ticket (reply, note, status) since routing gave it. */
  boolean acted(String ticketId) {
    return jdbc.sql("SELECT NOT " + NOT_ACTED + " FROM ticket t WHERE t.ticket_id = :id")
        .param("id", ticketId)
        .query(Boolean.class)
        .optional()
        .orElse(true);
  }

  /** Active tickets the agent holds through routing and has not acted on yet. */
  List<Held> unactedOf(String agent) {
    return jdbc.sql(
            "SELECT ticket_id, routed_agent FROM ticket t WHERE routing_place = 'ASSIGNED'"
                + " AND routed_agent = :agent AND assignee = routed_agent"
                + " AND status NOT IN ('SOLVED', 'CLOSED') AND "
                + NOT_ACTED)
        .param("agent", agent)
        .query((rs, n) -> new Held(rs.getString("ticket_id"), rs.getString("routed_agent")))
        .list();
  }

  /** Active tickets held through routing since before {@code cutoff} and not acted on. */
  List<Held> unactedSince(Instant cutoff, int limit) {
    return jdbc.sql(
            "SELECT ticket_id, routed_agent FROM ticket t WHERE routing_place = 'ASSIGNED'"
                + " AND routed_at <= :cutoff AND assignee = routed_agent"
                + " AND status NOT IN ('SOLVED', 'CLOSED') AND "
                + NOT_ACTED
                + " ORDER BY routed_at LIMIT :limit")
        .param("cutoff", Timestamp.from(cutoff))
        .param("limit", limit)
        .query((rs, n) -> new Held(rs.getString("ticket_id"), rs.getString("routed_agent")))
        .list();
  }
}
