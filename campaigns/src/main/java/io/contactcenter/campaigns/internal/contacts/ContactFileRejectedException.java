package io.contactcenter.campaigns.internal.contacts;

import io.contactcenter.common.Worded;

/**
 * The contact file as a whole cannot be imported (it is empty, has no phone column, or its header
 * row is unreadable); the message says why in a sentence fit to show the uploader, and the message
 * key ({@code problem.contact-file.*}) with its arguments lets the app say it in the uploader's
 * language. Problems with single rows are never thrown: they are reported as {@link
 * ContactRow.Rejected}.
 */
public final class ContactFileRejectedException extends RuntimeException implements Worded {

  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final transient Object[] arguments;

  public ContactFileRejectedException(String messageKey, String english, Object... arguments) {
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
