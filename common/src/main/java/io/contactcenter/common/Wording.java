package io.contactcenter.common;

import java.util.Objects;

/**
 * A {@link Worded} value: a message key, its English wording and its arguments; e.g. a status named
 * as an argument of another message ({@code enum.ticket.CLOSED}, "CLOSED").
 */
public record Wording(String messageKey, String english, Object... arguments) implements Worded {

  public Wording {
    Objects.requireNonNull(messageKey, "messageKey is required");
    Objects.requireNonNull(english, "english is required");
    arguments = arguments == null ? new Object[0] : arguments.clone();
  }

  @Override
  public Object[] messageArguments() {
    return arguments.clone();
  }

  @Override
  public String toString() {
    return english;
  }
}
