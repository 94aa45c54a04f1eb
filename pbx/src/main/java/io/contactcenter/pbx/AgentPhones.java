package io.contactcenter.pbx;

import io.contactcenter.common.PhoneNumber;
import java.time.Duration;

/**
 * Rings agents' phones for calls the application holds (the ACD): once the agent answers, the phone
 * is bridged with the waiting caller's channel; Asterisk's own queue distribution is not used.
 *
 * <p>Thread-safe. {@link #ring} returns once Asterisk has accepted the request; the outcome arrives
 * as {@link AgentPhoneAnswered} or {@link AgentPhoneFailed} with the ring's id.
 */
public interface AgentPhones {

  /**
   * Rings {@code ring.endpoint()}; on answer, bridges it with {@code ring.waitingChannel()}.
   *
   * @throws PbxUnavailableException if Asterisk is not connected or refused the request
   */
  void ring(AgentRing ring);

  /** Stops a ring that was not answered (withdrawn, rang out); nothing happens if it is over. */
  void stopRinging(String ringId);

  /**
   * Takes a caller the application holds out of the call with its agent and back to music on hold
   * in the ACD (dialplan {@code [cc-acd-transferred]}, with the queue timeout and announcements as
   * at the first wait); the agent's leg hangs up. The caller's channel keeps its name and call id,
   * so a later {@link #ring} bridges it as before. Returns once Asterisk has accepted the request.
   *
   * @param callId the caller channel's Asterisk UNIQUEID ({@link CallEnded#callId()})
   * @throws IllegalArgumentException when {@code callId} is not an Asterisk unique id
   * @throws PbxUnavailableException if Asterisk is not connected or refused (the call is over)
   */
  void returnToHold(String callId);

  /**
   * Rings {@code ring.endpoint()} for an attended transfer (ADR 0044): once answered (reported as
   * {@link AgentPhoneAnswered} with the ring's id) the phone waits with music in {@code
   * [cc-acd-consult-agent]} until {@link #consult} connects the call's agent to it, and hangs up
   * after a minute without. {@code ring.waitingChannel()} names the held caller's call (logs only).
   *
   * @throws PbxUnavailableException if Asterisk is not connected or refused the request
   */
  void ringForConsult(AgentRing ring);

  /**
   * Starts the attended transfer of a caller's call to the consulted agent whose phone answered
   * {@link #ringForConsult} ring {@code ringId}: AMI {@code Atxfer} on the call's agent channel
   * (the caller's bridge peer), whose consult leg ({@code [cc-acd-consult]}) joins the waiting
   * phone. The caller hears music on hold while the agents talk. Returns once Asterisk queued the
   * transfer; the consult leg is up about a second later.
   *
   * @param callId the caller channel's Asterisk UNIQUEID ({@link CallEnded#callId()})
   * @return the agent's channel, for {@link #completeConsult} and {@link #cancelConsult}
   * @throws IllegalArgumentException when an id is not valid
   * @throws PbxUnavailableException if Asterisk is not connected, the call has no agent any more or
   *     Asterisk refused
   */
  ConsultLeg consult(String callId, String ringId);

  /**
   * Completes an attended transfer: the agent's channel hangs up and Asterisk bridges the caller
   * with the consulted agent.
   *
   * @param agentChannel as returned by {@link #consult} ({@link ConsultLeg#agentChannel()})
   * @throws IllegalStateException when the consult leg is not up (yet): nothing was done
   * @throws PbxUnavailableException if Asterisk is not connected or refused (the call is over)
   */
  void completeConsult(String agentChannel);

  /**
   * Cancels an attended transfer (AMI {@code CancelAtxfer}): the agent is back with the caller, the
   * consult leg and the consulted agent's phone hang up.
   *
   * @param agentChannel as returned by {@link #consult} ({@link ConsultLeg#agentChannel()})
   * @throws PbxUnavailableException if Asterisk is not connected or refused (the call is over)
   */
  void cancelConsult(String agentChannel);

  /**
   * Rings {@code endpoint} for a callback the customer asked for while waiting: once the agent
   * answers (reported as {@link AgentPhoneAnswered}), the agent's call dials {@code customer} on
   * the first configured trunk, so the agent hears it ring. Timeout and failure as for {@link
   * #ring}. When the customer does not answer within {@code customerTimeout}, is busy or cannot be
   * reached, the agent's call ends with the customer's Q.850 cause ({@link CallEnded#cause()}: 19
   * no answer, 17 busy, 34 failed); after a conversation it ends normally (16).
   *
   * @param ringId as {@link AgentRing#ringId()}
   * @param endpoint as {@link AgentRing#endpoint()}
   * @param customerTimeout how long the customer's phone rings, whole seconds, at least one
   * @throws IllegalArgumentException when an argument is not valid
   * @throws PbxUnavailableException if Asterisk is not connected or refused the request
   */
  void ringForCallback(
      String ringId,
      String endpoint,
      PhoneNumber customer,
      Duration timeout,
      Duration customerTimeout);

  /**
   * Rings {@code endpoint} for a call the agent placed from the workspace (click-to-call): once the
   * agent answers (reported as {@link AgentPhoneAnswered}), the agent's call dials {@code customer}
   * on the first configured trunk in its own dialplan context ({@code [cc-click-to-call]}, recorded
   * like every call, the call id in the CDR's userfield), presenting {@code callerId}. The agent's
   * call has the id {@link #callIdOf callIdOf(ringId)} and ends as {@link #ringForCallback}'s does.
   * Checking the number (do-not-call list) and auditing are the caller's job: this only dials.
   *
   * @param ringId as {@link AgentRing#ringId()}
   * @param endpoint as {@link AgentRing#endpoint()}
   * @param callerId what the customer sees: digits with an optional leading '+', at most 20
   * @param customerTimeout how long the customer's phone rings, whole seconds, at least one
   * @throws IllegalArgumentException when an argument is not valid
   * @throws PbxUnavailableException if Asterisk is not connected or refused the request
   */
  void ringForOutboundCall(
      String ringId,
      String endpoint,
      PhoneNumber customer,
      String callerId,
      Duration timeout,
      Duration customerTimeout);

  /**
   * The call id ({@link CallEnded#callId()}) of the agent's call that a ring starts: its end is the
   * end of a callback.
   */
  static String callIdOf(String ringId) {
    return "cc-ring-" + ringId;
  }
}
