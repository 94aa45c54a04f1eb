package io.contactcenter.routing.internal;

import io.contactcenter.routing.ContactRouting;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * The routing events the last routing instance stored and had not yet delivered when it died (ADR
 * 0053). Routing events are published only by the instance that routes, in the transaction of the
 * decision; the event publication registry delivers them after the commit to Kafka and to the other
 * modules' listeners (a chat becomes the agent's when its contact is accepted). An instance killed
 * between the commit and the delivery leaves them incomplete in the registry, and the registry
 * sends them again only when an instance restarts. So the instance that takes the lead sends them
 * again at once: the routing events published before its term began and after this instance started
 * (the older ones were sent again at this instance's start, {@code
 * spring.modulith.events.republish-outstanding-events-on-restart}). Listeners are idempotent; a
 * Kafka consumer may see such an event twice, as after any restart.
 */
final class LeftoverRoutingEvents {

  private static final Logger log = LoggerFactory.getLogger(LeftoverRoutingEvents.class);
  private static final String ROUTING_EVENTS = ContactRouting.class.getPackageName();

  private final Optional<IncompleteEventPublications> publications;
  private final Clock clock;
  private final Instant started;

  LeftoverRoutingEvents(Optional<IncompleteEventPublications> publications, Clock clock) {
    this.publications = publications;
    this.clock = clock;
    this.started = clock.instant();
  }

  /** Sends again the routing events left incomplete before {@code termStart}. */
  void resubmit(Instant termStart) {
    if (publications.isEmpty() || !termStart.isAfter(started)) {
      return;
    }
    AtomicInteger count = new AtomicInteger();
    try {
      publications
          .get()
          .resubmitIncompletePublications(
              p -> {
                boolean left = leftBefore(p, started, termStart);
                if (left) {
                  count.incrementAndGet();
                }
                return left;
              });
      if (count.get() > 0) {
        // Each listener's delivery is a publication of its own: Kafka's, the chat's, ...
        log.info(
            "{} routing event deliveries the last routing instance left undone sent again",
            count.get());
      }
    } catch (RuntimeException e) {
      // The database could not be read: the next restart of any instance sends them.
      log.warn("routing events left undelivered not sent again: {}", e.toString());
    }
  }

  /** Now, as a term's start. */
  Instant now() {
    return clock.instant();
  }

  /** A routing event published after {@code since} and before {@code termStart}. */
  static boolean leftBefore(EventPublication p, Instant since, Instant termStart) {
    Object event = p.getEvent();
    Instant at = p.getPublicationDate();
    return event != null
        && event.getClass().getPackageName().equals(ROUTING_EVENTS)
        && !at.isBefore(since)
        && at.isBefore(termStart);
  }
}
