package io.contactcenter.ivr.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Hotline customers by phone number (table {@code ivr_customer}). */
final class JdbcCustomers {

  /**
   * A known caller.
   *
   * @param tier {@code normal} or {@code vip}
   */
  record Customer(String customerId, String tier) {}

  private final JdbcClient jdbc;

  JdbcCustomers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Customer> byPhone(String e164) {
    return jdbc.sql("SELECT customer_id, tier FROM ivr_customer WHERE phone = ?")
        .param(e164)
        .query(Customer.class)
        .optional();
  }

  void upsert(String e164, String customerId, String tier) {
    jdbc.sql(
            "INSERT INTO ivr_customer (phone, customer_id, tier) VALUES (?, ?, ?)"
                + " ON CONFLICT (phone) DO UPDATE SET customer_id = excluded.customer_id,"
                + " tier = excluded.tier, updated_at = now()")
        .params(e164, customerId, tier)
        .update();
  }
}
