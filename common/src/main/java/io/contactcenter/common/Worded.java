package io.contactcenter.common;

/**
 * A sentence for a person, told by a message key and its arguments so that the application can word
 * it in the reader's language (the app's {@code messages*.properties}); {@link #english()} is the
 * English wording, for logs and for callers without the bundles. An argument that is itself {@code
 * Worded} is worded in the same language (a day name, a status, a nested reason).
 */
public interface Worded {

  /** The full message key, e.g. {@code problem.call-window.unknown-day}. */
  String messageKey();

  /** The values the message names (the wrong field, line or value), in the key's order. */
  Object[] messageArguments();

  /** The English wording. */
  String english();
}
