package io.contactcenter.routing;

/**
 * What an agent's client does (the softphone page, an agent's SIP phone through the REST API): log
 * in and out, set the state, take or decline the current offer, close a contact and wrap it up.
 * Every method names the agent by login id and returns the agent's state after the change; each
 * change is announced as {@link AgentStateChanged}.
 *
 * <p>Thread-safe.
 */
public interface AgentDesk {

  /**
   * Logs in, not ready; logging in again changes nothing.
   *
   * @throws UnknownAgentException when the user has no agent profile
   */
  AgentStatus logIn(String agentId);

  /** Logs out; offers the agent held go back to their places. */
  AgentStatus logOut(String agentId);

  /**
   * Ready for offers.
   *
   * @throws AgentStateConflictException when logged out
   */
  AgentStatus ready(String agentId);

  /**
   * No new offers, with a reason (break, training, ...); a ringing offer keeps ringing.
   *
   * @throws AgentStateConflictException when logged out
   */
  AgentStatus notReady(String agentId, String reason);

  /**
   * Takes the offered contact: it counts as answered from here.
   *
   * @throws ContactNotOfferedException when the offer rang out, was withdrawn or never existed
   */
  AgentStatus accept(String agentId, ContactId contact);

  /**
   * Declines the offer: the contact goes back to its place and the agent is set not ready.
   *
   * @throws ContactNotOfferedException when there is no such offer
   */
  AgentStatus reject(String agentId, ContactId contact);

  /**
   * The contact is over (the chat closed, the ticket answered; a call ends by its hang-up); the
   * agent's wrap-up timer starts when it was the last open contact.
   *
   * @throws ContactNotOfferedException when the agent holds no such open contact
   */
  AgentStatus complete(String agentId, ContactId contact);

  /**
   * Sends the agent's live call back into the ACD for {@code queue} (ADR 0041): Asterisk holds the
   * caller with music again and the agent's leg hangs up, the agent's part completes (wrap-up
   * starts, as after a hang-up) and the call waits in {@code queue} with the same id, customer and
   * VIP flag, placed by the global order as a contact arriving now: priority first, then the
   * transfer moment. Announced as {@link ContactCompleted}, {@link ContactTransferred} and {@link
   * ContactQueued}; the agent's wrap-up afterwards is stored with the transfer.
   *
   * @throws ContactNotOfferedException when the agent holds no such open call
   * @throws UnknownQueueException when the queue is not defined
   * @throws AgentStateConflictException when the queue is the call's own, closed now, or has no
   *     logged-in agent (the agent keeps the call)
   * @throws io.contactcenter.pbx.PbxUnavailableException when Asterisk could not take the caller
   *     back (the agent keeps the call)
   */
  AgentStatus transferToQueue(String agentId, ContactId contact, String queue);

  /**
   * Records the contact's disposition and notes and ends the agent's wrap-up; completes the contact
   * first if it is still open.
   *
   * @throws ContactNotOfferedException when the contact was never the agent's
   */
  AgentStatus wrapUp(String agentId, ContactId contact, WrapUp wrapUp);

  /**
   * The agent's state, current offers and open contacts.
   *
   * @throws UnknownAgentException when the user has no agent profile
   */
  AgentStatus status(String agentId);
}
