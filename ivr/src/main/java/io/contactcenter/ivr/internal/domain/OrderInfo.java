package io.contactcenter.ivr.internal.domain;

import java.time.LocalDate;

/**
 * What the IVR may tell a caller about an order.
 *
 * @param eta the expected delivery date; null if unknown
 * @param carrier the logistics company; null if unknown
 * @param trackingNumber the carrier's number; null if unknown
 */
public record OrderInfo(
    String orderNumber, OrderState state, LocalDate eta, String carrier, String trackingNumber) {

  /** Where an order is, with the words the IVR says for it. */
  public enum OrderState {
    AWAITING_PAYMENT("awaiting payment", "待付款"),
    PAID("paid and being prepared", "已付款，正在备货"),
    SHIPPED("on its way", "已发货，正在配送"),
    DELAYED("delayed", "配送延迟"),
    DELIVERED("delivered", "已送达"),
    CANCELLED("cancelled", "已取消");

    private final String en;
    private final String zh;

    OrderState(String en, String zh) {
      this.en = en;
      this.zh = zh;
    }

    public String words(String language) {
      return "zh".equals(language) ? zh : en;
    }
  }
}
