package io.contactcenter.routing;

import io.contactcenter.common.PhoneNumber;

/**
 * A call an agent placed from the workspace.
 *
 * @param callId the id of the agent's call in Asterisk (its channel's unique id, the CDR's
 *     userfield, {@link io.contactcenter.pbx.CallEnded#callId()})
 * @param agentId who placed it
 * @param phone the agent's phone that rings first
 * @param customer who is dialled once the agent answers
 */
public record OutboundCall(String callId, String agentId, String phone, PhoneNumber customer) {}
