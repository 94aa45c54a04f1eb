/**
 * The ACD every channel shares: calls, chats and tickets wait in one global order and are offered
 * to ready agents by skill, capacity and queue strategy. Channels enqueue through {@link
 * io.contactcenter.routing.ContactRouting}; agents' clients act through {@link
 * io.contactcenter.routing.AgentDesk}; profiles live in {@link
 * io.contactcenter.routing.AgentDirectory}.
 */
package io.contactcenter.routing;
