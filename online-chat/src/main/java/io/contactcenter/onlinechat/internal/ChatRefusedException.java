package io.contactcenter.onlinechat.internal;

/**
 * A chat request refused by a rule: unknown conversation (404), not yours (403), wrong state (409),
 * too fast (429), too long (413), not an image (415). The type becomes the problem's stable type.
 */
class ChatRefusedException extends RuntimeException {

  enum Kind {
    NOT_FOUND(404, "chat-not-found"),
    FORBIDDEN(403, "chat-forbidden"),
    CONFLICT(409, "chat-state-conflict"),
    TOO_MANY(429, "chat-rate-limited"),
    TOO_LARGE(413, "chat-message-too-large"),
    UNSUPPORTED(415, "chat-unsupported-media"),
    INVALID(400, "chat-invalid"),
    SUGGESTION_DECIDED(409, "kb-suggestion-decided"),
    FAQ_EXISTS(409, "kb-faq-exists");

    final int status;
    final String type;

    Kind(int status, String type) {
      this.status = status;
      this.type = type;
    }
  }

  final Kind kind;

  ChatRefusedException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }
}
