package io.contactcenter.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of one call leg as Asterisk names it (its {@code Uniqueid}, e.g. {@code 1764680000.42}, or
 * {@code cc-<attempt id>} for an originated call). It also names the call's recording. On the wire
 * (JSON) it is the plain string.
 *
 * @param value the id as Asterisk gave it
 */
public record CallId(@JsonValue String value) {

  public CallId {
    if (value == null || value.isBlank() || value.length() > 150) {
      throw new IllegalArgumentException(
          "a call id is 1 to 150 characters, was "
              + (value == null ? "nothing" : "'" + value + "'"));
    }
  }

  /**
   * The id as given.
   *
   * @throws IllegalArgumentException if it is empty or too long
   */
  @JsonCreator
  public static CallId of(String value) {
    return new CallId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
