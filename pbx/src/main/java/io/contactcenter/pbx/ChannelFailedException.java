package io.contactcenter.pbx;

/** An operation on a live channel failed for a reason other than the caller hanging up. */
public final class ChannelFailedException extends RuntimeException {

  public ChannelFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  public ChannelFailedException(String message) {
    super(message);
  }
}
