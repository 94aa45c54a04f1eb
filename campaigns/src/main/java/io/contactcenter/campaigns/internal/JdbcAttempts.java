package io.contactcenter.campaigns.internal;

import io.contactcenter.common.PhoneNumber;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Campaign attempts (table {@code campaign_attempt}): recorded before dialing, closed once when
 * settled.
 */
final class JdbcAttempts {

  /** An attempt not yet applied to its contact. */
  record OpenAttempt(
      String attemptId, String campaignId, long contactId, int attemptNo, Instant createdAt) {}

  private final JdbcClient jdbc;

  JdbcAttempts(JdbcClient jdbc) {
    this.jdbc = jdbc;
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

  /**
   * Records the contact's next attempt before it is dialed (mark the contact calling in the same
   * transaction). The unique (contact, attempt number) key makes a second claim of the same attempt
   * fail.
   */
  void insertAttempt(
      String attemptId, JdbcContacts.DueContact contact, int attemptNo, String node, Instant now) {
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
        .params(
            dialOutcome, outcome, SqlValues.timestamp(callbackAt), Timestamp.from(at), attemptId)
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
}
