package io.contactcenter.routing;

import io.contactcenter.common.PhoneNumber;
import java.util.List;
import java.util.Optional;

/**
 * The ACD every channel shares: a contact enqueued here waits in one global order (priority, then
 * original enqueue time) and is offered to the best ready agent. What happens next arrives as
 * events: {@link ContactQueued}, {@link ContactOffered}, {@link ContactAccepted}, {@link
 * ContactAbandoned}, {@link ContactCompleted}.
 *
 * <p>Thread-safe; every method returns at once (routing happens on the engine's own thread).
 */
public interface ContactRouting {

  /**
   * Queues the contact now; its place is fixed by its priority and this moment.
   *
   * @return the contact's id ({@link NewContact#id()})
   * @throws UnknownQueueException when the queue is not defined
   * @throws ContactAlreadyRoutedException when the same contact is already in routing
   */
  ContactId enqueue(NewContact contact);

  /**
   * Takes a waiting or ringing contact out of routing; it is never offered again. A contact an
   * agent has already accepted is not withdrawn (complete it through {@link AgentDesk}).
   *
   * @return false when the contact was not waiting or ringing
   */
  boolean withdraw(ContactId id, WithdrawReason reason);

  /**
   * Whether the queue takes calls now by its opening hours (always, when it has none). Chats and
   * tickets may be queued at any time; they wait for the next opening.
   *
   * @return true for an unknown queue: it is not closed (a call for it waits in the default queue)
   */
  boolean isOpen(String queue);

  /** Every queue's counts and service levels since this instance started, by queue id. */
  List<QueueServiceLevel> serviceLevels();

  /** The waiting contacts of every queue in the order they will be offered. */
  List<WaitingContact> waiting();

  /**
   * Whether some logged-in agent of this instance (ready or not) has the queue's skill: a channel
   * enqueues only then, else the contact would wait with nobody to take it (a chat becomes a
   * ticket, a caller hears goodbye). False for an unknown queue.
   */
  boolean anyAgentLoggedInFor(String queue);

  /**
   * Where a waiting contact stands in its queue, with the expected wait.
   *
   * @return empty when the contact is not waiting (ringing an agent, with an agent, gone)
   */
  Optional<QueuePlace> place(ContactId id);

  /**
   * The waiting caller asks to be called back instead of holding on: the call keeps its place (its
   * priority and original enqueue time), the caller's hang-up no longer abandons it, and when an
   * agent is offered it the agent's phone rings and then dials {@code number}.
   *
   * @return false when the contact is not a waiting call
   */
  boolean requestCallback(ContactId id, PhoneNumber number);

  /**
   * The agent's side of the answered call ended without the agent hanging up (their page was
   * closed, its media stopped, ADR 0052): the contact waits again at its original place (its
   * priority and original enqueue time, ahead of every contact that came later), and its agent is
   * set not ready with the reason {@link #CONNECTION_LOST} so it is not offered to them again at
   * once. Announced as {@link ContactHandedBack}.
   *
   * @return false when no agent holds the contact (it ended, or was handed back already)
   */
  boolean handBack(ContactId id);

  /** The not-ready reason of an agent whose call was handed back ({@link #handBack}). */
  String CONNECTION_LOST = "connection lost";
}
