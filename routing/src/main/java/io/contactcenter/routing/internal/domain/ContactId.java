package io.contactcenter.routing.internal.domain;

/** A waiting call, chat or ticket (for a call, its call id). */
public record ContactId(String value) {

  public ContactId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("contact id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
