package io.contactcenter.outboundrobot;

/**
 * The robot refuses a call its script cannot speak: a variable missing, unknown or in a form the
 * voice cannot read (money, date, digits), a language the script has no prompts in, or a pinned
 * script version that does not exist. A rule decision about a well-formed request (HTTP 422,
 * problem type {@code call-refused}); nothing was stored or dialed. The message names what is
 * wrong.
 */
public class CallRefusedException extends RuntimeException {

  public CallRefusedException(String message) {
    super(message);
  }

  public CallRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
