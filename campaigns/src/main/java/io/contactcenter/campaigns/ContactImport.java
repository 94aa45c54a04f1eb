package io.contactcenter.campaigns;

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
    Instant createdAt) {

  /** A rejected row: its line number as a spreadsheet shows it (header = 1) and the reason. */
  public record RowError(int row, String reason) {}
}
