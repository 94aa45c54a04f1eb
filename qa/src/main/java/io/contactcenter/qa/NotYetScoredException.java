package io.contactcenter.qa;

/** A conversation cannot be reviewed before it is transcribed and scored. */
public class NotYetScoredException extends RuntimeException {

  public NotYetScoredException(String conversationId) {
    super("conversation " + conversationId + " is not transcribed and scored yet");
  }
}
