package io.contactcenter.campaigns.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps one instance's call starts within the rate in every window of time, per campaign and on the
 * trunk, also when starts are late. The pacer's slots are evenly spaced, but a dial loop that was
 * kept from a CPU for a while would otherwise start every late call at once, and a carrier that
 * polices calls per second would see that burst. A start waits until fewer than the rate's
 * allowance started in the window before it (one second, or one call's interval for rates below one
 * per second); a start on time is not moved, and a late loop still catches up within the allowance,
 * so the average rate is kept. Not thread-safe: one dial loop owns it.
 */
public final class StartSpacing {

  private static final Duration SECOND = Duration.ofSeconds(1);

  private final Map<String, Deque<Instant>> byCampaign = new HashMap<>();
  private final Deque<Instant> onTrunk = new ArrayDeque<>();

  /**
   * When the call may start.
   *
   * @param slot the start the pacer granted
   * @param campaignPerSecond the campaign's limit (attempts per second, above zero)
   * @param trunkPerSecond the trunk's limit, all campaigns together (above zero)
   */
  public Instant startAt(
      String campaignId, Instant slot, double campaignPerSecond, double trunkPerSecond) {
    Instant at = slot;
    Deque<Instant> campaign = byCampaign.get(campaignId);
    if (campaign != null) {
      at = latest(at, firstFree(campaign, campaignPerSecond));
    }
    return latest(at, firstFree(onTrunk, trunkPerSecond));
  }

  /** Records a call that started at {@code at}; starts older than a minute are forgotten. */
  public void started(String campaignId, Instant at) {
    byCampaign.computeIfAbsent(campaignId, id -> new ArrayDeque<>()).addLast(at);
    onTrunk.addLast(at);
    Instant forget = at.minus(Duration.ofMinutes(1));
    forgetBefore(onTrunk, forget);
    byCampaign.values().removeIf(starts -> forgetBefore(starts, forget));
  }

  /**
   * The earliest time at which fewer than the allowance of starts lie in the window before it.
   * Starts are in ascending order.
   */
  private static Instant firstFree(Deque<Instant> starts, double perSecond) {
    Duration window = window(perSecond);
    int allowance = allowance(perSecond);
    if (starts.size() < allowance) {
      return Instant.MIN;
    }
    // The start that must have left the window: the allowance-th most recent one.
    Instant leaving = null;
    var recent = starts.descendingIterator();
    for (int i = 0; i < allowance; i++) {
      leaving = recent.next();
    }
    return leaving.plus(window);
  }

  /** One second, or one interval of the rate when that is longer. */
  static Duration window(double perSecond) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("a rate must be above zero: " + perSecond);
    }
    Duration interval = Duration.ofNanos(Math.round(1_000_000_000d / perSecond));
    return interval.compareTo(SECOND) > 0 ? interval : SECOND;
  }

  /** Starts allowed in one window: the rate times the window, at least one. */
  static int allowance(double perSecond) {
    double seconds = window(perSecond).toNanos() / 1_000_000_000d;
    return Math.max(1, (int) Math.ceil(perSecond * seconds - 1e-9));
  }

  /** Drops starts before {@code forget}; true when none is left. */
  private static boolean forgetBefore(Deque<Instant> starts, Instant forget) {
    while (!starts.isEmpty() && starts.peekFirst().isBefore(forget)) {
      starts.removeFirst();
    }
    return starts.isEmpty();
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
