package io.contactcenter.campaigns.internal.contacts;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.common.Worded;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One data row of a contact file: either a contact that can be called or the reason it cannot.
 * {@link #rowNumber()} is the row as a spreadsheet shows it, the header being row 1; a value with
 * line breaks inside quotes still makes one row.
 */
public sealed interface ContactRow permits ContactRow.Valid, ContactRow.Rejected {

  int rowNumber();

  /**
   * A contact that can be called.
   *
   * @param phone the only value that may ever reach a dial string
   * @param region the ISO 3166 region of the number (e.g. {@code CN}), or {@code 001} for
   *     non-geographic numbers
   * @param zone the contact's own time zone if the file gave one, otherwise the main zone of the
   *     number's region, otherwise {@link ImportOptions#defaultZone()}
   * @param name the name cell, trimmed; empty when the file has no name column or the cell is empty
   * @param variables every other named column, in file order, keyed by its header as written;
   *     values are data kept verbatim (quotes, commas, {@code ${...}} and line breaks included)
   *     minus control characters and surrounding blanks, never longer than 500 characters
   * @param dedupeKey the same for the same number with the same variables, whatever the column or
   *     row order; see {@link ContactCsvReader} for its exact form
   */
  record Valid(
      int rowNumber,
      PhoneNumber phone,
      String region,
      ZoneId zone,
      String name,
      Map<String, String> variables,
      String dedupeKey)
      implements ContactRow {

    public Valid {
      Objects.requireNonNull(phone, "phone");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(dedupeKey, "dedupeKey");
      variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }
  }

  /**
   * A row that was not imported.
   *
   * @param reason one sentence for the uploader, starting with the row and naming the column and
   *     the problem, e.g. {@code row 7: phone '110' is an emergency number}. It quotes the cell as
   *     typed, so it may hold a phone number in the clear: show it to the uploader, do not log it.
   * @param wording the same by message key and arguments ({@code problem.contact-row}), for the
   *     uploader's language
   */
  record Rejected(int rowNumber, String reason, Worded wording) implements ContactRow {

    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(wording, "wording");
    }
  }
}
