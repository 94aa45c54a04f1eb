package io.contactcenter.campaigns.internal.contacts;

/**
 * The contact file as a whole cannot be imported (it is empty, has no phone column, or its header
 * row is unreadable); the message says why in a sentence fit to show the uploader. Problems with
 * single rows are never thrown: they are reported as {@link ContactRow.Rejected}.
 */
public final class ContactFileRejectedException extends RuntimeException {

  public ContactFileRejectedException(String message) {
    super(message);
  }
}
