package io.contactcenter.common;

/** A string that was offered as a phone number is not one; the message says why. */
public final class InvalidPhoneNumberException extends IllegalArgumentException {

  public InvalidPhoneNumberException(String message) {
    super(message);
  }
}
