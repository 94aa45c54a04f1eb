package io.contactcenter.common;

/**
 * Input a person got wrong (a malformed call window, an unknown day), told by a message key and the
 * values it names, so that the answer (HTTP 400) is in the reader's language; the message is the
 * English wording.
 */
public class InvalidInputException extends IllegalArgumentException implements Worded {

  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final transient Object[] arguments;

  public InvalidInputException(String messageKey, String english, Object... arguments) {
    super(english);
    this.messageKey = messageKey;
    this.arguments = arguments.clone();
  }

  /** The same, caused by {@code cause} (e.g. a parse error of the JDK). */
  public InvalidInputException(
      String messageKey, String english, Throwable cause, Object... arguments) {
    super(english, cause);
    this.messageKey = messageKey;
    this.arguments = arguments.clone();
  }

  @Override
  public String messageKey() {
    return messageKey;
  }

  @Override
  public Object[] messageArguments() {
    return arguments.clone();
  }

  @Override
  public String english() {
    return getMessage();
  }
}
