package io.contactcenter.campaigns.internal;

import io.contactcenter.campaigns.ContactImport;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Contact uploads and their row errors (tables {@code campaign_import}, {@code
 * campaign_import_error}).
 */
final class JdbcImports {

  private final JdbcClient jdbc;
  private final JsonWording wording;

  JdbcImports(JdbcClient jdbc, JsonWording wording) {
    this.jdbc = jdbc;
    this.wording = wording;
  }

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
                + " rejected = ?, error = ?, error_wording = CAST(? AS JSONB) WHERE import_id = ?")
        .params(
            report.charset(),
            report.rows(),
            report.added(),
            report.duplicates(),
            report.rejected(),
            report.error(),
            wording.toJson(report.errorWording()),
            report.importId())
        .update();
    for (ContactImport.RowError error : report.errors()) {
      jdbc.sql(
              "INSERT INTO campaign_import_error (import_id, row_number, reason, reason_wording)"
                  + " VALUES (?, ?, ?, CAST(? AS JSONB)) ON CONFLICT DO NOTHING")
          .params(report.importId(), error.row(), error.reason(), wording.toJson(error.wording()))
          .update();
    }
  }

  List<ContactImport> imports(String campaignId) {
    return jdbc.sql(
            "SELECT import_id, campaign_id, file_name, charset, rows_read, added, duplicates,"
                + " rejected, error, created_at, error_wording FROM campaign_import"
                + " WHERE campaign_id = ?"
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
                    SqlValues.instant(rs.getTimestamp(10)),
                    wording.fromJson(rs.getString(11))))
        .list();
  }

  private List<ContactImport.RowError> importErrors(String importId) {
    return jdbc.sql(
            "SELECT row_number, reason, reason_wording FROM campaign_import_error"
                + " WHERE import_id = ? ORDER BY row_number LIMIT 1000")
        .param(importId)
        .query(
            (rs, n) ->
                new ContactImport.RowError(
                    rs.getInt(1), rs.getString(2), wording.fromJson(rs.getString(3))))
        .list();
  }
}
