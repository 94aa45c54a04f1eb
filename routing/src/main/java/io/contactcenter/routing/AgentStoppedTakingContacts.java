package io.contactcenter.routing;

import java.time.Instant;

/**
 * The agent went not ready or logged out, by their own choice, whatever they still hold: a channel
 * may hand back work the agent has not started (a ticket goes to another agent). Unlike {@link
 * AgentStateChanged}, published even when the shown state stays {@code ON_CONTACT} because the
 * agent still holds contacts. Listeners key on {@code agentId} and {@code at}.
 *
 * @param state {@code NOT_READY} or {@code OFFLINE}
 * @param reason the not-ready reason, else {@code ""}
 */
public record AgentStoppedTakingContacts(
    String agentId, AgentState state, String reason, Instant at) {}
