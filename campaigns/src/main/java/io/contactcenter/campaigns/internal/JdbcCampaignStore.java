package io.contactcenter.campaigns.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.campaigns.Campaign;
import io.contactcenter.campaigns.CampaignAttempt;
import io.contactcenter.campaigns.CampaignProgress;
import io.contactcenter.campaigns.CampaignState;
import io.contactcenter.campaigns.CampaignType;
import io.contactcenter.campaigns.ContactImport;
import io.contactcenter.common.PhoneNumber;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Campaigns, contacts, attempts, imports, the do-not-call list and consents in PostgreSQL (tables
 * of V4__campaigns.sql). Row locks ({@code FOR UPDATE SKIP LOCKED}) let several instances claim due
 * contacts without ever sharing one.
 */
final class JdbcCampaignStore {

  /** A contact claimed for dialing, with what the robot and the policies need. */
  record DueContact(
      long contactId,
      String campaignId,
      PhoneNumber phone,
      ZoneId zone,
      Map<String, String> variables,
      int attempts) {}

  /** A contact to add from an import or an order event. */
  record NewContact(
      PhoneNumber phone,
      String name,
      ZoneId zone,
      Map<String, String> variables,
      String dedupeKey,
      String orderId,
      String source) {}

  /** An attempt not yet applied to its contact. */
  record OpenAttempt(
      String attemptId, String campaignId, long contactId, int attemptNo, Instant createdAt) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final ObjectMapper json;

