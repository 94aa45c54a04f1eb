package io.contactcenter.routing.internal;

import static io.contactcenter.routing.internal.RoutingTypes.channel;
import static io.contactcenter.routing.internal.RoutingTypes.domainId;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.routing.CallbackRequested;
import io.contactcenter.routing.ContactAbandoned;
import io.contactcenter.routing.ContactAlreadyRoutedException;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactQueued;
import io.contactcenter.routing.NewContact;
import io.contactcenter.routing.UnknownQueueException;
import io.contactcenter.routing.WithdrawReason;
import io.contactcenter.routing.internal.domain.Contact;
import io.contactcenter.routing.internal.domain.Offer;
import io.contactcenter.routing.internal.domain.QueueDefinition;
import io.contactcenter.routing.internal.domain.QueueId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Contacts entering and leaving the queues: enqueued, withdrawn (the customer left, or handled
 * another way) and turned into callbacks. Each change is stored first; a new contact joins the
 * waiting order only once its row is committed.
 */
final class ContactIntake {

  private static final Logger log = LoggerFactory.getLogger(ContactIntake.class);

  private final RoutingTerm term;
  private final QueueCatalog queues;
  private final AgentStatuses statuses;
  private final JdbcContacts contacts;
  private final List<OfferListener> offerListeners;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Runnable kick;

  ContactIntake(
      RoutingTerm term,
      QueueCatalog queues,
      AgentStatuses statuses,
      JdbcContacts contacts,
      List<OfferListener> offerListeners,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock,
      Runnable kick) {
    this.term = term;
    this.queues = queues;
    this.statuses = statuses;
    this.contacts = contacts;
    this.offerListeners = offerListeners;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
    this.kick = kick;
  }

  ContactId enqueue(NewContact contact) {
    return enqueue(contact, null);
  }

  /**
   * @param transferInId the transfer this part of the contact begins with (ADR 0041), for the
   *     reports; {@code null} for a contact that comes in directly
   */
  ContactId enqueue(NewContact contact, Long transferInId) {
    QueueDefinition queue = queues.definition(new QueueId(contact.queue()));
    if (queue == null) {
      throw new UnknownQueueException(
          contact.queue(), queues.ids().stream().map(QueueId::value).sorted().toList());
    }
    ContactId id = contact.id();
    int priority =
        queues.priorities().priority(contact.vip(), channel(contact.channel()), queue)
            + contact.weight();
    Instant now = clock.instant();
    tx.executeWithoutResult(
        status -> {
          if (!contacts.insertWaiting(contact, priority, now, transferInId)) {
            throw new ContactAlreadyRoutedException("contact " + id + " is already in routing");
          }
          events.publishEvent(
              new ContactQueued(
                  id, contact.channel(), contact.queue(), contact.vip(), priority, now));
        });
    // Into the waiting order only once its row is committed: a routing pass (its own thread, every
    // pass-interval) that offered the contact before would find no waiting row to mark offered and
    // drop it from the order for good, leaving it waiting in the database and never offered.
    term.rememberCustomer(id, contact.customer());
    try {
      term.distributor()
          .enqueue(
              domainId(id),
              channel(contact.channel()),
              queue.id(),
              contact.vip(),
              contact.weight());
    } catch (IllegalArgumentException alreadyHere) {
      // Already in this instance's order (put back meanwhile): it is routed once all the same.
      log.debug("contact {} already waiting here: {}", id, alreadyHere.getMessage());
    }
    log.info("contact {} queued in {} (priority {})", id, contact.queue(), priority);
    kick.run();
    return id;
  }

  boolean withdraw(ContactId id, WithdrawReason reason) {
    Instant now = clock.instant();
    String state = reason == WithdrawReason.CUSTOMER_LEFT ? "ABANDONED" : "CANCELLED";
    Optional<Offer> ringing =
        tx.execute(
            status -> {
              Optional<JdbcContacts.Ended> ended = contacts.endWaiting(id, state, now);
              if (ended.isEmpty()) {
                return null;
              }
              JdbcContacts.Ended e = ended.get();
              Optional<Offer> offer =
                  reason == WithdrawReason.CUSTOMER_LEFT
                      ? term.distributor().abandon(domainId(id))
                      : term.distributor().withdraw(domainId(id));
              events.publishEvent(
                  new ContactAbandoned(
                      id,
                      e.channel(),
                      e.queue(),
                      reason,
                      Duration.between(e.enqueuedAt(), now).toMillis(),
                      now));
              return offer;
            });
    if (ringing == null) {
      return false;
    }
    term.forget(id);
    log.info("contact {} withdrawn: {}", id, reason);
    ringing.ifPresent(
        offer -> {
          offerListeners.forEach(l -> l.offerEnded(offer));
          statuses.announce(offer.agent().value());
        });
    kick.run();
    return true;
  }

  boolean requestCallback(ContactId id, PhoneNumber number) {
    if (!id.value().startsWith("voice:")) {
      return false;
    }
    Boolean taken =
        tx.execute(
            status -> {
              if (!contacts.markCallback(id, number.e164())) {
                return false;
              }
              Optional<Contact> waiting = term.distributor().waitingContact(domainId(id));
              if (waiting.isEmpty() || !term.distributor().takeCallback(domainId(id))) {
                status.setRollbackOnly();
                return false;
              }
              events.publishEvent(
                  new CallbackRequested(id, waiting.get().queue().value(), clock.instant()));
              term.rememberCallback(id, number);
              return true;
            });
    if (Boolean.TRUE.equals(taken)) {
      log.info("contact {} will be called back, keeping its place", id);
      return true;
    }
    return false;
  }
}
