package io.contactcenter.outboundrobot;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Which robot calls to list, one page at a time: newest first, ties by id, so that paging is stable
 * while calls are added. Every filter left {@code null} matches any call.
 *
 * @param requestedBy who placed the calls, as in {@link PlaceCallRequest#requestedBy()} (a
 *     campaign's calls are {@code campaign:<id>})
 * @param status where the calls are
 * @param outcome how their dialogue ended
 * @param dialOutcome how dialing went
 * @param from created at or after this instant
 * @param to created before this instant
 * @param phoneSuffix the last 1 to 15 digits of the number called
 * @param page the page, from 0
 * @param size calls per page, 1 to {@link #MAX_SIZE}
 */
public record RobotCallQuery(
    String requestedBy,
    RobotAttempt.Status status,
    DialogueOutcome outcome,
    DialOutcome dialOutcome,
    Instant from,
    Instant to,
    String phoneSuffix,
    int page,
    int size) {

  /** The most calls one page holds. */
  public static final int MAX_SIZE = 200;

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,15}");

  /**
   * @throws IllegalArgumentException naming the field out of range
   */
  public RobotCallQuery {
    requestedBy = requestedBy == null || requestedBy.isBlank() ? null : requestedBy.strip();
    phoneSuffix = phoneSuffix == null || phoneSuffix.isBlank() ? null : phoneSuffix.strip();
    if (phoneSuffix != null && !DIGITS.matcher(phoneSuffix).matches()) {
      throw new IllegalArgumentException("phoneSuffix must be 1 to 15 digits");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
    if (page < 0) {
      throw new IllegalArgumentException("page must be 0 or more, was " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "size must be between 1 and " + MAX_SIZE + ", was " + size);
    }
  }
}
