package io.contactcenter.tickets;

/** What a custom field holds; decides how its value is checked and stored. */
public enum TicketFieldType {
  /** Free text, up to 1,000 characters. */
  TEXT,
  /** A decimal number, stored exactly as given (no rounding). */
  NUMBER,
  /** A calendar date, {@code 2026-10-01}. */
  DATE,
  /** One of the field's choices. */
  CHOICE
}
