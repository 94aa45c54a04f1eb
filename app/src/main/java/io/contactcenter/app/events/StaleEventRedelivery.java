package io.contactcenter.app.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Sends again the event deliveries no instance finished, without waiting for a restart.
 *
 * <p>Every module publishes its events through the event publication registry in PostgreSQL, in the
 * transaction that made them; the registry delivers each to each listener (and to Kafka) after the
 * commit and marks it complete. A delivery is left unfinished when the instance dies between the
 * commit and the delivery, or when the listener failed (Kafka away, a lock timeout). The registry
 * sends the unfinished ones again only when an instance starts ({@code
 * spring.modulith.events.republish-outstanding-events-on-restart}), and the routing leader sends
 * the routing events of a dead leader at once (ADR 0053); a chat message or a ticket event left by
 * a dead follower, or a Kafka record whose send failed, waited for the next restart of any
 * instance.
 *
 * <p>Now one instance of the cluster at a time ({@link StaleEventRedeliveryLoop}) sends again every
 * delivery older than {@code cc.events.redeliver-after} (5 min: no listener runs that long, so a
 * delivery still running on a live instance is not sent twice). One that fails again waits twice as
 * long before the next send, up to {@code cc.events.backoff-limit}, so a listener that keeps
 * failing is not hammered every minute. Listeners are idempotent, as the registry's restart already
 * requires; a Kafka consumer may see a record twice, as after any restart (ADR 0059).
 */
public final class StaleEventRedelivery {

  private static final Logger log = LoggerFactory.getLogger(StaleEventRedelivery.class);

  /** What this instance sent of one delivery: how often, and when it may send it next. */
  private record Sent(int times, Instant next) {}

  private final Optional<IncompleteEventPublications> publications;
  private final EventRedeliveryProperties config;
  private final Clock clock;
  private final Map<UUID, Sent> sent = new ConcurrentHashMap<>();

  public StaleEventRedelivery(
      Optional<IncompleteEventPublications> publications,
      EventRedeliveryProperties config,
      Clock clock) {
    this.publications = publications;
    this.config = config;
    this.clock = clock;
  }

  /** Sends again the unfinished deliveries that are due; returns how many. */
  public int redeliver() {
    if (publications.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    Instant staleBefore = now.minus(config.redeliverAfter());
    Set<UUID> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger count = new AtomicInteger();
    try {
      publications
          .get()
          .resubmitIncompletePublications(
              p -> {
                seen.add(p.getIdentifier());
                if (!due(p, staleBefore, now)) {
                  return false;
                }
                Sent before = sent.get(p.getIdentifier());
                int times = before == null ? 1 : before.times() + 1;
                sent.put(p.getIdentifier(), new Sent(times, now.plus(backoff(times))));
                count.incrementAndGet();
                return true;
              });
    } catch (RuntimeException e) {
      // The registry could not be read: the next look tries again.
      log.warn("unfinished event deliveries not sent again: {}", e.toString());
      return 0;
    }
    // Finished (or sent by another instance and finished there): forgotten here.
    sent.keySet().retainAll(seen);
    if (count.get() > 0) {
      log.info(
          "{} event deliveries unfinished for over {} sent again",
          count.get(),
          config.redeliverAfter());
    }
    return count.get();
  }

  private boolean due(EventPublication p, Instant staleBefore, Instant now) {
    if (!p.getPublicationDate().isBefore(staleBefore)) {
      return false;
    }
    Sent before = sent.get(p.getIdentifier());
    return before == null || !now.isBefore(before.next());
  }

  /** The wait after the {@code times}-th send: doubling from redeliver-after, at most the limit. */
  Duration backoff(int times) {
    Duration wait = config.redeliverAfter();
    for (int i = 1; i < times && wait.compareTo(config.backoffLimit()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(config.backoffLimit()) > 0 ? config.backoffLimit() : wait;
  }
}
