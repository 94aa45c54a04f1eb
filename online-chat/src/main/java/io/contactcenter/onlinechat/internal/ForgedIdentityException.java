package io.contactcenter.onlinechat.internal;

/** A shop identity token that does not verify: the chat is refused, not opened anonymously. */
class ForgedIdentityException extends RuntimeException {
  ForgedIdentityException(String message) {
    super(message);
  }
}
