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
}
