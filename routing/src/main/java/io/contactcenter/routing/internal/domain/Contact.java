package io.contactcenter.routing.internal.domain;

import java.time.Instant;

/**
 * A contact as it waits: its original enqueue time and priority fix its place in the global order
 * for its whole life (a ring timeout or a callback does not move it back).
 */
public record Contact(
    ContactId id,
    Channel channel,
    QueueId queue,
    boolean vip,
    int priority,
    Instant enqueuedAt,
    long sequence,
    boolean callback) {

  Contact asCallback() {
    return new Contact(id, channel, queue, vip, priority, enqueuedAt, sequence, true);
  }
}
