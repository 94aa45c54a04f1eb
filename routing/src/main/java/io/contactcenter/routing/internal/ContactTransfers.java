package io.contactcenter.routing.internal;

import static io.contactcenter.routing.internal.RoutingTypes.channel;
import static io.contactcenter.routing.internal.RoutingTypes.domainId;

import io.contactcenter.routing.AgentStateConflictException;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactNotOfferedException;
import io.contactcenter.routing.ContactTransferred;
import io.contactcenter.routing.NewContact;
import io.contactcenter.routing.UnknownQueueException;
import io.contactcenter.routing.internal.domain.AgentId;
import io.contactcenter.routing.internal.domain.Channel;
import io.contactcenter.routing.internal.domain.Offer;
import io.contactcenter.routing.internal.domain.QueueId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An agent sends their live call back into the ACD for a queue (ADR 0041). The checks come first
 * and change nothing; then the voice adapter takes the caller back to music on hold (if Asterisk
 * cannot, the agent keeps the call); then the agent's part completes, the transfer is stored and
 * announced, and the call is queued again like a new arrival with its customer and VIP flag.
 */
final class ContactTransfers {

  private static final Logger log = LoggerFactory.getLogger(ContactTransfers.class);

  private final RoutingTerm term;
  private final QueueCatalog queues;
  private final AgentStatuses statuses;
  private final ContactHandling handling;
  private final ContactIntake intake;
  private final JdbcContacts contacts;
  private final List<OfferListener> offerListeners;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;

  ContactTransfers(
      RoutingTerm term,
      QueueCatalog queues,
      AgentStatuses statuses,
      ContactHandling handling,
      ContactIntake intake,
      JdbcContacts contacts,
      List<OfferListener> offerListeners,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock) {
    this.term = term;
    this.queues = queues;
    this.statuses = statuses;
    this.handling = handling;
    this.intake = intake;
    this.contacts = contacts;
    this.offerListeners = offerListeners;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  /** Runs routing's part on the routing thread, where the call's end is handled too. */
  interface Serially {
    AgentStatus run(Supplier<AgentStatus> work);
  }

  /**
   * @param serially runs the routing part after the caller left the agent, on the thread that also
   *     handles the caller's hang-up: a hang-up before it completes the agent's part (and the
   *     transfer is refused as not the agent's call any more), one after it abandons the call in
   *     the target queue
   */
  AgentStatus toQueue(String agentId, ContactId contact, String queue, Serially serially) {
    Offer open = openCall(agentId, contact, queue);
    // The caller leaves the agent first: if Asterisk cannot take them, nothing has changed.
    offerListeners.forEach(l -> l.transferring(open));
    return serially.run(() -> requeue(agentId, contact, queue));
  }

  private Offer openCall(String agentId, ContactId contact, String queue) {
    AgentId agent = statuses.loggedIn(agentId);
    Offer open =
        term.distributor().connected().stream()
            .filter(o -> o.contact().id().equals(domainId(contact)) && o.agent().equals(agent))
            .findFirst()
            .orElseThrow(
                () ->
                    new ContactNotOfferedException(
                        "agent " + agentId + " has no open call " + contact));
    if (open.contact().channel() != Channel.VOICE) {
      throw new IllegalArgumentException(
          "only calls go back into a queue this way: " + contact + " is not a call");
    }
    if (queue == null || queues.definition(new QueueId(queue)) == null) {
      throw new UnknownQueueException(
          queue, queues.ids().stream().map(QueueId::value).sorted().toList());
    }
    if (!queues.isOpen(queue)) {
      throw new AgentStateConflictException(
          "queue " + queue + " is closed now: the caller stays with you");
    }
    if (!statuses.anyAgentLoggedInFor(queue)) {
      throw new AgentStateConflictException(
          "no agent of queue " + queue + " is logged in: the caller stays with you");
    }
    return open;
  }

  private AgentStatus requeue(String agentId, ContactId contact, String queue) {
    Offer open = openCall(agentId, contact, queue);
    String customer = term.customer(contact);
    JdbcContacts.Part part = contacts.part(contact, agentId).orElse(null);
    handling.complete(agentId, contact);
    Instant now = clock.instant();
    String from = open.contact().queue().value();
    long handled = part == null ? 0 : Duration.between(part.answeredAt(), now).toMillis();
    Long transfer =
        tx.execute(
            status -> {
              long id = contacts.recordTransfer(contact, from, queue, agentId, part, now);
              events.publishEvent(
                  new ContactTransferred(
                      contact,
                      channel(open.contact().channel()),
                      from,
                      queue,
                      agentId,
                      handled,
                      now,
                      null));
              return id;
            });
    String reference = contact.value().substring(contact.value().indexOf(':') + 1);
    // The next part names this transfer, so the reports count it as the next agent's transfer in.
    intake.enqueue(
        new NewContact(ContactChannel.VOICE, reference, queue, open.contact().vip(), customer),
        transfer);
    log.info("agent {} transferred call {} from {} to queue {}", agentId, contact, from, queue);
    return statuses.status(agentId);
  }
}