  JdbcCampaignStore(JdbcClient jdbc, JdbcTemplate batch, ObjectMapper json) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.json = json;
  }

  // ---------------------------------------------------------------------------------- campaigns

  void insert(Campaign c) {
    jdbc.sql(
            "INSERT INTO campaign (campaign_id, name, type, script_id, script_version, language,"
                + " state, call_window, holidays, max_concurrent, max_per_second, max_attempts,"
                + " starts_at, variables, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " CAST(? AS DATE[]), ?, ?, ?, ?, CAST(? AS JSONB), ?)")
        .params(
            c.campaignId(),
            c.name(),
            c.type().code(),
            c.scriptId(),
            c.scriptVersion(),
            c.language(),
            c.state().name(),
            c.callWindow(),
            dateArray(c.holidays()),
            c.maxConcurrent(),
            c.maxPerSecond(),
            c.maxAttempts(),
            timestamp(c.startsAt()),
            toJson(c.variables()),
            c.createdBy())
        .update();
  }

  Optional<Campaign> find(String campaignId) {
    return jdbc.sql(CAMPAIGN + " WHERE campaign_id = ?")
        .param(campaignId)
        .query(this::campaign)
        .optional();
  }

  /** Locks the campaign row for a state change. */
  Optional<Campaign> lock(String campaignId) {
    return jdbc.sql(CAMPAIGN + " WHERE campaign_id = ? FOR UPDATE")
        .param(campaignId)
        .query(this::campaign)
        .optional();
  }

  List<Campaign> list() {
    return jdbc.sql(CAMPAIGN + " ORDER BY created_at DESC").query(this::campaign).list();
  }

  List<Campaign> inState(CampaignState state) {
    return jdbc.sql(CAMPAIGN + " WHERE state = ? ORDER BY created_at")
        .param(state.name())
        .query(this::campaign)
        .list();
  }

  void update(Campaign c) {
    jdbc.sql(
            "UPDATE campaign SET call_window = ?, holidays = CAST(? AS DATE[]), max_concurrent = ?,"
                + " max_per_second = ?, max_attempts = ?, starts_at = ?, script_version = ?,"
                + " updated_at = now() WHERE campaign_id = ?")
        .params(
            c.callWindow(),
            dateArray(c.holidays()),
            c.maxConcurrent(),
            c.maxPerSecond(),
            c.maxAttempts(),
            timestamp(c.startsAt()),
            c.scriptVersion(),
            c.campaignId())
        .update();
  }

  void state(String campaignId, CampaignState state) {
    jdbc.sql("UPDATE campaign SET state = ?, updated_at = now() WHERE campaign_id = ?")
        .params(state.name(), campaignId)
        .update();
  }

  private static final String CAMPAIGN =
      "SELECT campaign_id, name, type, script_id, script_version, language, state, call_window,"
          + " holidays, max_concurrent, max_per_second, max_attempts, starts_at,"
          + " variables::text AS variables, created_by, created_at FROM campaign";

  private Campaign campaign(ResultSet rs, int row) throws SQLException {
    List<LocalDate> holidays = new ArrayList<>();
    Array array = rs.getArray("holidays");
    if (array != null) {
      for (Object day : (Object[]) array.getArray()) {
        holidays.add(((Date) day).toLocalDate());
      }
    }
    return new Campaign(
        rs.getString("campaign_id"),
        rs.getString("name"),
        CampaignType.fromCode(rs.getString("type")),
        rs.getString("script_id"),
        rs.getInt("script_version"),
        rs.getString("language"),
        CampaignState.valueOf(rs.getString("state")),
        rs.getString("call_window"),
        List.copyOf(holidays),
        rs.getInt("max_concurrent"),
        rs.getDouble("max_per_second"),
        rs.getInt("max_attempts"),
        instant(rs.getTimestamp("starts_at")),
        fromJson(rs.getString("variables")),
        rs.getString("created_by"),
        instant(rs.getTimestamp("created_at")));
  }

  // ----------------------------------------------------------------------------------- contacts

  /** Adds a contact unless the campaign has its dedupe key already; {@code true} if added. */
  boolean addContact(String campaignId, NewContact contact) {
    return jdbc.sql(
                "INSERT INTO campaign_contact (campaign_id, phone, name, zone, variables,"
                    + " dedupe_key, order_id, source, state) VALUES (?, ?, ?, ?, CAST(? AS JSONB),"
                    + " ?, ?, ?, 'PENDING') ON CONFLICT (campaign_id, dedupe_key) DO NOTHING")
            .params(
                campaignId,
                contact.phone().e164(),
                contact.name(),
                contact.zone().getId(),
                toJson(contact.variables()),
                contact.dedupeKey(),
                contact.orderId(),
                contact.source())
            .update()
        == 1;
  }

  /**
   * Adds contacts in one JDBC batch, skipping those whose dedupe key the campaign has; returns how
   * many were added.
   */
  int addContacts(String campaignId, List<NewContact> contacts) {
    int[] counts =
        batch.batchUpdate(
            "INSERT INTO campaign_contact (campaign_id, phone, name, zone, variables, dedupe_key,"
                + " order_id, source, state) VALUES (?, ?, ?, ?, CAST(? AS JSONB), ?, ?, ?,"
                + " 'PENDING') ON CONFLICT (campaign_id, dedupe_key) DO NOTHING",
            contacts.stream()
                .map(
                    c ->
                        new Object[] {
                          campaignId,
                          c.phone().e164(),
                          c.name(),
                          c.zone().getId(),
                          toJson(c.variables()),
                          c.dedupeKey(),
                          c.orderId(),
                          c.source()
                        })
                .toList());
    int added = 0;
    for (int n : counts) {
      // The driver may answer SUCCESS_NO_INFO (-2) for a batched statement that did insert.
      added += n == java.sql.Statement.SUCCESS_NO_INFO ? 1 : n;
    }
    return added;
  }

  long countContacts(String campaignId, String state) {
    return jdbc.sql("SELECT count(*) FROM campaign_contact WHERE campaign_id = ? AND state = ?")
        .params(campaignId, state)
        .query(Long.class)
        .single();
  }

  /**
   * Locks up to {@code limit} contacts due now, skipping rows another instance holds and numbers on
   * the do-not-call list. Call inside a transaction.
   */
  List<DueContact> lockDue(String campaignId, Instant now, int limit) {
    return jdbc.sql(
            "SELECT c.contact_id, c.campaign_id, c.phone, c.zone, c.variables::text, c.attempts"
                + " FROM campaign_contact c WHERE c.campaign_id = ? AND c.state = 'PENDING'"
                + " AND c.next_dial_at <= ? ORDER BY c.next_dial_at, c.contact_id LIMIT ?"
                + " FOR UPDATE OF c SKIP LOCKED")
        .params(campaignId, Timestamp.from(now), limit)
        .query(
            (rs, n) ->
                new DueContact(
                    rs.getLong(1),
                    rs.getString(2),
                    PhoneNumber.parse(rs.getString(3)),
                    ZoneId.of(rs.getString(4)),
                    fromJson(rs.getString(5)),
                    rs.getInt(6)))
        .list();
  }

  Optional<DueContact> contact(long contactId) {
    return jdbc.sql(
            "SELECT contact_id, campaign_id, phone, zone, variables::text, attempts"
                + " FROM campaign_contact WHERE contact_id = ?")
        .param(contactId)
        .query(
            (rs, n) ->
                new DueContact(
                    rs.getLong(1),
                    rs.getString(2),
                    PhoneNumber.parse(rs.getString(3)),
                    ZoneId.of(rs.getString(4)),
                    fromJson(rs.getString(5)),
                    rs.getInt(6)))
        .optional();
  }

  /** The contact's attempts that reached the network (not those Asterisk never received). */
  int dialedAttempts(long contactId) {
    return jdbc.sql(
            "SELECT count(*) FROM campaign_attempt WHERE contact_id = ?"
                + " AND coalesce(dial_outcome, '') <> 'NOT_DIALED'")
        .param(contactId)
        .query(Integer.class)
        .single();
  }

  int callbacks(long contactId) {
    return jdbc.sql("SELECT callbacks FROM campaign_contact WHERE contact_id = ?")
        .param(contactId)
        .query(Integer.class)
        .single();
  }

  void postpone(long contactId, Instant nextDialAt) {
    jdbc.sql("UPDATE campaign_contact SET next_dial_at = ? WHERE contact_id = ?")
        .params(Timestamp.from(nextDialAt), contactId)
        .update();
  }

  void cancelContact(long contactId, String reason) {
    jdbc.sql(
            "UPDATE campaign_contact SET state = 'CANCELLED', cancel_reason = ?"
                + " WHERE contact_id = ? AND state IN ('PENDING', 'CALLING')")
        .params(reason, contactId)
        .update();
  }

  /** Cancels every pending contact with this number, in every campaign. */
  int cancelPendingForPhone(PhoneNumber phone, String reason) {
    return jdbc.sql(
            "UPDATE campaign_contact SET state = 'CANCELLED', cancel_reason = ?"
                + " WHERE phone = ? AND state = 'PENDING'")
        .params(reason, phone.e164())
        .update();
  }

  /** Cancels the pending reminders of an order (paid, delivered), in every campaign. */
  int cancelPendingForOrder(String orderId, String reason) {
    return jdbc.sql(
            "UPDATE campaign_contact SET state = 'CANCELLED', cancel_reason = ?"
                + " WHERE order_id = ? AND state = 'PENDING'")
        .params(reason, orderId)
        .update();
  }

  int cancelPendingForCampaign(String campaignId, String reason) {
    return jdbc.sql(
            "UPDATE campaign_contact SET state = 'CANCELLED', cancel_reason = ?"
                + " WHERE campaign_id = ? AND state = 'PENDING'")
        .params(reason, campaignId)
        .update();
  }

  void contactAfterAttempt(
      long contactId, String state, Instant nextDialAt, boolean callback, String lastOutcome) {
    jdbc.sql(
            "UPDATE campaign_contact SET state = CASE WHEN state = 'CALLING' THEN ? ELSE state END,"
                + " next_dial_at = coalesce(?, next_dial_at),"
                + " callbacks = callbacks + ?, last_outcome = ? WHERE contact_id = ?")
        .params(state, timestamp(nextDialAt), callback ? 1 : 0, lastOutcome, contactId)
        .update();
  }

  // ----------------------------------------------------------------------------------- attempts

  /**
   * Records the contact's next attempt before it is dialed and marks the contact as calling. The
   * unique (contact, attempt number) key makes a second claim of the same attempt fail.
   */
  void insertAttempt(
      String attemptId, DueContact contact, int attemptNo, String node, Instant now) {
    jdbc.sql(
            "INSERT INTO campaign_attempt (attempt_id, campaign_id, contact_id, attempt_no, phone,"
                + " state, claimed_by, created_at) VALUES (?, ?, ?, ?, ?, 'DIALING', ?, ?)")
        .params(
            attemptId,
            contact.campaignId(),
            contact.contactId(),
            attemptNo,
            contact.phone().e164(),
            node,
            Timestamp.from(now))
        .update();
    jdbc.sql("UPDATE campaign_contact SET state = 'CALLING', attempts = ? WHERE contact_id = ?")
        .params(attemptNo, contact.contactId())
        .update();
  }

  List<OpenAttempt> openAttempts(int limit) {
    return jdbc.sql(
            "SELECT attempt_id, campaign_id, contact_id, attempt_no, created_at"
                + " FROM campaign_attempt WHERE state = 'DIALING' ORDER BY created_at LIMIT ?")
        .param(limit)
        .query(
            (rs, n) ->
                new OpenAttempt(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getInt(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  /** Locks an open attempt for settling; empty when it is settled already or unknown. */
  Optional<OpenAttempt> lockOpenAttempt(String attemptId) {
    return jdbc.sql(
            "SELECT attempt_id, campaign_id, contact_id, attempt_no, created_at"
                + " FROM campaign_attempt WHERE attempt_id = ? AND state = 'DIALING' FOR UPDATE")
        .param(attemptId)
        .query(
            (rs, n) ->
                new OpenAttempt(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getInt(4),
                    rs.getTimestamp(5).toInstant()))
        .optional();
  }

  void finishAttempt(
      String attemptId, String dialOutcome, String outcome, Instant callbackAt, Instant at) {
    jdbc.sql(
            "UPDATE campaign_attempt SET state = 'FINISHED', dial_outcome = ?, outcome = ?,"
                + " callback_at = ?, finished_at = ? WHERE attempt_id = ?")
        .params(dialOutcome, outcome, timestamp(callbackAt), Timestamp.from(at), attemptId)
        .update();
  }

  void answered(String attemptId, Instant at) {
    jdbc.sql(
            "UPDATE campaign_attempt SET answered_at = coalesce(answered_at, ?)"
                + " WHERE attempt_id = ?")
        .params(Timestamp.from(at), attemptId)
        .update();
  }

  /** When this number was called (attempts started) since {@code since}, by any campaign. */
  List<Instant> callsTo(PhoneNumber phone, Instant since) {
    return jdbc.sql(
            "SELECT created_at FROM campaign_attempt WHERE phone = ? AND created_at >= ?"
                + " ORDER BY created_at")
        .params(phone.e164(), Timestamp.from(since))
        .query((rs, n) -> rs.getTimestamp(1).toInstant())
        .list();
  }

  List<CampaignAttempt> attempts(String campaignId, String outcome, String dialOutcome, int limit) {
    return jdbc.sql(
            "SELECT a.attempt_id, a.contact_id, a.phone, c.name, a.attempt_no, a.state,"
                + " a.dial_outcome, a.outcome, a.callback_at, a.created_at, a.finished_at"
                + " FROM campaign_attempt a JOIN campaign_contact c USING (contact_id)"
                + " WHERE a.campaign_id = ? AND (CAST(? AS TEXT) IS NULL OR a.outcome = ?)"
                + " AND (CAST(? AS TEXT) IS NULL OR a.dial_outcome = ?)"
                + " ORDER BY a.created_at DESC, a.attempt_id LIMIT ?")
        .params(campaignId, outcome, outcome, dialOutcome, dialOutcome, limit)
        .query(
            (rs, n) ->
                new CampaignAttempt(
                    rs.getString(1),
                    rs.getLong(2),
                    PhoneNumber.parse(rs.getString(3)).masked(),
                    rs.getString(4),
                    rs.getInt(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    instant(rs.getTimestamp(9)),
                    instant(rs.getTimestamp(10)),
                    instant(rs.getTimestamp(11))))
        .list();
  }

  CampaignProgress progress(Campaign campaign) {
    String id = campaign.campaignId();
    Map<String, Long> contacts = new LinkedHashMap<>();
    jdbc.sql("SELECT state, count(*) FROM campaign_contact WHERE campaign_id = ? GROUP BY state")
        .param(id)
        .query(
            rs -> {
              contacts.put(rs.getString(1), rs.getLong(2));
            });
    Map<String, Long> byOutcome = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT lower(outcome), count(*) FROM campaign_attempt WHERE campaign_id = ?"
                + " AND state = 'FINISHED' AND outcome IS NOT NULL GROUP BY 1 ORDER BY 2 DESC")
        .param(id)
        .query(
            rs -> {
              byOutcome.put(rs.getString(1), rs.getLong(2));
            });
    Map<String, Long> byDial = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT dial_outcome, count(*) FROM campaign_attempt WHERE campaign_id = ?"
                + " AND state = 'FINISHED' AND dial_outcome IS NOT NULL GROUP BY 1 ORDER BY 2 DESC")
        .param(id)
        .query(
            rs -> {
              byDial.put(rs.getString(1), rs.getLong(2));
            });
    long attempts =
        jdbc.sql("SELECT count(*) FROM campaign_attempt WHERE campaign_id = ?")
            .param(id)
            .query(Long.class)
            .single();
    long talking =
        jdbc.sql(
                "SELECT count(*) FROM campaign_attempt WHERE campaign_id = ?"
                    + " AND state = 'DIALING' AND answered_at IS NOT NULL")
            .param(id)
            .query(Long.class)
            .single();
    long total = contacts.values().stream().mapToLong(Long::longValue).sum();
    return new CampaignProgress(
        id,
        campaign.state(),
        total,
        contacts.getOrDefault("PENDING", 0L),
        contacts.getOrDefault("CALLING", 0L),
        talking,
        contacts.getOrDefault("DONE", 0L),
        contacts.getOrDefault("CANCELLED", 0L),
        attempts,
        byDial.getOrDefault("ANSWERED", 0L),
        byOutcome,
        byDial,
        jdbc.sql(
                "SELECT count(*) FROM campaign_contact WHERE campaign_id = ?"
                    + " AND source LIKE 'kafka:%'")
            .param(id)
            .query(Long.class)
            .single());
  }

  // ------------------------------------------------------------------------------------ imports

  void startImport(String importId, String campaignId, String fileName, String user) {
    jdbc.sql(
            "INSERT INTO campaign_import (import_id, campaign_id, file_name, created_by)"
                + " VALUES (?, ?, ?, ?)")
        .params(importId, campaignId, fileName, user)
        .update();
  }

  void importProgress(String importId, int rows, int added, int duplicates, int rejected) {
    jdbc.sql(
            "UPDATE campaign_import SET rows_read = ?, added = ?, duplicates = ?, rejected = ?"
                + " WHERE import_id = ?")
        .params(rows, added, duplicates, rejected, importId)
        .update();
  }

  void finishImport(ContactImport report) {
    jdbc.sql(
            "UPDATE campaign_import SET charset = ?, rows_read = ?, added = ?, duplicates = ?,"
                + " rejected = ?, error = ? WHERE import_id = ?")
        .params(
            report.charset(),
            report.rows(),
            report.added(),
            report.duplicates(),
            report.rejected(),
            report.error(),
            report.importId())
        .update();
    for (ContactImport.RowError error : report.errors()) {
      jdbc.sql(
              "INSERT INTO campaign_import_error (import_id, row_number, reason) VALUES (?, ?, ?)"
                  + " ON CONFLICT DO NOTHING")
          .params(report.importId(), error.row(), error.reason())
          .update();
    }
  }

  List<ContactImport> imports(String campaignId) {
    return jdbc.sql(
            "SELECT import_id, campaign_id, file_name, charset, rows_read, added, duplicates,"
                + " rejected, error, created_at FROM campaign_import WHERE campaign_id = ?"
                + " ORDER BY created_at DESC")
        .param(campaignId)
        .query(
            (rs, n) ->
                new ContactImport(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5),
                    rs.getInt(6),
                    rs.getInt(7),
                    rs.getInt(8),
                    importErrors(rs.getString(1)),
                    rs.getString(9),
                    instant(rs.getTimestamp(10))))
        .list();
  }

  private List<ContactImport.RowError> importErrors(String importId) {
    return jdbc.sql(
            "SELECT row_number, reason FROM campaign_import_error WHERE import_id = ?"
                + " ORDER BY row_number LIMIT 1000")
        .param(importId)
        .query((rs, n) -> new ContactImport.RowError(rs.getInt(1), rs.getString(2)))
        .list();
  }

  // ------------------------------------------------------------------- do-not-call and consent

  boolean addDoNotCall(PhoneNumber phone, String source) {
    return jdbc.sql("INSERT INTO do_not_call (phone, source) VALUES (?, ?) ON CONFLICT DO NOTHING")
            .params(phone.e164(), source)
            .update()
        == 1;
  }

  boolean onDoNotCall(PhoneNumber phone) {
    return jdbc.sql("SELECT count(*) FROM do_not_call WHERE phone = ?")
            .param(phone.e164())
            .query(Long.class)
            .single()
        > 0;
  }

  void addConsent(PhoneNumber phone, String source) {
    jdbc.sql("INSERT INTO call_consent (phone, source) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .params(phone.e164(), source)
        .update();
  }

  boolean hasConsent(PhoneNumber phone) {
    return jdbc.sql("SELECT count(*) FROM call_consent WHERE phone = ?")
            .param(phone.e164())
            .query(Long.class)
            .single()
        > 0;
  }

  // ------------------------------------------------------------------------------------ helpers

  private static Timestamp timestamp(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }

  private static String dateArray(List<LocalDate> days) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < days.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(days.get(i));
    }
    return sb.append('}').toString();
  }

  private String toJson(Map<String, String> values) {
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("variables cannot be stored: " + e.getOriginalMessage());
    }
  }

  private Map<String, String> fromJson(String text) {
    try {
      return json.readValue(text, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored variables are not a JSON object", e);
    }
  }
}
