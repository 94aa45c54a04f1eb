package io.contactcenter.routing.internal;

import static io.contactcenter.routing.internal.RoutingTypes.channel;
import static io.contactcenter.routing.internal.RoutingTypes.domainId;
import static io.contactcenter.routing.internal.RoutingTypes.publicId;

import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.QueuePlace;
import io.contactcenter.routing.QueueServiceLevel;
import io.contactcenter.routing.WaitingContact;
import io.contactcenter.routing.internal.domain.Contact;
import io.contactcenter.routing.internal.domain.QueueId;
import io.contactcenter.routing.internal.domain.QueueStatistics;
import io.contactcenter.routing.internal.domain.WaitEstimate;
import java.util.List;
import java.util.Optional;

/**
 * What the queues look like now, read from this term's distributor: service levels and waiting
 * contacts for supervisors and the wallboard, a waiting caller's place and expected wait.
 */
final class QueueSnapshots {

  private final RoutingTerm term;
  private final QueueCatalog queues;
  private final HandleTimeAverage handleTime;

  QueueSnapshots(RoutingTerm term, QueueCatalog queues, HandleTimeAverage handleTime) {
    this.term = term;
    this.queues = queues;
    this.handleTime = handleTime;
  }

  List<QueueServiceLevel> serviceLevels() {
    List<Contact> waiting = term.distributor().waiting();
    return queues.ids().stream()
        .sorted((a, b) -> a.value().compareTo(b.value()))
        .map(
            q -> {
              QueueStatistics s = term.distributor().statistics(q);
              int inQueue = (int) waiting.stream().filter(c -> c.queue().equals(q)).count();
              return new QueueServiceLevel(
                  q.value(),
                  s.threshold().toSeconds(),
                  s.answered(),
                  s.answeredWithin(),
                  s.abandoned(),
                  s.abandonedWithin(),
                  s.serviceLevel().isPresent() ? s.serviceLevel().getAsDouble() : null,
                  s.serviceLevel2().isPresent() ? s.serviceLevel2().getAsDouble() : null,
                  inQueue);
            })
        .toList();
  }

  List<WaitingContact> waiting() {
    return term.distributor().waiting().stream()
        .map(
            c ->
                new WaitingContact(
                    publicId(c.id()),
                    channel(c.channel()),
                    c.queue().value(),
                    c.priority(),
                    c.enqueuedAt()))
        .toList();
  }

  Optional<QueuePlace> place(ContactId id) {
    var contact = term.distributor().waitingContact(domainId(id));
    if (contact.isEmpty()) {
      return Optional.empty();
    }
    int position = term.distributor().position(domainId(id));
    if (position == 0) {
      return Optional.empty(); // offered between the two looks
    }
    QueueId queue = contact.get().queue();
    return Optional.of(
        new QueuePlace(
            queue.value(),
            position,
            WaitEstimate.of(
                position, term.distributor().agentsServing(queue), handleTime.current()),
            contact.get().callback()));
  }
}
