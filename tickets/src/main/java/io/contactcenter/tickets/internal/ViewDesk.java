package io.contactcenter.tickets.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.contactcenter.tickets.SavedView;
import io.contactcenter.tickets.TicketFilter;
import io.contactcenter.tickets.TicketViews;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Saved views in table {@code ticket_view}; the filter is stored as JSON. */
class ViewDesk implements TicketViews {

  /** How many views one user may keep. */
  static final int MAX_PER_OWNER = 50;

  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  private static final String COLUMNS =
      "view_id, owner, name, shared, filter::text AS filter, updated_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  ViewDesk(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public List<SavedView> visibleTo(String user) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM ticket_view WHERE owner = :user OR shared"
                + " ORDER BY owner <> :user, lower(name), view_id")
        .param("user", user)
        .query(ViewDesk::row)
        .list();
  }

  @Override
  public Optional<SavedView> find(String viewId, String user) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM ticket_view WHERE view_id = :id AND (owner = :user OR shared)")
        .param("id", viewId)
        .param("user", user)
        .query(ViewDesk::row)
        .optional();
  }

  @Override
  public SavedView save(String owner, String name, boolean shared, TicketFilter filter) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is required");
    }
    String stripped = name.strip();
    if (stripped.codePointCount(0, stripped.length()) > 100 || CONTROL.matcher(stripped).find()) {
      throw new IllegalArgumentException(
          "name must be 1-100 characters without control characters");
    }
    if (filter == null) {
      throw new IllegalArgumentException("filter is required");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    long kept =
        jdbc.sql("SELECT count(*) FROM ticket_view WHERE owner = :owner AND name <> :name")
            .param("owner", owner)
            .param("name", stripped)
            .query(Long.class)
            .single();
    if (kept >= MAX_PER_OWNER) {
      throw new IllegalArgumentException(
          "at most " + MAX_PER_OWNER + " views per user; delete one first");
    }
    return jdbc.sql(
            "INSERT INTO ticket_view (view_id, owner, name, shared, filter, created_at, updated_at)"
                + " VALUES (:id, :owner, :name, :shared, CAST(:filter AS jsonb), :now, :now)"
                + " ON CONFLICT (owner, name) DO UPDATE SET shared = EXCLUDED.shared,"
                + " filter = EXCLUDED.filter, updated_at = EXCLUDED.updated_at RETURNING "
                + COLUMNS)
        .param("id", "V-" + UUID.randomUUID())
        .param("owner", owner)
        .param("name", stripped)
        .param("shared", shared)
        .param("filter", write(filter))
        .param("now", Timestamp.from(now))
        .query(ViewDesk::row)
        .single();
  }

  @Override
  public boolean delete(String viewId, String user, boolean mayManageShared) {
    return jdbc.sql(
                "DELETE FROM ticket_view WHERE view_id = :id"
                    + " AND (owner = :user OR (shared AND :manage))")
            .param("id", viewId)
            .param("user", user)
            .param("manage", mayManageShared)
            .update()
        == 1;
  }

  private static String write(TicketFilter filter) {
    try {
      return FieldValuesJson.JSON.writeValueAsString(filter);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SavedView row(ResultSet rs, int n) throws SQLException {
    TicketFilter filter;
    try {
      filter = FieldValuesJson.JSON.readValue(rs.getString("filter"), TicketFilter.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return new SavedView(
        rs.getString("view_id"),
        rs.getString("name"),
        rs.getString("owner"),
        rs.getBoolean("shared"),
        filter,
        rs.getTimestamp("updated_at").toInstant());
  }
}
