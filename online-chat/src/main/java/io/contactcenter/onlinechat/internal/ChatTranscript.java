package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatEnded;
import io.contactcenter.onlinechat.ChatLanguage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A conversation's messages: each is stored (idempotent on its client id) before {@link ChatFanout}
 * announces it, and announced only the first time it is stored.
 */
class ChatTranscript {

  private final JdbcConversations conversations;
  private final ChatFanout fanout;
  private final TransactionTemplate tx;
  private final Clock clock;

  ChatTranscript(
      JdbcConversations conversations, ChatFanout fanout, TransactionTemplate tx, Clock clock) {
    this.conversations = conversations;
    this.fanout = fanout;
    this.tx = tx;
    this.clock = clock;
  }

  ChatMessage say(
      String conversationId,
      ChatMessage.Sender sender,
      String author,
      String clientMessageId,
      String body,
      String faqId) {
    JdbcConversations.Appended appended =
        conversations.append(
            conversationId, sender, author, clientMessageId, body, faqId, clock.instant());
    if (appended.isNew()) {
      fanout.publish(appended.message());
    }
    return appended.message();
  }

  /** A cleaned image and the message that names it, stored in one transaction. */
  ChatMessage storeImage(
      Conversation c,
      ChatMessage.Sender sender,
      String author,
      String clientMessageId,
      ImageAttachments.Cleaned image) {
    String attachmentId = UUID.randomUUID().toString();
    Instant at = clock.instant();
    JdbcConversations.Appended appended =
        tx.execute(
            s -> {
              conversations.storeAttachment(attachmentId, c.conversationId(), image, at);
              return conversations.append(
                  c.conversationId(),
                  sender,
                  author,
                  clientMessageId,
                  c.language() == ChatLanguage.ZH ? "[图片]" : "[image]",
                  null,
                  at,
                  attachmentId);
            });
    if (appended.isNew()) {
      fanout.publish(appended.message());
    }
    return appended.message();
  }

  /** Every message of the conversation, read page by page, as {@link ChatEnded} carries them. */
  List<ChatEnded.Message> messages(String conversationId) {
    List<ChatEnded.Message> messages = new ArrayList<>();
    List<ChatMessage> page;
    long after = 0;
    do {
      page = conversations.after(conversationId, after, ChatService.PAGE);
      for (ChatMessage m : page) {
        messages.add(
            new ChatEnded.Message(
                m.seq(),
                ChatEnded.Sender.valueOf(m.sender().name()),
                m.author(),
                m.body(),
                m.sentAt()));
        after = m.seq();
      }
    } while (page.size() == ChatService.PAGE);
    return messages;
  }
}
