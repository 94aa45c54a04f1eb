package io.contactcenter.campaigns.internal.contacts;

import io.contactcenter.campaigns.internal.contacts.ContactNumberPolicy.Accepted;
import io.contactcenter.campaigns.internal.contacts.ContactNumberPolicy.NumberCheck;
import io.contactcenter.campaigns.internal.contacts.ContactNumberPolicy.Refused;
import io.contactcenter.campaigns.internal.contacts.CsvRecordReader.CsvRecord;
import io.contactcenter.campaigns.internal.contacts.CsvRecordReader.Fields;
import io.contactcenter.campaigns.internal.contacts.CsvRecordReader.Malformed;
import io.contactcenter.common.Wording;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads a contact file for an outbound campaign: a CSV with a header row, in UTF-8 (with or without
 * a BOM), UTF-16 (with or without a BOM) or GBK, separated by commas, tabs or semicolons.
 *
 * <p>The header must have a phone column ({@code phone}, {@code mobile}, {@code 手机号}, ...; see
 * {@link ContactColumns}); a name column and a time-zone column are optional, and every other named
 * column becomes a variable for the dialogue script. Every data row is handed to the callback as it
 * is read, either {@link ContactRow.Valid} or {@link ContactRow.Rejected} with its reason: one bad
 * row never stops the import, nor hides the rows after it. Blank rows are skipped.
 *
 * <p>Memory stays flat whatever the file size: the reader holds one row at a time (at most {@value
 * CsvRecordReader#MAX_RECORD_CHARS} characters) plus 64 KiB used to detect the charset.
 *
 * <p>A contact's time zone is the one in its time-zone column; otherwise the main zone of its
 * number's region (multi-zone countries such as the US, Brazil or Russia get the zone where most
 * people live, see {@link RegionTimeZones}); otherwise {@link ImportOptions#defaultZone()}.
 *
 * <p>The dedupe key is the lowercase hex SHA-256 of the UTF-8 bytes of the E.164 number, then for
 * each variable in the order of {@link String#compareTo} of their names: {@code '\n'}, the name,
 * {@code '='} and the value, where a backslash, {@code '='} or line break inside a name or value is
 * written as {@code \\}, {@code \=} or {@code \n}. It leaves out the name and the time zone, so
 * correcting a name's spelling does not make a contact new. The key is stored: never change its
 * form.
 *
 * <p>Stateless and thread-safe; each call reads on the calling thread and calls back on it. The
 * stream is read to its end and not closed: the caller owns it.
 */
public final class ContactCsvReader {

  private static final int PROGRESS_EVERY_ROWS = 10_000;

  private final ContactNumberPolicy numbers = new ContactNumberPolicy();

  /**
   * Reads {@code in} to the end, passing each data row to {@code onRow} in file order.
   *
   * @return the counts, the bytes read and the detected charset; zero rows for a file that has only
   *     a header
   * @throws ContactFileRejectedException when the file is empty, has no phone column, or its header
   *     row cannot be read
   * @throws UncheckedIOException when reading the stream fails
   */
  public ImportSummary read(InputStream in, ImportOptions options, Consumer<ContactRow> onRow) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(onRow, "onRow");
    CountingInputStream counted = new CountingInputStream(in);
    BufferedInputStream buffered = new BufferedInputStream(counted);
    try {
      Charset charset = CharsetSniffer.detect(buffered);
      // A bad byte after the first 64 KiB becomes U+FFFD rather than failing the whole import:
      // a number holding one is rejected, a name holding one still reads.
      InputStreamReader reader =
          new InputStreamReader(
              buffered,
              charset
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPLACE)
                  .onUnmappableCharacter(CodingErrorAction.REPLACE));
      CsvRecordReader csv = CsvRecordReader.open(reader);
      ContactColumns columns = readHeader(csv);
      csv.expectColumns(columns.count());
      RowReader rows = new RowReader(columns, options);
      long valid = 0;
      long rejected = 0;
      for (CsvRecord record = csv.next(); record != null; record = csv.next()) {
        if (record instanceof Fields fields && fields.isBlank()) {
          continue;
        }
        ContactRow row = rows.toContact(record);
        if (row instanceof ContactRow.Valid) {
          valid++;
        } else {
          rejected++;
        }
        onRow.accept(row);
        if ((valid + rejected) % PROGRESS_EVERY_ROWS == 0) {
          options.progressBytes().accept(counted.count());
        }
      }
      options.progressBytes().accept(counted.count());
      return new ImportSummary(valid + rejected, valid, rejected, counted.count(), charset.name());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the contact file", e);
    }
  }

  private static ContactColumns readHeader(CsvRecordReader csv) throws IOException {
    for (CsvRecord record = csv.next(); record != null; record = csv.next()) {
      switch (record) {
        case Fields fields when fields.isBlank() -> {}
        case Fields fields -> {
          return ContactColumns.of(fields.cells());
        }
        case Malformed malformed ->
            throw new ContactFileRejectedException(
                "problem.contact-file.header-unreadable",
                "the header row (row %d) cannot be read: %s"
                    .formatted(malformed.rowNumber(), describe(malformed, null)),
                String.valueOf(malformed.rowNumber()),
                describeWorded(malformed));
      }
    }
    throw new ContactFileRejectedException("problem.contact-file.empty", "the file is empty");
  }

  /** What is wrong with the header row, in words the app can translate. */
  private static Wording describeWorded(Malformed malformed) {
    String english = describe(malformed, null);
    return switch (malformed.problem()) {
      case UNTERMINATED_QUOTE ->
          new Wording(
              "problem.contact-file.unterminated-quote",
              english,
              String.valueOf(malformed.column() + 1));
      case TEXT_AFTER_CLOSING_QUOTE ->
          new Wording(
              "problem.contact-file.text-after-quote",
              english,
              String.valueOf(malformed.column() + 1));
      case TOO_LONG ->
          new Wording(
              "problem.contact-file.too-long",
              english,
              String.valueOf(CsvRecordReader.MAX_RECORD_CHARS));
    };
  }

  /** What is wrong with a data row, naming its column by header. */
  private static Wording rowProblem(Malformed malformed, ContactColumns columns) {
    String english = describe(malformed, columns);
    String label = columns.label(malformed.column());
    return switch (malformed.problem()) {
      case UNTERMINATED_QUOTE ->
          new Wording("problem.contact-row.unterminated-quote", english, label);
      case TEXT_AFTER_CLOSING_QUOTE ->
          new Wording("problem.contact-row.text-after-quote", english, label);
      case TOO_LONG ->
          new Wording(
              "problem.contact-row.too-long",
              english,
              String.valueOf(CsvRecordReader.MAX_RECORD_CHARS));
    };
  }

  private static String describe(Malformed malformed, ContactColumns columns) {
    String column =
        columns != null
            ? "column '" + columns.label(malformed.column()) + "'"
            : "column " + (malformed.column() + 1);
    return switch (malformed.problem()) {
      case UNTERMINATED_QUOTE ->
          column + " has a quote that is not closed (a quote inside a value must be doubled: \"\")";
      case TEXT_AFTER_CLOSING_QUOTE ->
          column
              + " has text after its closing quote (a quote inside a value must be doubled: \"\")";
      case TOO_LONG -> "the row is longer than " + CsvRecordReader.MAX_RECORD_CHARS + " characters";
    };
  }

  /** Turns records into contacts; one per read, as it holds a message digest. */
  private final class RowReader {

    private final ContactColumns columns;
    private final ImportOptions options;
    private final MessageDigest sha256;

    RowReader(ContactColumns columns, ImportOptions options) {
      this.columns = columns;
      this.options = options;
      try {
        this.sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }

    ContactRow toContact(CsvRecord record) {
      return switch (record) {
        case Malformed malformed ->
            rejected(malformed.rowNumber(), List.of(rowProblem(malformed, columns)));
        case Fields fields -> toContact(fields);
      };
    }

    private ContactRow toContact(Fields fields) {
      int row = fields.rowNumber();
      List<String> cells = fields.cells();
      if (!CsvRecordReader.fits(cells, columns.count())) {
        int written = cells.size();
        while (written > columns.count() && cells.get(written - 1).isEmpty()) {
          written--;
        }
        return rejected(
            row,
            List.of(
                new Wording(
                    "problem.contact-row.columns",
                    "has %d columns but the header has %d (a value containing the separator must be in double quotes)"
                        .formatted(written, columns.count()),
                    String.valueOf(written),
                    String.valueOf(columns.count()))));
      }
      List<Wording> problems = new ArrayList<>();
      String[] values = new String[columns.count()];
      for (int i = 0; i < values.length; i++) {
        if (columns.headers().get(i).isEmpty()) {
          continue;
        }
        values[i] = CellText.clean(cells.get(i));
        int length = CellText.length(values[i]);
        if (length > CellText.MAX_CHARS) {
          problems.add(
              new Wording(
                  "problem.contact-row.cell-too-long",
                  "%s is longer than %d characters (%d)"
                      .formatted(quoteLabel(i), CellText.MAX_CHARS, length),
                  columns.label(i),
                  String.valueOf(CellText.MAX_CHARS),
                  String.valueOf(length)));
        }
      }
      if (!problems.isEmpty()) {
        return rejected(row, problems);
      }
      Accepted number = null;
      String phoneCell = values[columns.phone()];
      if (phoneCell.isEmpty()) {
        problems.add(
            new Wording(
                "problem.contact-row.phone-empty",
                columns.label(columns.phone()) + " is empty",
                columns.label(columns.phone())));
      } else {
        NumberCheck check = numbers.check(phoneCell, options.defaultRegion());
        switch (check) {
          case Accepted accepted -> number = accepted;
          case Refused refused ->
              problems.add(
                  new Wording(
                      "problem.contact-row.phone-refused",
                      "%s '%s' %s"
                          .formatted(
                              columns.label(columns.phone()),
                              shown(phoneCell),
                              refused.problem().english()),
                      columns.label(columns.phone()),
                      shown(phoneCell),
                      refused.problem()));
        }
      }
      ZoneId zone = null;
      if (columns.timeZone() != ContactColumns.ABSENT && !values[columns.timeZone()].isEmpty()) {
        String zoneCell = values[columns.timeZone()];
        try {
          zone = ZoneId.of(zoneCell);
        } catch (DateTimeException e) {
          problems.add(
              new Wording(
                  "problem.contact-row.zone-unknown",
                  "%s '%s' is not a known time zone (write an IANA name such as Asia/Shanghai)"
                      .formatted(columns.label(columns.timeZone()), shown(zoneCell)),
                  columns.label(columns.timeZone()),
                  shown(zoneCell)));
        }
      }
      if (!problems.isEmpty()) {
        return rejected(row, problems);
      }
      if (zone == null) {
        zone = RegionTimeZones.mainZone(number.region()).orElse(options.defaultZone());
      }
      Map<String, String> variables = new LinkedHashMap<>();
      for (int column : columns.variables()) {
        variables.put(columns.headers().get(column), values[column]);
      }
      String name = columns.name() == ContactColumns.ABSENT ? "" : values[columns.name()];
      return new ContactRow.Valid(
          row,
          number.phone(),
          number.region(),
          zone,
          name,
          variables,
          dedupeKey(number.phone().e164(), variables));
    }

    private String quoteLabel(int column) {
      return "column '" + columns.label(column) + "'";
    }

    private String dedupeKey(String e164, Map<String, String> variables) {
      StringBuilder text = new StringBuilder(e164);
      new TreeMap<>(variables)
          .forEach(
              (name, value) ->
                  text.append('\n').append(escape(name)).append('=').append(escape(value)));
      sha256.reset();
      return HexFormat.of()
          .formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static String escape(String text) {
    if (text.indexOf('\\') < 0 && text.indexOf('=') < 0 && text.indexOf('\n') < 0) {
      return text;
    }
    return text.replace("\\", "\\\\").replace("=", "\\=").replace("\n", "\\n");
  }

  /** The value as typed, shortened, for a rejection reason. */
  private static String shown(String value) {
    String oneLine = value.replace('\n', ' ');
    return oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine;
  }

  private static ContactRow.Rejected rejected(int row, List<Wording> problems) {
    Wording all = problems.get(0);
    for (Wording next : problems.subList(1, problems.size())) {
      all =
          new Wording("problem.contact-row.and", all.english() + "; " + next.english(), all, next);
    }
    return new ContactRow.Rejected(row, "row " + row + ": " + all.english(), rowProblem(row, all));
  }

  /**
   * "row 7: ..." by message key: the problem is worded in the uploader's language (see {@code
   * ContactImport.RowError}).
   */
  public static Wording rowProblem(int row, Object problem) {
    return new Wording(
        "problem.contact-row", "row " + row + ": " + problem, String.valueOf(row), problem);
  }
}
