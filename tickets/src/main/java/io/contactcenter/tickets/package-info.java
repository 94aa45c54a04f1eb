/** Tickets opened from calls, chats and robot outcomes, with their history across channels. */
package io.contactcenter.tickets;
