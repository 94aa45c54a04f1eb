package io.contactcenter.campaigns.internal.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a {@link CallWindow} is open at an instant, for a callee in a given zone, and when it
 * next opens or closes.
 *
 * <p><b>Meaning of a range.</b> On each local date {@code d} of the callee's calendar that is not a
 * holiday, a range {@code start-end} for {@code d}'s day of week is open over the instants {@code
 * [ZonedDateTime.of(d, start, zone), ZonedDateTime.of(d, end, zone))}, clipped to the instants
 * whose local date is {@code d}. {@link ZonedDateTime#of} decides the daylight-saving cases:
 *
 * <ul>
 *   <li>Spring forward (a gap, e.g. America/New_York 2026-03-08 02:00-03:00 does not exist): a
 *       boundary in the gap moves forward by the gap's length. A range inside the gap ({@code
 *       02:00-03:00}) is never open that day; {@code 02:30-04:00} opens at 03:30 local; {@code
 *       01:00-03:00} is open 01:00-03:00 local, one real hour. A range that becomes empty or
 *       inverted is closed that day.
 *   <li>Fall back (an overlap, e.g. America/New_York 2026-11-01 01:00-02:00 happens twice): a
 *       boundary in the repeated hour is its first occurrence (the earlier offset). So {@code
 *       01:00-01:30} is open once, in the first pass; {@code 00:00-03:00} is open four real hours;
 *       {@code 01:30-03:00} is also open during the second pass of 01:00-01:30.
 * </ul>
 *
 * Ordinary windows (09:00-21:00) never touch either case. Instants are open in a half-open sense:
 * open at a range's start, closed at its end.
 *
 * <p>Searches ({@link #nextOpening}, {@link #closesAt}) look at the callee's local dates from the
 * one containing the given instant through 370 days later; beyond that the window counts as closed.
 * Open ranges that touch across midnight (possible only when a daylight-saving gap at midnight
 * moves a boundary) count as one period.
 *
 * <p>Stateless and thread-safe.
 */
public final class CallWindowPolicy {

  /** How many local days after the starting one a search looks at. */
  public static final int SEARCH_DAYS = 370;

  /** Whether the window is open at this instant for a callee in this zone. */
  public boolean isOpen(CallWindow window, ZoneId calleeZone, Instant at) {
    Objects.requireNonNull(at, "at is required");
    for (Span span : spans(window, calleeZone, LocalDate.ofInstant(at, calleeZone))) {
      if (span.contains(at)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the window is open at this instant and stays open for at least {@code minRemaining}: a
   * dialer should not start a call it would have to cut off.
   *
   * @param minRemaining how long the window must remain open from {@code at}; zero means simply
   *     open
   */
  public boolean isOpen(CallWindow window, ZoneId calleeZone, Instant at, Duration minRemaining) {
    requireNotNegative(minRemaining);
    return closesAt(window, calleeZone, at)
        .map(end -> Duration.between(at, end).compareTo(minRemaining) >= 0)
        .orElse(false);
  }

  /**
   * When the open period containing {@code at} ends (the first closed instant after it); empty if
   * the window is closed at {@code at}.
   */
  public Optional<Instant> closesAt(CallWindow window, ZoneId calleeZone, Instant at) {
    Objects.requireNonNull(at, "at is required");
    Periods periods = new Periods(window, calleeZone, LocalDate.ofInstant(at, calleeZone));
    for (Span period = periods.next(); period != null; period = periods.next()) {
      if (period.contains(at)) {
        return Optional.of(period.end());
      }
      if (period.start().isAfter(at)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * The earliest instant at or after {@code from} at which the window is open; {@code from} itself
   * when it is open. Empty if the window does not open within the search horizon (e.g. every open
   * day is a holiday).
   */
  public Optional<Instant> nextOpening(CallWindow window, ZoneId calleeZone, Instant from) {
    return nextOpening(window, calleeZone, from, Duration.ZERO);
  }

  /**
   * The earliest instant {@code t >= from} with {@code isOpen(window, zone, t, minRemaining)}: a
   * period shorter than {@code minRemaining} is skipped, and within a period the answer is never
   * later than its end minus {@code minRemaining}.
   */
  public Optional<Instant> nextOpening(
      CallWindow window, ZoneId calleeZone, Instant from, Duration minRemaining) {
    Objects.requireNonNull(from, "from is required");
    requireNotNegative(minRemaining);
    Periods periods = new Periods(window, calleeZone, LocalDate.ofInstant(from, calleeZone));
    for (Span period = periods.next(); period != null; period = periods.next()) {
      if (!period.end().isAfter(from)) {
        continue;
      }
      Instant candidate = period.start().isAfter(from) ? period.start() : from;
      if (Duration.between(candidate, period.end()).compareTo(minRemaining) >= 0) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The open instants of one local date, sorted, disjoint and not touching. */
  private static List<Span> spans(CallWindow window, ZoneId zone, LocalDate date) {
    Objects.requireNonNull(window, "window is required");
    Objects.requireNonNull(zone, "zone is required");
    DayOfWeek day = date.getDayOfWeek();
    if (window.isHoliday(date) || window.rangesOn(day).isEmpty()) {
      return List.of();
    }
    Instant dayStart = date.atStartOfDay(zone).toInstant();
    Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
    List<Span> raw = new ArrayList<>();
    for (CallWindow.TimeRange range : window.rangesOn(day)) {
      Instant start = max(ZonedDateTime.of(date, range.start(), zone).toInstant(), dayStart);
      Instant end = min(ZonedDateTime.of(date, range.end(), zone).toInstant(), dayEnd);
      if (start.isBefore(end)) {
        raw.add(new Span(start, end));
      }
    }
    // A gap can move one range's start past the next range's start, so merge after mapping.
    raw.sort(Comparator.comparing(Span::start));
    List<Span> merged = new ArrayList<>();
    for (Span span : raw) {
      int last = merged.size() - 1;
      if (last >= 0 && !span.start().isAfter(merged.get(last).end())) {
        merged.set(
            last, new Span(merged.get(last).start(), max(merged.get(last).end(), span.end())));
      } else {
        merged.add(span);
      }
    }
    return merged;
  }

  /** A half-open interval of instants. */
  private record Span(Instant start, Instant end) {
    boolean contains(Instant at) {
      return !at.isBefore(start) && at.isBefore(end);
    }
  }

  /** Maximal open periods in time order, from one local date through the search horizon. */
  private static final class Periods {
    private final CallWindow window;
    private final ZoneId zone;
    private final LocalDate last;
    private final ArrayDeque<Span> queue = new ArrayDeque<>();
    private LocalDate date;

    Periods(CallWindow window, ZoneId zone, LocalDate first) {
      this.window = window;
      this.zone = zone;
      this.date = first;
      this.last = first.plusDays(SEARCH_DAYS);
    }

    /** The next period, or null past the horizon. */
    Span next() {
      Span head = poll();
      if (head == null) {
        return null;
      }
      Instant end = head.end();
      while (peek() != null && peek().start().equals(end)) {
        end = poll().end();
      }
      return new Span(head.start(), end);
    }

    private Span peek() {
      fill();
      return queue.peekFirst();
    }

    private Span poll() {
      fill();
      return queue.pollFirst();
    }

    private void fill() {
      while (queue.isEmpty() && !date.isAfter(last)) {
        queue.addAll(spans(window, zone, date));
        date = date.plusDays(1);
      }
    }
  }

  private static void requireNotNegative(Duration minRemaining) {
    Objects.requireNonNull(minRemaining, "minRemaining is required");
    if (minRemaining.isNegative()) {
      throw new IllegalArgumentException("minRemaining must not be negative: " + minRemaining);
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
