package io.contactcenter.pbx;

/** The caller hung up; the session is over. Handlers let it propagate or end their flow. */
public final class CallerHungUpException extends RuntimeException {

  public CallerHungUpException(String callId, Throwable cause) {
    super("caller hung up on call " + callId, cause);
  }
}
