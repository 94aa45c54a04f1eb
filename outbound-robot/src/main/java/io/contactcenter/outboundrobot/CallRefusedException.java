package io.contactcenter.outboundrobot;

import io.contactcenter.common.Worded;
import java.util.Optional;

/**
 * The robot refuses a call its script cannot speak: a variable missing, unknown or in a form the
 * voice cannot read (money, date, digits), a language the script has no prompts in, or a pinned
 * script version that does not exist. A rule decision about a well-formed request (HTTP 422,
 * problem type {@code call-refused}); nothing was stored or dialed. The message names what is
 * wrong.
 */
public class CallRefusedException extends RuntimeException {

  private final transient Worded wording;

  public CallRefusedException(String message) {
    super(message);
    this.wording = null;
  }

  public CallRefusedException(String message, Throwable cause) {
    super(message, cause);
    this.wording = null;
  }

  /** Refused for a reason the app can word in the caller's language; the message is English. */
  public CallRefusedException(Worded wording, Throwable cause) {
    super(wording.english(), cause);
    this.wording = wording;
  }

  /** The reason by message key and arguments, where the robot gives one. */
  public Optional<Worded> wording() {
    return Optional.ofNullable(wording);
  }
}
