package io.contactcenter.routing.internal.domain;

/** How a contact reaches the contact center; each has its own capacity per agent. */
public enum Channel {
  VOICE,
  CHAT,
  TICKET
}
