package io.contactcenter.onlinechat.internal;

import java.time.Instant;

/**
 * A stored message; {@code attachmentId} names its image, null for text. {@code seq} numbers the
 * conversation's messages 1, 2, 3... without gaps; the client's id makes a resent message
 * idempotent.
 */
record ChatMessage(
    String conversationId,
    long seq,
    Sender sender,
    String author,
    String clientMessageId,
    String body,
    String faqId,
    Instant sentAt,
    String attachmentId) {

  enum Sender {
    VISITOR,
    BOT,
    AGENT,
    SYSTEM
  }
}
