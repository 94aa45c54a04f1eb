package io.contactcenter.routing;

import java.time.Duration;

/**
 * Where a waiting contact stands, for the caller's announcements.
 *
 * @param queue the queue it waits in
 * @param position 1 for the next contact of its queue to be offered, counted in the global order
 * @param estimatedWait how much longer it will likely wait: the contacts ahead of it divided among
 *     the queue's logged-in agents, each taking the average handle time
 * @param callback whether the customer asked to be called back (and hung up) while keeping the
 *     place
 */
public record QueuePlace(String queue, int position, Duration estimatedWait, boolean callback) {}
