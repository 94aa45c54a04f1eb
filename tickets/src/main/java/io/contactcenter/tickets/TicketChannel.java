package io.contactcenter.tickets;

/** Where the customer reached us. */
public enum TicketChannel {
  /** The outbound voice robot. */
  ROBOT,
  /** A hotline call or a message left after hours. */
  PHONE,
  /** Online chat, by an agent or a bot handing off. */
  CHAT,
  /** An email or SMS gateway. */
  EMAIL,
  /** The shop's systems (a return request, a refund). */
  SHOP,
  /** An agent opening it by hand. */
  AGENT
}
