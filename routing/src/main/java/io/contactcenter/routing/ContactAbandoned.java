package io.contactcenter.routing;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * A contact left routing before any agent took it; with {@link WithdrawReason#CUSTOMER_LEFT} it
 * counts as abandoned in its queue.
 *
 * @param waitedMillis from the original enqueue time
 */
@Externalized("cc.contacts.abandoned.v1::#{id()}")
public record ContactAbandoned(
    ContactId id,
    ContactChannel channel,
    String queue,
    WithdrawReason reason,
    long waitedMillis,
    Instant at) {}
