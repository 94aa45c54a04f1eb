package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatEnded;
import io.contactcenter.onlinechat.ChatHandoffRequested;
import io.contactcenter.onlinechat.internal.ChatRefusedException.Kind;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The changes of a conversation's state other modules hear of: handed over ({@link
 * ChatHandoffRequested}) and ended ({@link ChatEnded}), each published in the transaction that
 * stores the new state, so the event publication registry cannot lose it.
 */
class ChatStateChanges {

  private static final Logger log = LoggerFactory.getLogger(ChatStateChanges.class);

  /** The client id of the system message that closes a conversation's transcript. */
  static final String ENDED_MESSAGE = "ended";

  private final JdbcConversations conversations;
  private final ChatTranscript transcript;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;

  ChatStateChanges(
      JdbcConversations conversations,
      ChatTranscript transcript,
      ApplicationEventPublisher events,
      TransactionTemplate tx,
      Clock clock) {
    this.conversations = conversations;
    this.transcript = transcript;
    this.events = events;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Marks the conversation waiting and announces it once. The routing side ({@link ChatHandoffs})
   * then queues it and tells the visitor their position, or opens a ticket.
   */
  void handOver(Conversation c, ChatHandoffRequested.Reason reason, String replyId) {
    Instant at = clock.instant();
    Boolean handed =
        tx.execute(
            s -> {
              if (!conversations.handOver(c.conversationId(), at)) {
                return false;
              }
              // Published inside the transaction: the event publication registry stores it with
              // the state change, so a crash cannot lose the handoff.
              events.publishEvent(
                  new ChatHandoffRequested(
                      c.conversationId(),
                      c.site(),
                      c.language(),
                      c.customer().id(),
                      c.customer().name(),
                      reason,
                      at));
              return true;
            });
    if (Boolean.TRUE.equals(handed)) {
      log.info("chat handed over ({}) after bot reply {}", reason, replyId);
    }
  }

  /**
   * Ends the conversation once and announces {@link ChatEnded} with the state it left (in the same
   * transaction); the visitor is asked to rate it. False when it had ended already.
   *
   * @param ticketId the ticket the chat became, or null
   */
  boolean end(String conversationId, ChatEnded.EndedBy by, String ticketId) {
    Instant at = clock.instant();
    Conversation ended =
        tx.execute(
            s -> {
              Conversation c =
                  conversations
                      .lock(conversationId)
                      .orElseThrow(
                          () ->
                              new ChatRefusedException(
                                  Kind.NOT_FOUND, "no conversation " + conversationId));
              if (c.state() == Conversation.State.ENDED
                  || !conversations.end(conversationId, at, ticketId)) {
                return null;
              }
              // Inside the transaction: the event publication registry stores it with the state.
              events.publishEvent(
                  new ChatEnded(
                      conversationId,
                      c.site(),
                      c.language(),
                      c.state() == Conversation.State.AGENT ? c.agent() : null,
                      c.state() == Conversation.State.WAITING,
                      ticketId,
                      by,
                      c.createdAt(),
                      at,
                      transcript.messages(conversationId)));
              return c;
            });
    if (ended == null) {
      return false;
    }
    transcript.say(
        conversationId,
        ChatMessage.Sender.SYSTEM,
        null,
        ENDED_MESSAGE,
        BotTexts.ended(ended.language()),
        null);
    return true;
  }
}
