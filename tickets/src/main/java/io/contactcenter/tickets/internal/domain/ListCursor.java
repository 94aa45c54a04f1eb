package io.contactcenter.tickets.internal.domain;

import io.contactcenter.common.InvalidInputException;
import io.contactcenter.tickets.TicketPriority;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a page of a ticket list ends, in the list's order: priority (most urgent first), the
 * earliest SLA deadline (none last), opening time, ticket id. The next page starts after this key,
 * so tickets opened or solved meanwhile before it shift nothing and no offset is counted (keyset
 * paging). Given to clients as an opaque token; a token that is not one of ours is refused.
 *
 * @param rank the priority's place in the order ({@link #rank})
 * @param dueAt the ticket's earliest SLA deadline; null when no clock runs (sorted last)
 * @param createdAt when the ticket was opened
 * @param ticketId the ticket, which makes the key unique
 */
public record ListCursor(int rank, Instant dueAt, Instant createdAt, String ticketId) {

  private static final String VERSION = "k1";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,40}");
  private static final int MAX_TOKEN = 200;

  public ListCursor {
    if (rank < 0 || rank > 3 || createdAt == null || ticketId == null) {
      throw new IllegalArgumentException("a list cursor needs a rank 0-3, a time and a ticket");
    }
  }

  /** The place of a priority in the list order: URGENT 0, HIGH 1, NORMAL 2, LOW 3. */
  public static int rank(TicketPriority priority) {
    return switch (priority) {
      case URGENT -> 0;
      case HIGH -> 1;
      case NORMAL -> 2;
      case LOW -> 3;
    };
  }

  /** The token clients pass back for the next page. */
  public String encode() {
    String plain =
        String.join(
            "|",
            VERSION,
            String.valueOf(rank),
            dueAt == null ? "" : String.valueOf(micros(dueAt)),
            String.valueOf(micros(createdAt)),
            ticketId);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The cursor a token stands for.
   *
   * @throws InvalidInputException ({@code problem.ticket.cursor}) for a token this desk did not
   *     give
   */
  public static ListCursor decode(String token) {
    if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
      throw invalid();
    }
    try {
      String plain =
          new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
      String[] parts = plain.split("\\|", -1);
      if (parts.length != 5 || !VERSION.equals(parts[0]) || !ID.matcher(parts[4]).matches()) {
        throw invalid();
      }
      return new ListCursor(
          Integer.parseInt(parts[1]),
          parts[2].isEmpty() ? null : instant(Long.parseLong(parts[2])),
          instant(Long.parseLong(parts[3])),
          parts[4]);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      // Base64 and number errors are IllegalArgumentExceptions too.
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw invalid();
    }
  }

  private static InvalidInputException invalid() {
    return new InvalidInputException(
        "problem.ticket.cursor",
        "cursor is not one this ticket list gave: start again from the first page");
  }

  /** PostgreSQL keeps microseconds; so does the cursor. */
  private static long micros(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }
}
