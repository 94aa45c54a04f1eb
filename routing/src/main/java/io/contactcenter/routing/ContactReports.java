package io.contactcenter.routing;

import java.time.Instant;
import java.util.List;

/**
 * Historical figures over the contacts routing stored (tables {@code routing_contact} and {@code
 * routing_contact_transfer}), for supervisors' reports. A call transferred to another queue (ADR
 * 0041) is one part per queue it waited in and per agent who answered it: each part counts in its
 * own queue's and agent's figures. Every figure comes from stored facts, so it is the same on every
 * instance and after a restart. How each figure is defined: ADR 0021.
 *
 * <p>Thread-safe; each call is one read of the database.
 */
public interface ContactReports {

  /**
   * Per queue and channel, the contacts that entered the queue in {@code [from, to)}; only
   * queue/channel pairs that had a contact appear, ordered by queue then channel.
   */
  List<QueueFigures> queues(Instant from, Instant to);

  /**
   * Per agent and channel, the contacts the agent accepted in {@code [from, to)}, ordered by agent
   * then channel.
   */
  List<AgentFigures> agents(Instant from, Instant to);

  /**
   * One queue's figures for one channel. Durations in milliseconds; averages {@code null} when
   * there is nothing to average.
   *
   * @param thresholdSeconds the queue's service-level threshold N (as defined now)
   * @param offered contacts that entered the queue (answered, abandoned, cancelled or still open)
   * @param answered contacts an agent accepted; a call handed back after its agent's page closed
   *     (ADR 0052) counts once, at its first accept, even when its caller left while it waited
   *     again (ADR 0054)
   * @param answeredWithin of those, first accepted within N of entering the queue
   * @param abandoned contacts whose customer left before any agent accepted them
   * @param abandonedWithin of those, left within N
   * @param callbacks waiting callers who asked to be called back
   * @param transferredOut answered contacts whose agent sent them on to another queue
   * @param transferredIn contacts that entered this queue by a transfer from another queue (also in
   *     {@code offered})
   * @param averageSpeedOfAnswerMillis mean time from entering the queue to the first accept
   * @param averageHandleMillis mean time from the accept to the end, over completed contacts
   * @param longestWaitMillis the longest time a contact waited before it was first accepted or left
   */
  record QueueFigures(
      String queue,
      ContactChannel channel,
      long thresholdSeconds,
      long offered,
      long answered,
      long answeredWithin,
      long abandoned,
      long abandonedWithin,
      long callbacks,
      long transferredOut,
      long transferredIn,
      Long averageSpeedOfAnswerMillis,
      Long averageHandleMillis,
      Long longestWaitMillis) {

    /** Abandoned / offered; {@code null} when nothing was offered. */
    public Double abandonRate() {
      return offered == 0 ? null : (double) abandoned / offered;
    }

    /** SL = answered within N / answered; {@code null} when nothing was answered. */
    public Double serviceLevel() {
      return answered == 0 ? null : (double) answeredWithin / answered;
    }

    /**
     * SL2 = (answered within N + abandoned within N) / (answered + abandoned); {@code null} when no
     * contact was answered or abandoned.
     */
    public Double serviceLevel2() {
      long all = answered + abandoned;
      return all == 0 ? null : (double) (answeredWithin + abandonedWithin) / all;
    }
  }

  /**
   * One agent's figures for one channel.
   *
   * @param handled contacts the agent accepted, a call transferred to them included
   * @param completed of those, ended (the rest are still open); a call the agent transferred to a
   *     queue ended for them at the transfer
   * @param handleMillis total time from accept to end over the completed contacts (talk time, for
   *     calls)
   * @param averageHandleMillis {@code handleMillis / completed}; {@code null} when none completed
   * @param transfersOut of the handled contacts, those the agent sent on to another queue
   * @param transfersIn of the handled contacts, those that came to the agent by a transfer
   */
  record AgentFigures(
      String agentId,
      ContactChannel channel,
      long handled,
      long completed,
      long handleMillis,
      Long averageHandleMillis,
      long transfersOut,
      long transfersIn) {}
}
