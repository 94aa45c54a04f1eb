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
   * Attended transfer, first step (ADR 0044): the agent of the live call {@code contact} consults
   * {@code target}. Routing reserves the consulted agent (ready and free; for a queue its free
   * agent idle longest) so nothing else is offered to them, and rings their phone; once it answers,
   * the caller hears music on hold and the two agents talk. A phone that does not answer frees the
   * consulted agent and changes nothing else.
   *
   * @throws ContactNotOfferedException when the agent holds no such open call
   * @throws UnknownAgentException when the agent asked for has no profile
   * @throws UnknownQueueException when the queue is not defined
   * @throws ConsultRefusedException when the consulted agent (or every agent of the queue) is not
   *     free, or a consult of the call is in progress
   * @throws io.contactcenter.pbx.PbxUnavailableException when Asterisk could not ring the phone
   */
  AgentStatus consult(String agentId, ContactId contact, ConsultTarget target);

  /**
   * Completes the attended transfer: the caller is bridged with the consulted agent, who holds the
   * contact from now (counted as their transfer in), and the agent's part completes (wrap-up
   * starts). Announced as {@link ContactCompleted}, {@link ContactTransferred} (with {@code
   * toAgent}) and {@link ContactAccepted} for the consulted agent.
   *
   * @throws ContactNotOfferedException when the agent holds no such open call
   * @throws ConsultRefusedException when no consult is in progress or the consulted agent is not on
   *     the line yet
   */
  AgentStatus completeConsult(String agentId, ContactId contact);

  /**
   * Cancels the attended transfer: the agent is back with the caller, the consulted agent's phone
   * hangs up and they are free again. Nothing else changes.
   *
   * @throws ContactNotOfferedException when the agent holds no such open call
   * @throws ConsultRefusedException when no consult is in progress
   */
  AgentStatus cancelConsult(String agentId, ContactId contact);

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
