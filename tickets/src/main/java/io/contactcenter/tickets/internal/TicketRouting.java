package io.contactcenter.tickets.internal;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentStateConflictException;
import io.contactcenter.routing.AgentStoppedTakingContacts;
import io.contactcenter.routing.ContactAccepted;
import io.contactcenter.routing.ContactAlreadyRoutedException;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactNotOfferedException;
import io.contactcenter.routing.ContactOffered;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.NewContact;
import io.contactcenter.routing.UnknownAgentException;
import io.contactcenter.routing.UnknownQueueException;
import io.contactcenter.routing.WithdrawReason;
import io.contactcenter.tickets.CustomerTier;
import io.contactcenter.tickets.TicketAssigned;
import io.contactcenter.tickets.TicketOpened;
import io.contactcenter.tickets.TicketPriority;
import io.contactcenter.tickets.TicketStatusChanged;
import io.contactcenter.tickets.internal.domain.RoutingReconciliation;
import io.contactcenter.tickets.internal.domain.RoutingReconciliation.Place;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tickets of groups without a round robin are assigned by the ACD, as ticket contacts: a new or
 * unassigned ticket waits in its group's queue (VIP customers first, then by the ticket's priority,
 * then in the global order); an offer of a ticket is taken on the agent's behalf, since a ticket
 * does not ring; the accepting agent becomes the assignee and holds it against their ticket
 * capacity until it is solved, closed or assigned to someone else. A ticket the agent has not acted
 * on goes back to the queue when the agent goes not ready or logs out, or after {@code
 * firstActionTimeout}.
 *
 * <p>The listeners run after the change committed and outside any transaction: routing runs its
 * pass on its own thread right after an enqueue, and must see the contact's row. Every listener
 * only reconciles the ticket (see {@link RoutingReconciliation}), so a redelivered or reordered
 * event is harmless.
 */
class TicketRouting {

  private static final Logger log = LoggerFactory.getLogger(TicketRouting.class);
  private static final String PREFIX = "ticket:";

  private final JdbcTicketRouting places;
  private final TicketService desk;
  private final ContactRouting routing;
  private final AgentDesk agents;
  private final TicketProperties config;
  private final Clock clock;

  /** Reconciling one ticket is serialized in this instance; the stores' moves across instances. */
  private final ReentrantLock[] stripes = new ReentrantLock[64];

