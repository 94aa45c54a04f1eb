package io.contactcenter.routing.internal.domain;

/** A queue's name, e.g. {@code orders} or {@code general}. */
public record QueueId(String value) {

  public QueueId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("queue id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
