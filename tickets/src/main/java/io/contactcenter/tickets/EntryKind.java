package io.contactcenter.tickets;

/** What a history entry records. Every change of a ticket is one entry. */
public enum EntryKind {
  OPENED,
  /** The customer wrote (or a duplicate request was merged in). */
  CUSTOMER_MESSAGE,
  /** An agent's reply to the customer: stops response clocks. */
  REPLY,
  /** An automatic reply (a bot): the customer sees it, but it stops no SLA clock. */
  BOT_REPLY,
  /** An internal note: the customer never sees it, and it stops no SLA clock. */
  NOTE,
  STATUS_CHANGED,
  ASSIGNED,
  PRIORITY_CHANGED,
  SLA_WARNED,
  SLA_BREACHED,
  /** Custom field values were saved (internal; stops no clock). */
  FIELDS_CHANGED,
  /** Tags were added or removed by hand ({@code +vip -spam}; internal; stops no clock). */
  TAGS_CHANGED
}
