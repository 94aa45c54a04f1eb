package io.contactcenter.tickets;

import io.contactcenter.common.Worded;

/**
 * The change is not allowed in the ticket's status (e.g. closed to open, reply to a closed one).
 * The message is English; the message key ({@code problem.ticket.*}) and its arguments let the app
 * say it in the reader's language.
 */
public class TicketStateConflictException extends RuntimeException implements Worded {

  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final transient Object[] arguments;

  public TicketStateConflictException(String messageKey, String english, Object... arguments) {
    super(english);
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
