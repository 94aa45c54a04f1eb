package io.contactcenter.tickets;

import java.time.Instant;
import java.util.List;
import org.springframework.modulith.events.Externalized;

/**
 * A ticket's tags changed by hand. Listeners key on {@code ticketId} and {@code at}. Also on Kafka
 * topic {@code cc.tickets.tags-changed.v1}, keyed by ticket id.
 *
 * @param added tags the ticket did not have before, in the order given
 * @param removed tags the ticket had before and no longer has
 * @param tags all of the ticket's tags afterwards
 * @param actor who changed them
 */
@Externalized("cc.tickets.tags-changed.v1::#{ticketId()}")
public record TicketTagsChanged(
    String ticketId,
    List<String> added,
    List<String> removed,
    List<String> tags,
    String actor,
    Instant at) {

  public TicketTagsChanged {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    tags = List.copyOf(tags);
  }
}
