package io.contactcenter.tickets;

import java.time.Instant;

/**
 * A named ticket list filter: a user's own, or shared with the team by a supervisor.
 *
 * @param viewId e.g. {@code V-3f2a…}
 * @param owner who saved it
 * @param shared whether every agent sees it (only supervisors and admins share views)
 */
public record SavedView(
    String viewId,
    String name,
    String owner,
    boolean shared,
    TicketFilter filter,
    Instant updatedAt) {}
