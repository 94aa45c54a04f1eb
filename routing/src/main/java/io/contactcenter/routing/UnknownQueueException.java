package io.contactcenter.routing;

import io.contactcenter.common.Worded;

/**
 * The contact names a queue that is not defined. The message is English; the message key ({@code
 * problem.unknown-queue}) and its arguments (the queue named, the queues there are) let the app say
 * it in the reader's language.
 */
public class UnknownQueueException extends RuntimeException implements Worded {

  private static final long serialVersionUID = 1L;

  private final transient Object[] arguments;

  /** The queue {@code queue} is unknown; {@code known} lists the queues there are. */
  public UnknownQueueException(String queue, java.util.Collection<String> known) {
    this(
        "unknown queue " + queue + "; queues are " + known,
        new Object[] {queue, String.join(", ", known)});
  }

  private UnknownQueueException(String message, Object[] arguments) {
    super(message);
    this.arguments = arguments;
  }

  @Override
  public String messageKey() {
    return "problem.unknown-queue";
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
