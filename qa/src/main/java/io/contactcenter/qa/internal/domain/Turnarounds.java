package io.contactcenter.qa.internal.domain;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;

/**
 * Turnaround figures against a target: the median and 95th percentile of a set of durations and the
 * share of them within the target. Pure and thread-safe.
 */
public final class Turnarounds {

  private Turnarounds() {}

  /**
   * The figures of some turnarounds.
   *
   * @param count how many there were
   * @param medianHours the median in hours, to a tenth; {@code null} when there were none
   * @param p95Hours the 95th percentile likewise
   * @param withinTarget the share at most the target, 0 to 1 to a thousandth; {@code null} when
   *     there were none
   */
  public record Summary(long count, Double medianHours, Double p95Hours, Double withinTarget) {}

  /**
   * The figures of these turnarounds.
   *
   * @param target a turnaround of exactly the target is within it; positive
   * @throws IllegalArgumentException when the target is not positive or a turnaround is negative
   */
  public static Summary of(Collection<Duration> turnarounds, Duration target) {
    if (target == null || target.isNegative() || target.isZero()) {
      throw new IllegalArgumentException("the target must be positive, not " + target);
    }
    if (turnarounds.isEmpty()) {
      return new Summary(0, null, null, null);
    }
    double[] hours = new double[turnarounds.size()];
    int i = 0;
    long within = 0;
    for (Duration d : turnarounds) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("a turnaround must not be negative, not " + d);
      }
      hours[i++] = d.toMillis() / 3_600_000.0;
      if (d.compareTo(target) <= 0) {
        within++;
      }
    }
    Arrays.sort(hours);
    return new Summary(
        hours.length,
        tenth(percentile(hours, 0.5)),
        tenth(percentile(hours, 0.95)),
        Math.round(1000.0 * within / hours.length) / 1000.0);
  }

  /**
   * The {@code p}-quantile of sorted values, interpolated linearly between the two nearest ranks
   * (as PostgreSQL's {@code percentile_cont}, Excel's {@code PERCENTILE.INC}): with few values a
   * nearest-rank p95 would be the largest value, one slow decision would read as the typical slow
   * one.
   *
   * @param sorted ascending, at least one value
   * @param p 0 to 1
   */
  public static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException("p must be between 0 and 1, not " + p);
    }
    double rank = p * (sorted.length - 1);
    int below = (int) Math.floor(rank);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
  }

  /** Hours to a tenth. */
  public static double hours(Duration d) {
    return tenth(d.toMillis() / 3_600_000.0);
  }

  private static double tenth(double hours) {
    return Math.round(hours * 10) / 10.0;
  }
}
