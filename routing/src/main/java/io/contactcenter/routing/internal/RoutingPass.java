package io.contactcenter.routing.internal;

import static io.contactcenter.routing.internal.RoutingTypes.channel;
import static io.contactcenter.routing.internal.RoutingTypes.domainId;
import static io.contactcenter.routing.internal.RoutingTypes.publicId;

import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactOffered;
import io.contactcenter.routing.internal.domain.Offer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A routing pass (on the routing thread only): due callbacks and contacts this leader does not hold
 * wait again, rung-out offers go back, then new offers are made. Each offer is reserved by a
 * conditional UPDATE fenced by this leader's term; one whose row changed meanwhile is dropped.
 */
final class RoutingPass {

  private static final Logger log = LoggerFactory.getLogger(RoutingPass.class);

  private final RoutingTerm term;
  private final AgentStatuses statuses;
  private final ContactHandling handling;
  private final CallbackAttempts callbacks;
  private final JdbcContacts contacts;
  private final JdbcContacts.Fence fence;
  private final List<OfferListener> offerListeners;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;
  // When the next look for waiting contacts this leader does not hold may run (routing thread).
  private Instant nextOrphanLook = Instant.MIN;

  RoutingPass(
      RoutingTerm term,
      AgentStatuses statuses,
      ContactHandling handling,
      CallbackAttempts callbacks,
      JdbcContacts contacts,
      JdbcContacts.Fence fence,
      List<OfferListener> offerListeners,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock) {
    this.term = term;
    this.statuses = statuses;
    this.handling = handling;
    this.callbacks = callbacks;
    this.contacts = contacts;
    this.fence = fence;
    this.offerListeners = offerListeners;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  /** One pass: ring-outs first (their contacts go back), then new offers. */
  void run() {
    callbacks.restoreDue();
    adoptOrphans();
    for (Offer expired : term.distributor().expireOffers()) {
      tx.executeWithoutResult(
          status ->
              contacts.backToWaiting(publicId(expired.contact().id()), expired.agent().value()));
      log.info(
          "offer of contact {} to agent {} rang out; agent set not ready",
          expired.contact().id(),
          expired.agent());
      offerListeners.forEach(l -> l.offerEnded(expired));
    }
    for (Offer offer : term.distributor().route()) {
      ContactId id = publicId(offer.contact().id());
      String agentId = offer.agent().value();
      Boolean reserved =
          tx.execute(
              status -> {
                if (!contacts.markOffered(id, agentId, offer.offeredAt(), fence)) {
                  return false;
                }
                events.publishEvent(
                    new ContactOffered(
                        id,
                        channel(offer.contact().channel()),
                        offer.contact().queue().value(),
                        agentId,
                        offer.offeredAt(),
                        offer.expiresAt()));
                return true;
              });
      if (!Boolean.TRUE.equals(reserved)) {
        // Ended or reserved elsewhere between our decision and the row update.
        term.distributor().withdraw(offer.contact().id());
        continue;
      }
      log.info("contact {} offered to agent {}", id, agentId);
      String customer = term.customer(id);
      try {
        offerListeners.forEach(l -> l.offered(offer, customer));
      } catch (RuntimeException e) {
        log.warn("could not present contact {} to agent {}: {}", id, agentId, e.toString());
        handling.phoneFailed(agentId, id, VoiceCallEvents.PHONE_FAILED);
      }
    }
    // Wrap-ups that ran out and offers made or ended change what agents see.
    statuses.announceAll();
  }

  /** The take-over has just read every waiting row: the next look for orphans comes in 5 s. */
  void lookedForOrphans() {
    nextOrphanLook = clock.instant().plusSeconds(5);
  }

  /**
   * Every 5 s puts back the contacts PostgreSQL has waiting and this leader does not hold: ones an
   * instance that had just lost the lead still took (ADR 0030), so none is lost. A contact enters
   * this engine's order only just after its row commits: one put back here in that moment is not
   * queued twice (its enqueue finds it waiting already).
   */
  private void adoptOrphans() {
    Instant now = clock.instant();
    if (now.isBefore(nextOrphanLook)) {
      return;
    }
    nextOrphanLook = now.plusSeconds(5);
    List<JdbcContacts.Open> waitingRows = contacts.waitingRoutable();
    for (JdbcContacts.Open c : waitingRows) {
      if (term.distributor().waitingContact(domainId(c.id())).isPresent()) {
        continue;
      }
      try {
        if (term.restore(c)) {
          log.warn("contact {} was waiting unknown to the routing instance; it waits now", c.id());
          if (c.channel() == ContactChannel.VOICE && c.callbackNumber() == null) {
            // Queued through another instance: its hang-up may be one this instance never sees.
            term.adoptCall(c.id());
          }
        }
      } catch (IllegalArgumentException offeredMeanwhile) {
        // Being offered or with an agent here: the row follows in a moment.
      }
    }
  }
}
