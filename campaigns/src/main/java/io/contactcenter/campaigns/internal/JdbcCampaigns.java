package io.contactcenter.campaigns.internal;

import io.contactcenter.campaigns.Campaign;
import io.contactcenter.campaigns.CampaignList;
import io.contactcenter.campaigns.CampaignQuery;
import io.contactcenter.campaigns.CampaignState;
import io.contactcenter.common.CampaignType;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Campaigns (table {@code campaign}): settings, script pin and state. */
final class JdbcCampaigns {

  private final JdbcClient jdbc;
  private final JsonVariables variables;

  JdbcCampaigns(JdbcClient jdbc, JsonVariables variables) {
    this.jdbc = jdbc;
    this.variables = variables;
  }

  void insert(Campaign c) {
    jdbc.sql(
            "INSERT INTO campaign (campaign_id, name, type, script_id, script_version, language,"
                + " state, call_window, holidays, max_concurrent, max_per_second, max_attempts,"
                + " starts_at, variables, created_by, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " CAST(? AS DATE[]), ?, ?, ?, ?, CAST(? AS JSONB), ?, ?)")
        .params(
            c.campaignId(),
            c.name(),
            c.type().code(),
            c.scriptId(),
            c.scriptVersion(),
            c.language(),
            c.state().name(),
            c.callWindow(),
            SqlValues.dateArray(c.holidays()),
            c.maxConcurrent(),
            c.maxPerSecond(),
            c.maxAttempts(),
            SqlValues.timestamp(c.startsAt()),
            variables.toJson(c.variables()),
            c.createdBy(),
            c.currency())
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

  /** A page of matching campaigns, newest first and by id, and how many match in all. */
  CampaignList search(CampaignQuery query) {
    StringBuilder where = new StringBuilder(" WHERE TRUE");
    List<Object> params = new ArrayList<>();
    if (query.name() != null) {
      where.append(" AND name ILIKE ? ESCAPE '\\'");
      params.add("%" + SqlValues.likeEscaped(query.name()) + "%");
    }
    if (query.state() != null) {
      where.append(" AND state = ?");
      params.add(query.state().name());
    }
    if (query.type() != null) {
      where.append(" AND type = ?");
      params.add(query.type().code());
    }
    long total =
        jdbc.sql("SELECT count(*) FROM campaign" + where).params(params).query(Long.class).single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(query.size());
    pageParams.add((long) query.page() * query.size());
    List<Campaign> page =
        jdbc.sql(CAMPAIGN + where + " ORDER BY created_at DESC, campaign_id DESC LIMIT ? OFFSET ?")
            .params(pageParams)
            .query(this::campaign)
            .list();
    return new CampaignList(page, total);
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
            SqlValues.dateArray(c.holidays()),
            c.maxConcurrent(),
            c.maxPerSecond(),
            c.maxAttempts(),
            SqlValues.timestamp(c.startsAt()),
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
          + " variables::text AS variables, created_by, created_at, currency FROM campaign";

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
        SqlValues.instant(rs.getTimestamp("starts_at")),
        variables.fromJson(rs.getString("variables")),
        rs.getString("created_by"),
        SqlValues.instant(rs.getTimestamp("created_at")),
        rs.getString("currency"));
  }
}
