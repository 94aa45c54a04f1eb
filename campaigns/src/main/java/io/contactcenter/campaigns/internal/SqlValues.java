package io.contactcenter.campaigns.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Conversions between Java values and the campaign tables' column types. */
final class SqlValues {

  private SqlValues() {}

  static Timestamp timestamp(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }

  /** {@code text} for a LIKE pattern with {@code ESCAPE '\'}: its % and _ match themselves. */
  static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  static String dateArray(List<LocalDate> days) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < days.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(days.get(i));
    }
    return sb.append('}').toString();
  }
}
