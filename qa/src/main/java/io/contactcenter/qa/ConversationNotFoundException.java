package io.contactcenter.qa;

/** No conversation with that id is known to QA (never recorded, or not yet ended). */
public class ConversationNotFoundException extends RuntimeException {

  public ConversationNotFoundException(String conversationId) {
    super("no conversation " + conversationId);
  }
}
