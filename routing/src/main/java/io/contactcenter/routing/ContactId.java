package io.contactcenter.routing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A contact in routing: its channel and the channel's own id ({@code voice:<call id>}, {@code
 * chat:<chat id>}, {@code ticket:<ticket id>}), so the same call or chat is one contact whoever
 * enqueues it.
 */
public record ContactId(String value) {

  public ContactId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("contact id must not be blank");
    }
    if (value.length() > 200) {
      throw new IllegalArgumentException("contact id must be at most 200 characters");
    }
  }

  @JsonCreator
  public static ContactId of(String value) {
    return new ContactId(value);
  }

  /** The contact of a channel's own id, e.g. {@code of(VOICE, "1700000000.42")}. */
  public static ContactId of(ContactChannel channel, String reference) {
    return new ContactId(channel.name().toLowerCase(java.util.Locale.ROOT) + ":" + reference);
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
