package io.contactcenter.tickets;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The link back to where a ticket came from. A source with a reference opens at most one ticket:
 * opening again with the same kind and reference returns the ticket it opened (so a redelivered
 * event or a retried request is harmless).
 *
 * @param kind what the reference is
 * @param ref the id in that system (1-100 of letters, digits, {@code . _ : -}); null only for an
 *     agent opening a ticket by hand without a request id
 */
public record TicketSource(SourceKind kind, String ref) {

  private static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

  public TicketSource {
    Objects.requireNonNull(kind, "source kind is required");
    if (ref != null && !REF.matcher(ref).matches()) {
      throw new IllegalArgumentException(
          "source ref must be 1-100 letters, digits or . _ : - (starting with a letter or digit)");
    }
    if (ref == null && kind != SourceKind.AGENT) {
      throw new IllegalArgumentException("source ref is required for a " + kind + " source");
    }
  }
}
