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
    FAQ_EXISTS(409, "kb-faq-exists"),
    COLD_START_NOT_FOUND(404, "kb-cold-start-not-found"),
    COLD_START_NOT_DONE(409, "kb-cold-start-not-done"),
    COLD_START_REVIEW_CHANGED(409, "kb-cold-start-review-changed"),
    CALL_TRANSCRIPTS_UNAVAILABLE(409, "kb-call-transcripts-unavailable"),
    NO_CALL_QUESTIONS(422, "kb-no-call-questions"),
    CLUSTER_NOT_FOUND(404, "kb-cluster-not-found"),
    CLUSTER_STATE(409, "kb-cluster-state"),
    CLUSTER_REVIEW(400, "kb-cluster-review");

    final int status;
    final String type;

    Kind(int status, String type) {
      this.status = status;
      this.type = type;
    }
  }

  final Kind kind;

  /** Which rule of a kind that covers several applied (a problem's {@code reason}), or null. */
  final String reason;

  /** What the message names (a cluster id, a row), for its translation. */
  final java.util.List<Object> arguments;

  ChatRefusedException(Kind kind, String message) {
    this(kind, message, null, java.util.List.of());
  }

  ChatRefusedException(Kind kind, String message, String reason, java.util.List<Object> arguments) {
    super(message);
    this.kind = kind;
    this.reason = reason;
    this.arguments = java.util.List.copyOf(arguments);
  }
}
