package io.contactcenter.campaigns.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How often one number may be called, across all campaigns: at most {@code perLocalDay} calls per
 * calendar day in the callee's zone (a 23- or 25-hour day on a daylight-saving change is still one
 * day), and at most {@code perRolling7Days} calls in any 7 × 24 hours.
 *
 * <p>Every previous call counts, wherever it falls: a call dated after {@code now} (clocks of
 * different hosts disagree) counts towards its own local day and, conservatively, towards the
 * rolling week. A rolling week at {@code t} holds the calls after {@code t - 7 days}.
 *
 * @param perLocalDay calls allowed per local calendar day, at least 1
 * @param perRolling7Days calls allowed per rolling 7 days, at least 1; {@link Integer#MAX_VALUE}
 *     for no weekly cap
 */
public record FrequencyCap(int perLocalDay, int perRolling7Days) {

  /** {@link DialDecision.Rejected#rule()} when the day's calls are used up. */
  public static final String PER_LOCAL_DAY = "frequency-cap.per-local-day";

  /** {@link DialDecision.Rejected#rule()} when the rolling week's calls are used up. */
  public static final String PER_ROLLING_7_DAYS = "frequency-cap.per-rolling-7-days";

  private static final Duration WEEK = Duration.ofDays(7);

  public FrequencyCap {
    if (perLocalDay < 1) {
      throw new IllegalArgumentException("perLocalDay must be at least 1, got " + perLocalDay);
    }
    if (perRolling7Days < 1) {
      throw new IllegalArgumentException(
          "perRolling7Days must be at least 1, got " + perRolling7Days);
    }
  }

  /** 3 calls per local day and 10 per rolling 7 days. */
  public static FrequencyCap defaults() {
    return new FrequencyCap(3, 10);
  }

  /** This many calls per local day, no weekly cap. */
  public static FrequencyCap perDay(int perLocalDay) {
    return new FrequencyCap(perLocalDay, Integer.MAX_VALUE);
  }

  /**
   * Whether the number may be called at {@code now}.
   *
   * @param previousCallsToNumber when each earlier call to the number started, any order
   * @param calleeZone the zone whose calendar days count
   * @return {@link DialDecision.Rejected} naming the cap that is reached now (the weekly one when
   *     both are and it resets later) and the earliest instant at which neither is
   */
  public DialDecision check(List<Instant> previousCallsToNumber, ZoneId calleeZone, Instant now) {
    Objects.requireNonNull(calleeZone, "calleeZone is required");
    Objects.requireNonNull(now, "now is required");
    List<Instant> calls = new ArrayList<>(previousCallsToNumber);
    calls.forEach(call -> Objects.requireNonNull(call, "null call instant"));
    calls.sort(null);
    // The weekly count only falls as time passes: it is under the cap once the call that would be
    // the cap-th most recent has aged out.
    Instant weekResets =
        calls.size() >= perRolling7Days
            ? calls.get(calls.size() - perRolling7Days).plus(WEEK)
            : Instant.MIN;
    Optional<Instant> dayResets = dayResets(calls, calleeZone, now);
    boolean weekFull = weekResets.isAfter(now);
    if (dayResets.isEmpty() && !weekFull) {
      return new DialDecision.Allowed();
    }
    Instant nextAllowed = nextAllowed(calls, calleeZone, now, weekResets);
    if (weekFull && (dayResets.isEmpty() || weekResets.isAfter(dayResets.get()))) {
      return new DialDecision.Rejected(
          PER_ROLLING_7_DAYS,
          countAfter(calls, now.minus(WEEK))
              + " calls in the last 7 days, the cap is "
              + perRolling7Days
              + "; next allowed at "
              + nextAllowed,
          Optional.of(nextAllowed));
    }
    LocalDate today = LocalDate.ofInstant(now, calleeZone);
    return new DialDecision.Rejected(
        PER_LOCAL_DAY,
        countOn(calls, calleeZone, today)
            + " calls on "
            + today
            + " in "
            + calleeZone
            + ", the cap is "
            + perLocalDay
            + " per local day; next allowed at "
            + nextAllowed,
        Optional.of(nextAllowed));
  }

  private Instant nextAllowed(List<Instant> calls, ZoneId zone, Instant now, Instant weekResets) {
    Instant t = now;
    // Each round moves t strictly forward, past a full day or to the weekly reset; full days are
    // finite, so this ends within calls.size() + 2 rounds.
    for (int round = 0; round <= calls.size() + 2; round++) {
      if (weekResets.isAfter(t)) {
        t = weekResets;
        continue;
      }
      Optional<Instant> dayResets = dayResets(calls, zone, t);
      if (dayResets.isEmpty()) {
        return t;
      }
      t = dayResets.get();
    }
    throw new IllegalStateException("no next allowed instant found after " + now);
  }

  /** The start of the next local day if the day containing {@code t} is full, else empty. */
  private Optional<Instant> dayResets(List<Instant> calls, ZoneId zone, Instant t) {
    LocalDate day = LocalDate.ofInstant(t, zone);
    if (countOn(calls, zone, day) < perLocalDay) {
      return Optional.empty();
    }
    return Optional.of(day.plusDays(1).atStartOfDay(zone).toInstant());
  }

  private static long countOn(List<Instant> calls, ZoneId zone, LocalDate day) {
    return calls.stream().filter(call -> LocalDate.ofInstant(call, zone).equals(day)).count();
  }

  private static long countAfter(List<Instant> calls, Instant since) {
    return calls.stream().filter(call -> call.isAfter(since)).count();
  }
}
