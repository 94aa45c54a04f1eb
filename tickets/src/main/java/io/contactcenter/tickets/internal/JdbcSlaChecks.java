package io.contactcenter.tickets.internal;

import static io.contactcenter.tickets.internal.JdbcTickets.T_COLUMNS;
import static io.contactcenter.tickets.internal.JdbcTickets.instant;
import static io.contactcenter.tickets.internal.JdbcTickets.row;
import static io.contactcenter.tickets.internal.JdbcTickets.ts;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SLA sweep's queue ({@code ticket_sla_check}, V131) and the SLA columns of the ticket table:
 * which tickets are due for a look, claimed so that two instances never look at one (ADR 0046), and
 * what a look writes back. The rest of the ticket table is {@link JdbcTickets}.
 */
class JdbcSlaChecks {

  private final JdbcClient jdbc;

  JdbcSlaChecks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A ticket claimed by the SLA sweep and its check time (the sweep's place in the queue). */
  record Claimed(TicketRow row, Instant checkAt) {}

  /**
   * Claims up to {@code limit} tickets the SLA sweep must look at (check time at or before {@code
   * dueBy}), oldest check first, after the place {@code (afterAt, afterId)} where the run's
   * previous batch ended (from the start when null), each ticket row locked until the transaction
   * ends. Tickets another instance (or a change being made) holds are passed over: two instances
   * sweeping at once take different tickets, and nobody waits. The check times live in the narrow
   * table {@code ticket_sla_check} (V131), claimed along its index in (check time, id) order;
   * starting after the last batch keeps a run from wading again through the entries its earlier
   * batches left behind (after a restart every ticket has the same check time).
   *
   * <p>Both rows are locked, the ticket's and its queue row's (ADR 0046). Locking only the ticket
   * let a second sweeper take a ticket another had just handled: its statement read the queue row
   * as it was when the statement began, due, and the other sweeper, committing meanwhile, had
   * released the ticket but moved or deleted that row. With the queue row locked too, PostgreSQL
   * rereads it once the other's commit has passed it and drops it when no longer due.
   */
  List<Claimed> claimDueForSlaCheck(Instant dueBy, Instant afterAt, String afterId, int limit) {
    Map<String, Object> params = new HashMap<>();
    params.put("dueBy", ts(dueBy));
    params.put("limit", limit);
    String after = "";
    if (afterAt != null) {
      after = " AND (c.check_at, c.ticket_id) > (:afterAt, :afterId)";
      params.put("afterAt", ts(afterAt));
      params.put("afterId", afterId);
    }
    return jdbc.sql(
            "SELECT "
                + T_COLUMNS
                + ", c.check_at FROM ticket_sla_check c JOIN ticket t ON t.ticket_id = c.ticket_id"
                + " WHERE c.check_at <= :dueBy"
                + after
                + " ORDER BY c.check_at, c.ticket_id LIMIT :limit FOR UPDATE OF t, c SKIP LOCKED")
        .params(params)
        .query((rs, n) -> new Claimed(row(rs, n), instant(rs, "check_at")))
        .list();
  }

  /**
   * Claims one ticket for the SLA sweep if it is still due (check time at or before {@code dueBy})
   * and nobody holds it: the check one by one after a failed batch, whose locks were released on
   * its rollback, so another instance may have handled the ticket since.
   */
  Optional<TicketRow> claimIfDueForSlaCheck(String ticketId, Instant dueBy) {
    return jdbc.sql(
            "SELECT "
                + T_COLUMNS
                + " FROM ticket_sla_check c JOIN ticket t ON t.ticket_id = c.ticket_id"
                + " WHERE c.ticket_id = :id AND c.check_at <= :dueBy"
                + " FOR UPDATE OF t, c SKIP LOCKED")
        .param("id", ticketId)
        .param("dueBy", ts(dueBy))
        .query(JdbcTickets::row)
        .optional();
  }

  /** Has the sweep look at a ticket again no sooner than {@code at} (its check failed). */
  void postponeSlaCheck(String ticketId, Instant at) {
    jdbc.sql(
            "INSERT INTO ticket_sla_check (ticket_id, check_at) VALUES (:id, :at)"
                + " ON CONFLICT (ticket_id) DO UPDATE SET check_at = EXCLUDED.check_at")
        .param("at", ts(at))
        .param("id", ticketId)
        .update();
  }

  /** A ticket's SLA columns as the sweep writes them back. */
  record SlaState(String ticketId, Instant dueAt, Instant checkAt, boolean breached) {}

  /** Writes the SLA columns of many tickets in one statement; the caller holds their locks. */
  void updateSla(List<SlaState> states) {
    if (states.isEmpty()) {
      return;
    }
    List<Map<String, Object>> rows =
        states.stream()
            .map(
                s -> {
                  Map<String, Object> row = new HashMap<>();
                  row.put("id", s.ticketId());
                  row.put("due", s.dueAt() == null ? null : s.dueAt().toString());
                  row.put("chk", s.checkAt() == null ? null : s.checkAt().toString());
                  row.put("breached", s.breached());
                  return row;
                })
            .toList();
    // One statement: the ticket row only where its deadline or flag changed (an unchanged row is
    // not rewritten, so none of its indexes grows), the check time in the narrow queue table
    // (written only when it moved; removed when nothing is left to check).
    jdbc.sql(
            "WITH v AS (SELECT * FROM jsonb_to_recordset(CAST(:rows AS jsonb))"
                + " AS v(id text, due timestamptz, chk timestamptz, breached boolean)),"
                + " changed AS (UPDATE ticket t SET sla_due_at = v.due, sla_breached = v.breached"
                + " FROM v WHERE t.ticket_id = v.id AND (t.sla_due_at IS DISTINCT FROM v.due"
                + " OR t.sla_breached <> v.breached)),"
                + " done AS (DELETE FROM ticket_sla_check c USING v"
                + " WHERE c.ticket_id = v.id AND v.chk IS NULL)"
                + " INSERT INTO ticket_sla_check (ticket_id, check_at)"
                + " SELECT id, chk FROM v WHERE chk IS NOT NULL"
                + " ON CONFLICT (ticket_id) DO UPDATE SET check_at = EXCLUDED.check_at"
                + " WHERE ticket_sla_check.check_at <> EXCLUDED.check_at")
        .param("rows", FieldValuesJson.write(rows))
        .update();
  }

  /**
   * Has every active ticket checked again (after a restart: the policies may have changed). Only
   * the narrow queue table is written; the tickets themselves are not touched.
   */
  int recheckActive(Instant now) {
    return jdbc.sql(
            "INSERT INTO ticket_sla_check (ticket_id, check_at)"
                + " SELECT ticket_id, :now FROM ticket WHERE status NOT IN ('SOLVED', 'CLOSED')"
                + " ON CONFLICT (ticket_id) DO UPDATE SET check_at = EXCLUDED.check_at")
        .param("now", ts(now))
        .update();
  }
}
