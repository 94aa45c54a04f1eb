package io.contactcenter.tickets;

/** The customer's service tier: VIP tickets get a higher priority and their own SLA policies. */
public enum CustomerTier {
  STANDARD,
  VIP
}
