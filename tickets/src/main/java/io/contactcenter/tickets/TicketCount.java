package io.contactcenter.tickets;

/**
 * How many tickets match a list's filter. Counting stops at the desk's limit ({@code
 * cc.tickets.list-count-limit}, 10,000): counting every match of a broad filter over a million
 * tickets would read them all on each first page, while "more than 10,000" tells the user as much
 * (ADR 0035).
 *
 * @param count the matches, or the limit when more match
 * @param capped whether more than {@code count} match (shown as "10,000+")
 */
public record TicketCount(long count, boolean capped) {

  public TicketCount {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
  }

  /** The count from matches counted up to {@code limit + 1}. */
  public static TicketCount upTo(long counted, long limit) {
    return counted > limit ? new TicketCount(limit, true) : new TicketCount(counted, false);
  }
}
