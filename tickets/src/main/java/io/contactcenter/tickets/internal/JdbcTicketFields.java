package io.contactcenter.tickets.internal;

import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketField;
import io.contactcenter.tickets.TicketFieldType;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Custom field definitions per category (table {@code ticket_field}). */
class JdbcTicketFields {

  private static final String COLUMNS =
      "category, field_key, label_en, label_zh, type, choices, required, position";

  private final JdbcClient jdbc;

  JdbcTicketFields(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Defined> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM ticket_field ORDER BY category, position")
        .query(JdbcTicketFields::row)
        .list();
  }

  List<TicketField> of(TicketCategory category) {
    return jdbc
        .sql("SELECT " + COLUMNS + " FROM ticket_field WHERE category = :c ORDER BY position")
        .param("c", category.name())
        .query(JdbcTicketFields::row)
        .list()
        .stream()
        .map(Defined::field)
        .toList();
  }

  /** Every definition with this key, whatever its category (for searching by value). */
  List<TicketField> withKey(String key) {
    return jdbc
        .sql("SELECT " + COLUMNS + " FROM ticket_field WHERE field_key = :k")
        .param("k", key)
        .query(JdbcTicketFields::row)
        .list()
        .stream()
        .map(Defined::field)
        .toList();
  }

  /** Replaces a category's fields; the caller runs it in a transaction. */
  void replace(TicketCategory category, List<TicketField> fields) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:k))")
        .param("k", "ticket-fields:" + category.name())
        .query()
        .listOfRows();
    jdbc.sql("DELETE FROM ticket_field WHERE category = :c").param("c", category.name()).update();
    for (int i = 0; i < fields.size(); i++) {
      TicketField f = fields.get(i);
      jdbc.sql(
              "INSERT INTO ticket_field ("
                  + COLUMNS
                  + ") VALUES (:c, :k, :en, :zh, :type,"
                  + " string_to_array(:choices, chr(31)), :required, :position)")
          .param("c", category.name())
          .param("k", f.key())
          .param("en", f.labelEn().strip())
          .param("zh", f.labelZh().strip())
          .param("type", f.type().name())
          .param("choices", String.join("\u001f", f.choices()))
          .param("required", f.required())
          .param("position", i)
          .update();
    }
  }

  record Defined(TicketCategory category, TicketField field) {}

  private static Defined row(ResultSet rs, int n) throws SQLException {
    Array choices = rs.getArray("choices");
    return new Defined(
        TicketCategory.valueOf(rs.getString("category")),
        new TicketField(
            rs.getString("field_key"),
            rs.getString("label_en"),
            rs.getString("label_zh"),
            TicketFieldType.valueOf(rs.getString("type")),
            choices == null ? List.of() : Arrays.asList((String[]) choices.getArray()),
            rs.getBoolean("required")));
  }
}
