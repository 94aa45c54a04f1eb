package io.contactcenter.campaigns.internal;

import io.contactcenter.campaigns.CalledContact;
import io.contactcenter.common.PhoneNumber;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Campaign contacts (table {@code campaign_contact}). Row locks ({@code FOR UPDATE SKIP LOCKED})
 * let several instances claim due contacts without ever sharing one.
 */
final class JdbcContacts {

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

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final JsonVariables variables;

  JdbcContacts(JdbcClient jdbc, JdbcTemplate batch, JsonVariables variables) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.variables = variables;
  }

  /** The contact a campaign attempt called; empty for an attempt of no campaign. */
  Optional<CalledContact> calledBy(String attemptId) {
    return jdbc.sql(
            "SELECT c.campaign_id, c.phone, c.name, c.order_id, c.variables::text"
                + " FROM campaign_attempt a JOIN campaign_contact c ON c.contact_id = a.contact_id"
                + " WHERE a.attempt_id = ?")
        .param(attemptId)
        .query(
            (rs, n) -> {
              String orderId = rs.getString(4);
              return new CalledContact(
                  rs.getString(1),
                  PhoneNumber.parse(rs.getString(2)),
                  rs.getString(3),
                  orderId != null
                      ? orderId
                      : variables.fromJson(rs.getString(5)).get("order_number"));
            })
        .optional();
  }

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
                variables.toJson(contact.variables()),
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
                          variables.toJson(c.variables()),
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
                    variables.fromJson(rs.getString(5)),
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
                    variables.fromJson(rs.getString(5)),
                    rs.getInt(6)))
        .optional();
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
        .params(state, SqlValues.timestamp(nextDialAt), callback ? 1 : 0, lastOutcome, contactId)
        .update();
  }

  /** Marks a claimed contact as being called, with the number of its new attempt. */
  void calling(long contactId, int attemptNo) {
    jdbc.sql("UPDATE campaign_contact SET state = 'CALLING', attempts = ? WHERE contact_id = ?")
        .params(attemptNo, contactId)
        .update();
  }
}
