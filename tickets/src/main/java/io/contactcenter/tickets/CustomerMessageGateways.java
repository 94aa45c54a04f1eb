package io.contactcenter.tickets;

/**
 * Customer messages arriving from email or SMS gateways over a signed webhook: the port such
 * gateways' adapters post to. Each gateway has its own shared secret ({@code
 * cc.tickets.inbound.gateways.<id>.secret}); a call is accepted only with a fresh timestamp and the
 * HMAC-SHA256 signature of {@code <timestamp>.<body>} (the same scheme as the shop's webhook).
 *
 * <p>Thread-safe. The body is JSON: {@code messageId} (the gateway's own id, 1-100 of letters,
 * digits, {@code .:_@-}), {@code ticketId}, {@code text}. A message id seen before from the same
 * gateway changes nothing (gateways retry), so delivery may be at least once.
 */
public interface CustomerMessageGateways {

  /**
   * Adds the customer's message to the ticket as {@link TicketDesk#customerMessage} does (a waiting
   * or solved ticket reopens; a closed one gets a follow-up).
   *
   * @param gateway the gateway's id, as configured
   * @param timestamp the {@code X-CC-Timestamp} header: epoch seconds, as sent
   * @param signature the {@code X-CC-Signature} header: {@code sha256=<hex>}
   * @param body the request body exactly as received (UTF-8)
   * @return the ticket the message reached, and whether this call delivered it for the first time
   * @throws InboundMessageRejectedException for an unknown gateway, a missing, stale or forged
   *     signature (nothing is stored)
   * @throws IllegalArgumentException for a body that is not such a message
   * @throws TicketNotFoundException for an unknown ticket
   */
  Received receive(String gateway, String timestamp, String signature, String body);

  /**
   * @param ticket the ticket holding the message (a follow-up of a closed ticket)
   * @param duplicate true when the gateway had delivered this message id before
   */
  record Received(Ticket ticket, boolean duplicate) {}
}
