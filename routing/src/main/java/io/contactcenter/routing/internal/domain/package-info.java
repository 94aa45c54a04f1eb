/**
 * The pure core of the ACD that every channel shares: agents, their skills, capacity and presence,
 * contacts waiting in one global order, offers and the service level per queue. No Spring, no I/O;
 * time comes from an injected {@link java.time.Clock}, so the adapters (Redis presence, Asterisk
 * holding, the agent API, Kafka events) and the tests drive it alike.
 */
package io.contactcenter.routing.internal.domain;
