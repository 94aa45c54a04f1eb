package io.contactcenter.pbx;

/** Asterisk could not be reached or refused a request; the message says which. */
public final class PbxUnavailableException extends RuntimeException {

  public PbxUnavailableException(String message) {
    super(message);
  }

  public PbxUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
