package io.contactcenter.campaigns;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.contactcenter.common.Worded;
import java.time.Instant;
import java.util.List;

/**
 * The report of one contact upload: good rows are kept even when others are rejected.
 *
 * @param charset the text encoding detected (UTF-8, GB18030, UTF-16LE, ...)
 * @param rows data rows read (the header not counted)
 * @param added contacts added to the campaign
 * @param duplicates rows already in the campaign (e.g. the same file uploaded again)
 * @param rejected rows refused; {@code errors} says why, row by row (the first 1000)
 * @param error why the whole file was refused ({@code null} when it was read)
 * @param errorWording the same by message key and arguments, for an answer in the reader's language
 *     ({@code null} for imports stored before it was kept)
 */
public record ContactImport(
    String importId,
    String campaignId,
    String fileName,
    String charset,
    int rows,
    int added,
    int duplicates,
    int rejected,
    List<RowError> errors,
    String error,
    Instant createdAt,
    @JsonIgnore Worded errorWording) {

  /** A report without the refusal's wording (as stored and listed). */
  public ContactImport(
      String importId,
      String campaignId,
      String fileName,
      String charset,
      int rows,
      int added,
      int duplicates,
      int rejected,
      List<RowError> errors,
      String error,
      Instant createdAt) {
    this(
        importId,
        campaignId,
        fileName,
        charset,
        rows,
        added,
        duplicates,
        rejected,
        errors,
        error,
        createdAt,
        null);
  }

  /**
   * A rejected row: its line number as a spreadsheet shows it (header = 1) and the reason (in
   * English as stored, or in the reader's language as the app answers).
   *
   * @param wording the reason by message key and arguments ({@code problem.contact-row}), for an
   *     answer in the reader's language; {@code null} for rows stored before it was kept
   */
  public record RowError(int row, String reason, @JsonIgnore Worded wording) {

    public RowError(int row, String reason) {
      this(row, reason, null);
    }
  }
}
