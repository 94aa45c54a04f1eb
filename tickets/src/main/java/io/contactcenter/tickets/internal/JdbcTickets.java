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

/**
 * The ticket table and the sources that reached each ticket; the SLA sweep's queue and columns are
 * {@link JdbcSlaChecks}.
 */
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
  static final String T_COLUMNS = "t." + COLUMNS.replace(", ", ", t.");

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

  /**
   * @param openingText the text the ticket was opened with (its description, else its subject), as
   *     its OPENED history entry says: searched with the subject (V144)
   */
  void insert(TicketRow t, String openingText) {
    jdbc.sql(
            "INSERT INTO ticket ("
                + COLUMNS
                + ", opening_text) VALUES (:id, :subject, :key, :phone, :ref, :tier, :channel,"
                + " :kind, :sref, :category, :priority, :slaPriority, :status, :assignee, :grp,"
                + " string_to_array(:tags, '|'), :due, :created, :updated, CAST(:fields AS jsonb),"
                + " :parent, :opening)")
        .param("id", t.ticketId())
        .param("opening", openingText)
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

  /**
   * About how many tickets have the one or two CJK characters {@code gram} in their subject or
   * opening text, from PostgreSQL's statistics of the gram indexes (V130, V144): ANALYZE keeps the
   * most common grams of each with their share of rows, so the answer costs no index scan (asking
   * the indexes themselves, `LIMIT`ed, built a bitmap of every match: ~30 ms for a word in 30 % of
   * a million tickets). 0 for a gram the statistics do not list as common, or before the table was
   * first analyzed.
   */
  long estimatedGramMatches(String gram) {
    return jdbc.sql(
            "SELECT CAST(GREATEST(0, coalesce(sum(f.share), 0) * (SELECT reltuples FROM pg_class"
                + " WHERE oid = CAST('ticket' AS regclass))) AS bigint)"
                + " FROM pg_stats s, unnest(CAST(CAST(s.most_common_elems AS text) AS text[]),"
                + " s.most_common_elem_freqs) AS f(gram, share)"
                + " WHERE s.schemaname = current_schema()"
                + " AND s.tablename IN ('ticket_subject_cjk', 'ticket_opening_cjk')"
                + " AND f.gram = :gram")
        .param("gram", gram)
        .query(Long.class)
        .single();
  }

  /**
   * Until the transaction ends, statements are planned for the values they are given, never with a
   * generic plan (see {@link TicketListing}); outside a transaction it has no effect.
   */
  void planForTheseValues() {
    jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
  }

  static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static TicketRow row(ResultSet rs, int n) throws SQLException {
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