  TicketRouting(
      JdbcTicketRouting places,
      TicketService desk,
      ContactRouting routing,
      AgentDesk agents,
      TicketProperties config,
      Clock clock) {
    this.places = places;
    this.desk = desk;
    this.routing = routing;
    this.agents = agents;
    this.config = config;
    this.clock = clock;
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  @Async
  @TransactionalEventListener
  public void on(TicketOpened opened) {
    reconcile(opened.ticketId());
  }

  @Async
  @TransactionalEventListener
  public void on(TicketAssigned assigned) {
    reconcile(assigned.ticketId());
  }

  @Async
  @TransactionalEventListener
  public void on(TicketStatusChanged changed) {
    reconcile(changed.ticketId());
  }

  /** A ticket does not ring: its offer is taken for the agent at once. */
  @Async
  @TransactionalEventListener
  public void on(ContactOffered offered) {
    Optional<String> ticketId = ticketOf(offered.channel(), offered.id());
    if (ticketId.isEmpty()
        || places.snapshot(ticketId.get()).map(s -> s.place() != Place.QUEUED).orElse(true)) {
      return; // not a ticket of this desk, or no longer waiting for an agent
    }
    try {
      agents.accept(offered.agentId(), offered.id());
    } catch (ContactNotOfferedException | AgentStateConflictException | UnknownAgentException e) {
      // Withdrawn, rung out or the agent left meanwhile: routing offers it again.
      log.info(
          "ticket {} offered to {} not taken: {}",
          ticketId.get(),
          offered.agentId(),
          e.getMessage());
    }
  }

  @Async
  @TransactionalEventListener
  public void on(ContactAccepted accepted) {
    Optional<String> ticketId = ticketOf(accepted.channel(), accepted.id());
    if (ticketId.isPresent() && desk.routedTo(ticketId.get(), accepted.agentId())) {
      log.info("ticket {} assigned to {} by routing", ticketId.get(), accepted.agentId());
      reconcile(ticketId.get());
    }
  }

  @Async
  @TransactionalEventListener
  public void on(AgentStoppedTakingContacts away) {
    String reason =
        away.reason().isEmpty()
            ? "returned to routing: " + away.agentId() + " logged out"
            : "returned to routing: " + away.agentId() + " not ready (" + away.reason() + ")";
    for (JdbcTicketRouting.Held held : places.unactedOf(away.agentId())) {
      if (desk.takeBackUnacted(held.ticketId(), held.agent(), reason)) {
        reconcile(held.ticketId());
      }
    }
  }

  /** Tickets whose agent has not acted within the first-action timeout go back to routing. */
  void takeBackIdle() {
    Duration timeout = config.routing().firstActionTimeout();
    for (JdbcTicketRouting.Held held : places.unactedSince(clock.instant().minus(timeout), 100)) {
      String reason =
          "returned to routing: "
              + held.agent()
              + " did not act within "
              + (timeout.toSeconds() < 120
                  ? timeout.toSeconds() + " s"
                  : timeout.toMinutes() + " min");
      if (desk.takeBackUnacted(held.ticketId(), held.agent(), reason)) {
        reconcile(held.ticketId());
      }
    }
  }

  /** Brings the ticket's place in routing in line with the ticket, step by step. */
  void reconcile(String ticketId) {
    ReentrantLock lock = stripes[Math.floorMod(ticketId.hashCode(), stripes.length)];
    lock.lock();
    try {
      for (int i = 0; i < 4; i++) {
        Optional<JdbcTicketRouting.Snapshot> read = places.snapshot(ticketId);
        if (read.isEmpty()) {
          return;
        }
        JdbcTicketRouting.Snapshot s = read.get();
        RoutingReconciliation.Step step =
            RoutingReconciliation.next(
                s.status().isActive(), s.assignee(), routed(s.group()), s.place(), s.routedAgent());
        if (step instanceof RoutingReconciliation.Keep) {
          return;
        }
        apply(s, step);
      }
    } finally {
      lock.unlock();
    }
  }

  private void apply(JdbcTicketRouting.Snapshot s, RoutingReconciliation.Step step) {
    ContactId contact = ContactId.of(ContactChannel.TICKET, s.ticketId());
    switch (step) {
      case RoutingReconciliation.Keep keep -> {}
      case RoutingReconciliation.Enqueue enqueue -> {
        if (places.move(s.ticketId(), Place.NONE, null, Place.QUEUED)) {
          enqueue(s);
        }
      }
      case RoutingReconciliation.Withdraw withdraw -> {
        if (places.move(s.ticketId(), Place.QUEUED, null, Place.NONE)) {
          // False when an agent has just accepted it: their ContactAccepted releases it again.
          routing.withdraw(contact, WithdrawReason.CANCELLED);
        }
      }
      case RoutingReconciliation.Release release -> {
        Place to = release.requeue() ? Place.QUEUED : Place.NONE;
        if (places.move(s.ticketId(), Place.ASSIGNED, release.agent(), to)) {
          try {
            agents.complete(release.agent(), contact);
          } catch (ContactNotOfferedException
              | AgentStateConflictException
              | UnknownAgentException e) {
            // This instance's routing does not hold it (restarted, or another instance's agent).
            log.warn(
                "ticket {}: routing contact of {} not completed: {}",
                s.ticketId(),
                release.agent(),
                e.getMessage());
          }
          if (release.requeue()) {
            enqueue(s);
          }
        }
      }
    }
  }

  private void enqueue(JdbcTicketRouting.Snapshot s) {
    String queue = queueOf(s.group());
    try {
      routing.enqueue(
          new NewContact(
              ContactChannel.TICKET,
              s.ticketId(),
              queue,
              s.tier() == CustomerTier.VIP,
              customer(s),
              weight(s.priority())));
      log.info("ticket {} waits in routing queue {}", s.ticketId(), queue);
    } catch (UnknownQueueException e) {
      places.move(s.ticketId(), Place.QUEUED, null, Place.NONE);
      log.warn("ticket {} stays with group {}: {}", s.ticketId(), s.group(), e.getMessage());
    } catch (ContactAlreadyRoutedException e) {
      // Still open in routing (an agent holds it on an instance that restarted): it stays queued
      // here and is given out when routing lets it go.
      log.warn("ticket {} not queued again: {}", s.ticketId(), e.getMessage());
    }
  }

  /** A ticket's urgency ranks it among tickets; all of them stay behind calls and chats. */
  static int weight(TicketPriority priority) {
    return switch (priority) {
      case LOW -> 0;
      case NORMAL -> 1;
      case HIGH -> 2;
      case URGENT -> 3;
    };
  }

  private static String customer(JdbcTicketRouting.Snapshot s) {
    if (s.customerPhone() != null) {
      return PhoneNumber.parse(s.customerPhone()).masked();
    }
    return s.customerRef() == null ? "" : s.customerRef();
  }

  /** Whether routing assigns the group's tickets: it has no round robin of its own. */
  boolean routed(String group) {
    TicketProperties.Group g = config.groups().get(group);
    return config.routing().enabled() && (g == null || g.members().isEmpty());
  }

  String queueOf(String group) {
    TicketProperties.Group g = config.groups().get(group);
    return g == null || g.queue().isBlank() ? group : g.queue();
  }

  private static Optional<String> ticketOf(ContactChannel channel, ContactId id) {
    String value = id.value();
    if (channel != ContactChannel.TICKET || !value.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
      return Optional.empty();
    }
    return Optional.of(value.substring(PREFIX.length()));
  }
}
