package io.contactcenter.pbx;

/**
 * The agent's side of an attended transfer started by {@link AgentPhones#consult}.
 *
 * @param agentChannel the agent's Asterisk channel name, for {@link AgentPhones#completeConsult}
 *     and {@link AgentPhones#cancelConsult}
 * @param agentCallId the agent channel's UNIQUEID: its {@link CallEnded} during the consult means
 *     the agent hung up their phone, which Asterisk takes as completing the transfer
 */
public record ConsultLeg(String agentChannel, String agentCallId) {}
