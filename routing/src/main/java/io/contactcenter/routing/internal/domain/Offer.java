package io.contactcenter.routing.internal.domain;

import java.time.Instant;

/**
 * One contact reserved for one agent until the agent accepts, rejects, or {@code expiresAt} (the
 * ring timeout) passes. For a callback the adapter dials the customer once the agent accepts.
 */
public record Offer(Contact contact, AgentId agent, Instant offeredAt, Instant expiresAt) {}
