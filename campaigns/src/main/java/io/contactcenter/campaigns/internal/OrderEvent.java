package io.contactcenter.campaigns.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * An order event from the e-commerce platform on topic {@code cc.orders.v1} (JSON, documented in
 * docs/integration/order-events.md).
 *
 * @param eventId the platform's id of the event: the same event delivered twice acts once
 * @param type balance_due, shipment_delayed, reactivation_offer (add a reminder) or order_paid,
 *     order_delivered, order_cancelled (cancel the order's pending reminders)
 * @param campaignId the campaign that calls ({@code null}: the newest open campaign of the matching
 *     type)
 * @param variables the script's values: amount_due, deadline, new_delivery_date, coupon, ...
 * @param timeZone the customer's zone if known ({@code null}: from the number)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderEvent(
    String eventId,
    String type,
    String orderId,
    String phone,
    String customerName,
    String campaignId,
    Map<String, String> variables,
    String timeZone) {}
