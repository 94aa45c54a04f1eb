package io.contactcenter.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.contactcenter.ivr.internal.domain.OrderInfo;
import io.contactcenter.ivr.internal.domain.OrderResult;
import io.contactcenter.testinfra.TestInfrastructure;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link JdbcOrderLookup} on the real PostgreSQL with the module's migrations: which spoken digits
 * are a whole order number (ADR 0062), beside the lookup itself.
 */
class JdbcOrderLookupIT {

  static HikariDataSource ds;
  static JdbcOrderLookup orders;

  @BeforeAll
  static void database() {
    ds = TestInfrastructure.moduleDatabase(2);
    orders = new JdbcOrderLookup(JdbcClient.create(ds));
    Instant at = Instant.parse("2026-12-07T10:00:00Z");
    orders.upsert("246810", OrderInfo.OrderState.SHIPPED, null, null, null, "e1", at);
    orders.upsert("135790", OrderInfo.OrderState.PAID, null, null, null, "e2", at);
    orders.upsert("1357902", OrderInfo.OrderState.PAID, null, null, null, "e3", at);
    orders.upsert("A2026113", OrderInfo.OrderState.PAID, null, null, null, "e4", at);
  }

  @AfterAll
  static void close() {
    ds.close();
  }

  @Test
  void aKnownOrderThatNoLongerOneBeginsWithIsWhole() {
    assertThat(orders.isWholeNumber("246810")).isTrue();
    assertThat(orders.isWholeNumber("2026113")).as("letters of an id are not said").isTrue();
  }

  @Test
  void aKnownOrderThatALongerOneBeginsWithIsNotWhole() {
    assertThat(orders.lookUp("135790")).isInstanceOf(OrderResult.Found.class);
    assertThat(orders.isWholeNumber("135790")).as("the caller may still say the 2").isFalse();
    assertThat(orders.isWholeNumber("1357902")).isTrue();
  }

  @Test
  void bothQueriesReadTheDigitsIndexNotTheWholeTable() {
    JdbcClient jdbc = JdbcClient.create(ds);
    // Enough other orders that reading them all would cost more than the index.
    jdbc.sql(
            "INSERT INTO ivr_order (order_id, state, updated_at)"
                + " SELECT 'X' || (500000 + g), 'PAID', now() FROM generate_series(1, 20000) g"
                + " ON CONFLICT DO NOTHING")
        .update();
    try {
      jdbc.sql("ANALYZE ivr_order").update();
      assertUsesTheDigitsIndex(jdbc);
    } finally {
      jdbc.sql("DELETE FROM ivr_order WHERE order_id LIKE 'X5%'").update();
    }
  }

  private static void assertUsesTheDigitsIndex(JdbcClient jdbc) {
    String digitsIndex = "ivr_order_digits_idx";

    assertThat(plan(jdbc, JdbcOrderLookup.LOOK_UP, "507777", "507777", "507777"))
        .as("the lookup")
        .contains(digitsIndex);
    assertThat(plan(jdbc, JdbcOrderLookup.WHOLE_NUMBER, "5077", "5077", "5077", "5077:"))
        .as("whether a number is whole")
        .contains(digitsIndex);
    assertThat(orders.isWholeNumber("507777")).isTrue();
    assertThat(orders.isWholeNumber("50777")).as("507770 to 507779 begin with it").isFalse();
    assertThat(orders.lookUp("507777")).isInstanceOf(OrderResult.Found.class);
  }

  private static String plan(JdbcClient jdbc, String query, Object... params) {
    return String.join(
        "\n", jdbc.sql("EXPLAIN " + query).params(params).query(String.class).list());
  }

  @Test
  void anUnknownNumberOrAPrefixOfAKnownOneIsNotWhole() {
    assertThat(orders.isWholeNumber("24681")).isFalse();
    assertThat(orders.isWholeNumber("999999")).isFalse();
    assertThat(orders.isWholeNumber("2468_0")).as("digits only, no pattern").isFalse();
  }
}
