package io.contactcenter.campaigns;

import io.contactcenter.common.PhoneNumber;
import java.util.Objects;

/**
 * The campaign contact a dial attempt called, for a module that follows the call up (a ticket the
 * callee asked for). Its {@code toString()} masks the number, as {@link PhoneNumber} does.
 *
 * @param campaignId the campaign that called
 * @param phone the number called, in full (E.164)
 * @param name the customer's name as uploaded or sent by the shop, if any
 * @param orderNumber the order the call was about: the contact's order id (an order event's), else
 *     its {@code order_number} variable (an upload's); null when it had none
 */
public record CalledContact(String campaignId, PhoneNumber phone, String name, String orderNumber) {

  public CalledContact {
    Objects.requireNonNull(campaignId, "campaignId is required");
    Objects.requireNonNull(phone, "phone is required");
    name = name == null || name.isBlank() ? null : name.strip();
    orderNumber = orderNumber == null || orderNumber.isBlank() ? null : orderNumber.strip();
  }
}
