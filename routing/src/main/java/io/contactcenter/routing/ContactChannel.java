package io.contactcenter.routing;

/** How a contact reaches the contact center; each has its own capacity per agent. */
public enum ContactChannel {
  VOICE,
  CHAT,
  TICKET
}
