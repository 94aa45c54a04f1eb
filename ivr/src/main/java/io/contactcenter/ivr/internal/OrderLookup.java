package io.contactcenter.ivr.internal;

import io.contactcenter.ivr.internal.domain.OrderResult;

/**
 * The IVR's port to order data. Adapters: {@link JdbcOrderLookup} (the default, a table fed by
 * order events) and {@link HttpOrderLookup} (a shop's order API). Thread-safe.
 */
interface OrderLookup {

  /**
   * Looks an order up; never throws for a failed lookup.
   *
   * @param orderNumber digits as the caller keyed or said them
   * @return found, not found, or unavailable with the reason
   */
  OrderResult lookUp(String orderNumber);

  /**
   * Whether a caller who has said these digits has said a whole order number, as far as the order
   * data can tell: an order with exactly these digits exists and no longer order number begins with
   * them. The speech transport then ends the caller's answer after a short pause instead of the
   * recognizer's trailing silence (ADR 0062). Never throws.
   *
   * @param digits digits only
   * @return false when there is no such order, when a longer one begins with them, or when this
   *     lookup cannot tell (the default: a shop's API is asked for one order at a time)
   */
  default boolean isWholeNumber(String digits) {
    return false;
  }
}
