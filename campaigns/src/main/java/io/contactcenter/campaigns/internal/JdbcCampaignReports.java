package io.contactcenter.campaigns.internal;

import io.contactcenter.campaigns.Campaign;
import io.contactcenter.campaigns.CampaignAttempt;
import io.contactcenter.campaigns.CampaignProgress;
import io.contactcenter.common.PhoneNumber;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What ops read about a campaign: the funnel and the attempts, across contacts and attempts. */
final class JdbcCampaignReports {

  private final JdbcClient jdbc;

  JdbcCampaignReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
                    SqlValues.instant(rs.getTimestamp(9)),
                    SqlValues.instant(rs.getTimestamp(10)),
                    SqlValues.instant(rs.getTimestamp(11))))
        .list();
  }

  /** An attempt as exported: with its number in full and its contact's order and amount. */
  record ExportRow(
      CampaignAttempt attempt, String fullPhone, String orderNumber, String amountDue) {}

  /** Every attempt of the campaign, oldest first, as the export writes them. */
  List<ExportRow> export(String campaignId) {
    return jdbc.sql(
            "SELECT a.attempt_id, a.contact_id, a.phone, c.name, a.attempt_no, a.state,"
                + " a.dial_outcome, a.outcome, a.callback_at, a.created_at, a.finished_at,"
                + " c.variables ->> 'order_number', c.variables ->> 'amount_due'"
                + " FROM campaign_attempt a JOIN campaign_contact c USING (contact_id)"
                + " WHERE a.campaign_id = ? ORDER BY a.created_at, a.attempt_id")
        .param(campaignId)
        .query(
            (rs, n) ->
                new ExportRow(
                    new CampaignAttempt(
                        rs.getString(1),
                        rs.getLong(2),
                        PhoneNumber.parse(rs.getString(3)).masked(),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        SqlValues.instant(rs.getTimestamp(9)),
                        SqlValues.instant(rs.getTimestamp(10)),
                        SqlValues.instant(rs.getTimestamp(11))),
                    rs.getString(3),
                    rs.getString(12),
                    rs.getString(13)))
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
    long[] waiting = new long[2];
    jdbc.sql(
            "SELECT count(*) FILTER (WHERE next_dial_at <= now()),"
                + " count(*) FILTER (WHERE next_dial_at > now() AND attempts > 0)"
                + " FROM campaign_contact WHERE campaign_id = ? AND state = 'PENDING'")
        .param(id)
        .query(
            rs -> {
              waiting[0] = rs.getLong(1);
              waiting[1] = rs.getLong(2);
            });
    Instant[] nextAt = new Instant[1];
    String[] nextZone = new String[1];
    jdbc.sql(
            "SELECT next_dial_at, zone FROM campaign_contact WHERE campaign_id = ?"
                + " AND state = 'PENDING' AND next_dial_at > now() ORDER BY next_dial_at LIMIT 1")
        .param(id)
        .query(
            rs -> {
              nextAt[0] = SqlValues.instant(rs.getTimestamp(1));
              nextZone[0] = rs.getString(2);
            });
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
            .single(),
        waiting[0],
        waiting[1],
        nextAt[0],
        nextZone[0]);
  }
}
