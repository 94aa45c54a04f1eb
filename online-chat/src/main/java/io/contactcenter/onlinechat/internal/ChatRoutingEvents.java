package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatEnded;
import io.contactcenter.onlinechat.ChatHandoffRequested;
import io.contactcenter.routing.ContactAccepted;
import io.contactcenter.routing.ContactCompleted;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands the chat's and the routing engine's events to {@link ChatHandoffs}, each after its
 * transaction committed, on a task thread with no transaction of its own. Not on the publisher's
 * thread: work done in an after-commit callback would join the finished transaction, and the
 * routing engine offers a contact from its own thread as soon as it is enqueued, so the contact's
 * row must be committed by the time {@code enqueue} returns. The event publication registry keeps
 * each event until its handler returned, so a crash redelivers it; handlers are idempotent.
 */
class ChatRoutingEvents {

  private final ChatHandoffs handoffs;

  ChatRoutingEvents(ChatHandoffs handoffs) {
    this.handoffs = handoffs;
  }

  @Async
  @TransactionalEventListener(fallbackExecution = true)
  public void on(ChatHandoffRequested handoff) {
    handoffs.handedOver(handoff);
  }

  @Async
  @TransactionalEventListener(fallbackExecution = true)
  public void on(ContactAccepted accepted) {
    handoffs.accepted(accepted);
  }

  @Async
  @TransactionalEventListener(fallbackExecution = true)
  public void on(ContactCompleted completed) {
    handoffs.completed(completed);
  }

  @Async
  @TransactionalEventListener(fallbackExecution = true)
  public void on(ChatEnded ended) {
    handoffs.ended(ended);
  }
}
