package io.contactcenter.onlinechat.internal;

import io.contactcenter.onlinechat.ChatEnded;
import io.contactcenter.onlinechat.ChatHandoffRequested;
import io.contactcenter.routing.ContactAccepted;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactCompleted;
import io.contactcenter.routing.ContactOffered;
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
  private final ChatFanout fanout;

  ChatRoutingEvents(ChatHandoffs handoffs, ChatFanout fanout) {
    this.handoffs = handoffs;
    this.fanout = fanout;
  }

  /** A chat offered to an agent rings on their screen at once, on whichever instance it is. */
  @Async
  @TransactionalEventListener(fallbackExecution = true)
  public void on(ContactOffered offered) {
    if (offered.channel() == ContactChannel.CHAT) {
      fanout.publishAgentNotice(
          new ChatFanout.AgentNotice(
              offered.agentId(),
              ChatFanout.AgentNotice.Kind.OFFERED,
              offered.id().value().replaceFirst("^chat:", "")));
    }
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
