package io.contactcenter.tickets.internal;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.tickets.CustomerTier;
import io.contactcenter.tickets.SourceKind;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketChannel;
import io.contactcenter.tickets.TicketPriority;
import io.contactcenter.tickets.TicketStatus;
import io.contactcenter.tickets.internal.domain.ListCursor;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ticket table and the sources that reached each ticket. */
class JdbcTickets {

  private static final String COLUMNS =
      "ticket_id, subject, subject_key, customer_phone, customer_ref, tier, channel, source_kind,"
          + " source_ref, category, priority, sla_priority, status, assignee, group_name, tags,"
          + " sla_due_at, created_at, updated_at, custom_fields, parent_id";

  /**
   * Most urgent first: priority, the earliest SLA deadline (none last), the oldest, then the id so
   * that the order is total (keyset paging needs that). The first two are generated columns (V102)
   * so that one index serves the order and the page key.
   */
  /** {@link #COLUMNS} of the ticket aliased {@code t} (in a join). */
  private static final String T_COLUMNS = "t." + COLUMNS.replace(", ", ", t.");

  private static final String ORDER =
      " ORDER BY priority_rank, sla_due_order, created_at, ticket_id";

  private final JdbcClient jdbc;

  JdbcTickets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Serializes opening for one key (a source, a customer) until the transaction ends. */
  void lock(String key) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", key).query().listOfRows();
  }

  void insert(TicketRow t) {
    jdbc.sql(
            "INSERT INTO ticket ("
                + COLUMNS
                + ") VALUES (:id, :subject, :key, :phone, :ref, :tier, :channel, :kind, :sref,"
                + " :category, :priority, :slaPriority, :status, :assignee, :grp,"
                + " string_to_array(:tags, '|'), :due, :created, :updated, CAST(:fields AS jsonb),"
                + " :parent)")
        .param("id", t.ticketId())
        .param("subject", t.subject())
        .param("key", t.subjectKey())
        .param("phone", t.customerPhone() == null ? null : t.customerPhone().e164())
        .param("ref", t.customerRef())
        .param("tier", t.tier().name())
        .param("channel", t.channel().name())
        .param("kind", t.sourceKind().name())
        .param("sref", t.sourceRef())
        .param("category", t.category().name())
        .param("priority", t.priority().name())
        .param("slaPriority", t.slaPriority().name())
        .param("status", t.status().name())
        .param("assignee", t.assignee())
        .param("grp", t.group())
        .param("tags", String.join("|", t.tags()))
        .param("due", ts(t.slaDueAt()))
        .param("created", ts(t.createdAt()))
        .param("updated", ts(t.updatedAt()))
        .param("fields", FieldValuesJson.write(t.fields()))
        .param("parent", t.parentId())
        .update();
  }

  /** Records that a source reached a ticket; false if that source is already recorded. */
  boolean addSource(SourceKind kind, String ref, String ticketId, Instant at) {
    return jdbc.sql(
                "INSERT INTO ticket_source (source_kind, source_ref, ticket_id, at)"
                    + " VALUES (:kind, :ref, :id, :at) ON CONFLICT DO NOTHING")
            .param("kind", kind.name())
            .param("ref", ref)
            .param("id", ticketId)
            .param("at", ts(at))
            .update()
        == 1;
  }

  Optional<String> ticketOfSource(SourceKind kind, String ref) {
    return jdbc.sql(
            "SELECT ticket_id FROM ticket_source WHERE source_kind = :kind AND source_ref = :ref")
        .param("kind", kind.name())
        .param("ref", ref)
        .query(String.class)
        .optional();
  }

  /** Every source of a ticket as {@code KIND:ref}, oldest first. */
  List<String> sources(String ticketId) {
    return jdbc.sql(
            "SELECT source_kind || ':' || source_ref FROM ticket_source WHERE ticket_id = :id"
                + " ORDER BY at, source_kind, source_ref")
        .param("id", ticketId)
        .query(String.class)
        .list();
  }

  /** An active ticket of this customer with this subject key opened at or after {@code since}. */
  Optional<TicketRow> findDuplicate(
      PhoneNumber phone, String customerRef, String subjectKey, Instant since) {
    String customer = phone != null ? "customer_phone = :customer" : "customer_ref = :customer";
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM ticket WHERE "
                + customer
                + " AND subject_key = :key AND created_at >= :since"
                + " AND status NOT IN ('SOLVED', 'CLOSED') ORDER BY created_at LIMIT 1")
        .param("customer", phone != null ? phone.e164() : customerRef)
        .param("key", subjectKey)
        .param("since", ts(since))
        .query(JdbcTickets::row)
        .optional();
  }

  Optional<TicketRow> find(String ticketId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE ticket_id = :id")
        .param("id", ticketId)
        .query(JdbcTickets::row)
        .optional();
  }

  /** The row, locked until the transaction ends. */
  Optional<TicketRow> lockRow(String ticketId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE ticket_id = :id FOR UPDATE")
        .param("id", ticketId)
        .query(JdbcTickets::row)
        .optional();
  }

  /** The row locked, or empty when another instance holds it (the sweep passes it over). */
  Optional<TicketRow> tryLock(String ticketId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM ticket WHERE ticket_id = :id FOR UPDATE SKIP LOCKED")
        .param("id", ticketId)
        .query(JdbcTickets::row)
        .optional();
  }

  List<TicketRow> assignedTo(String assignee, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM ticket WHERE assignee = :who AND status <> 'CLOSED'"
                + ORDER
                + " LIMIT :limit")
        .param("who", assignee)
        .param("limit", limit)
        .query(JdbcTickets::row)
        .list();
  }

  List<TicketRow> inGroup(String group, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM ticket WHERE group_name = :grp AND status NOT IN ('SOLVED', 'CLOSED')"
                + ORDER
                + " LIMIT :limit")
        .param("grp", group)
        .param("limit", limit)
        .query(JdbcTickets::row)
        .list();
  }

  /** The customer's tickets, newest first (index ticket_duplicate_phone leads with the number). */
  List<TicketRow> ofCustomer(PhoneNumber phone, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM ticket WHERE customer_phone = :phone ORDER BY created_at DESC LIMIT"
                + " :limit")
        .param("phone", phone.e164())
        .param("limit", limit)
        .query(JdbcTickets::row)
        .list();
  }

  void updateStatus(String ticketId, TicketStatus status, Instant at) {
    jdbc.sql("UPDATE ticket SET status = :status, updated_at = :at WHERE ticket_id = :id")
        .param("status", status.name())
        .param("at", ts(at))
        .param("id", ticketId)
        .update();
  }

  void updateAssignee(String ticketId, String assignee, Instant at) {
    jdbc.sql("UPDATE ticket SET assignee = :who, updated_at = :at WHERE ticket_id = :id")
        .param("who", assignee)
        .param("at", ts(at))
        .param("id", ticketId)
        .update();
  }

  void updatePriority(String ticketId, TicketPriority priority, Instant at) {
    jdbc.sql("UPDATE ticket SET priority = :p, updated_at = :at WHERE ticket_id = :id")
        .param("p", priority.name())
        .param("at", ts(at))
        .param("id", ticketId)
        .update();
  }

  void touch(String ticketId, Instant at) {
    jdbc.sql("UPDATE ticket SET updated_at = :at WHERE ticket_id = :id")
        .param("at", ts(at))
        .param("id", ticketId)
        .update();
  }

  void updateTags(String ticketId, List<String> tags, Instant at) {
    jdbc.sql(
            "UPDATE ticket SET tags = string_to_array(:tags, '|'), updated_at = :at"
                + " WHERE ticket_id = :id")
        .param("tags", String.join("|", tags)) // a tag is letters, digits, _ and -: never '|'
        .param("at", ts(at))
        .param("id", ticketId)
        .update();
  }

  void updateFields(String ticketId, Map<String, Object> values, Instant at) {
    jdbc.sql(
            "UPDATE ticket SET custom_fields = CAST(:fields AS jsonb), updated_at = :at"
                + " WHERE ticket_id = :id")
        .param("fields", FieldValuesJson.write(values))
        .param("at", ts(at))
        .param("id", ticketId)
        .update();
  }

  /** A ticket's children, oldest first. */
  List<TicketRow> children(String parentId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM ticket WHERE parent_id = :id ORDER BY created_at, ticket_id")
        .param("id", parentId)
        .query(JdbcTickets::row)
        .list();
  }

  /** The ids of a ticket's children still being worked (neither solved nor closed). */
  List<String> activeChildren(String parentId) {
    return jdbc.sql(
            "SELECT ticket_id FROM ticket WHERE parent_id = :id"
                + " AND status NOT IN ('SOLVED', 'CLOSED') ORDER BY created_at, ticket_id")
        .param("id", parentId)
        .query(String.class)
        .list();
  }

  /** Tickets matching a filter (see {@link TicketQuery}), most urgent first. */
  List<TicketRow> search(TicketQuery query, int limit) {
    Map<String, Object> params = new HashMap<>(query.params());
    params.put("limit", limit);
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM ticket WHERE " + query.where() + ORDER + " LIMIT :limit")
        .params(params)
        .query(JdbcTickets::row)
        .list();
  }

  /**
   * Up to {@code limit} tickets matching a filter after {@code after} in the list order (from the
   * start when null), most urgent first.
   */
  List<TicketRow> page(TicketQuery query, ListCursor after, int limit) {
    Map<String, Object> params = new HashMap<>(query.params());
    params.put("limit", limit);
    String where = query.where();
    if (after != null) {
      // A row comparison the index ticket_list_order (and its assignee and group twins) serves.
      where +=
          " AND (priority_rank, sla_due_order, created_at, ticket_id) > (:kRank, "
              + (after.dueAt() == null ? "CAST('infinity' AS timestamptz)" : ":kDue")
              + ", :kCreated, :kId)";
      params.put("kRank", after.rank());
      if (after.dueAt() != null) {
        params.put("kDue", ts(after.dueAt()));
      }
      params.put("kCreated", ts(after.createdAt()));
      params.put("kId", after.ticketId());
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM ticket WHERE " + where + ORDER + " LIMIT :limit")
        .params(params)
        .query(JdbcTickets::row)
        .list();
  }

  long count(TicketQuery query) {
    return jdbc.sql("SELECT count(*) FROM ticket WHERE " + query.where())
        .params(query.params())
        .query(Long.class)
        .single();
  }

  /**
   * How many tickets match, counting no further than {@code limit + 1}: a result above {@code
   * limit} means "more than {@code limit}". Counting every match of a broad filter over a million
   * tickets reads them all; this stops early.
   */
  long countUpTo(TicketQuery query, long limit) {
    Map<String, Object> params = new HashMap<>(query.params());
    params.put("countLimit", limit + 1);
    return jdbc.sql(
            "SELECT count(*) FROM (SELECT 1 FROM ticket WHERE "
                + query.where()
                + " LIMIT :countLimit) AS matching")
        .params(params)
        .query(Long.class)
        .single();
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

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static TicketRow row(ResultSet rs, int n) throws SQLException {
    String phone = rs.getString("customer_phone");
    Array tags = rs.getArray("tags");
    return new TicketRow(
        rs.getString("ticket_id"),
        rs.getString("subject"),
        rs.getString("subject_key"),
        phone == null ? null : PhoneNumber.parse(phone),
        rs.getString("customer_ref"),
        CustomerTier.valueOf(rs.getString("tier")),
        TicketChannel.valueOf(rs.getString("channel")),
        SourceKind.valueOf(rs.getString("source_kind")),
        rs.getString("source_ref"),
        TicketCategory.valueOf(rs.getString("category")),
        TicketPriority.valueOf(rs.getString("priority")),
        TicketPriority.valueOf(rs.getString("sla_priority")),
        TicketStatus.valueOf(rs.getString("status")),
        rs.getString("assignee"),
        rs.getString("group_name"),
        tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
        instant(rs, "sla_due_at"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        rs.getString("parent_id"),
        FieldValuesJson.read(rs.getString("custom_fields")));
  }
}
