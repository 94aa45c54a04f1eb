package io.contactcenter.routing;

import java.time.Instant;

/** A contact waiting for an agent, as a wallboard or an announcement shows it. */
public record WaitingContact(
    ContactId id, ContactChannel channel, String queue, int priority, Instant enqueuedAt) {}
