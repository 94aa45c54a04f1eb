package io.contactcenter.routing;

import io.contactcenter.common.PhoneNumber;
import java.util.function.Consumer;

/**
 * An agent calls a customer from the workspace (click-to-call, ADR 0034): Asterisk rings the
 * agent's own phone (the routing profile's) and, once answered, dials the customer through the
 * trunk. Only after the checks: the agent is logged in and on no other contact, has a phone, did
 * not place a call moments ago, and the number is not on the do-not-call list. An agent who was
 * ready is set not ready ({@value #NOT_READY_REASON}) first, so the ACD offers nothing during the
 * call; the agent sets ready again afterwards.
 *
 * <p>Thread-safe.
 */
public interface ClickToCall {

  /** The not-ready reason of an agent who was ready when placing a call. */
  String NOT_READY_REASON = "click-to-call";

  /**
   * Places the call.
   *
   * @param beforeRinging runs once every check passed, before the phone rings, with the call about
   *     to be placed: the caller records it (the audit); when it throws, nothing rings
   * @return the call, the agent's phone ringing
   * @throws ClickToCallRefusedException when a check refuses the call (nothing rang)
   * @throws UnknownAgentException when the user has no agent profile
   * @throws io.contactcenter.pbx.PbxUnavailableException when Asterisk cannot take the call
   */
  OutboundCall call(String agentId, PhoneNumber customer, Consumer<OutboundCall> beforeRinging);
}
