package io.contactcenter.ivr.internal;

import io.contactcenter.ivr.internal.domain.OrderInfo.OrderState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo orders ({@code ivr/demo-orders.csv}) into {@code ivr_order} and the demo customers
 * ({@code ivr/demo-customers.csv}, one of them VIP) into {@code ivr_customer}, so a newcomer
 * running scripts/run.sh can call the hotline and ask for a real order. Enabled by {@code
 * cc.ivr.orders.demo-data}. Delivery dates are relative to today, so the demo never goes stale.
 */
final class DemoOrders {

  private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);

  private final JdbcOrderLookup orders;
  private final JdbcCustomers customers;
  private final Clock clock;

  DemoOrders(JdbcOrderLookup orders, JdbcCustomers customers, Clock clock) {
    this.orders = orders;
    this.customers = customers;
    this.clock = clock;
  }

  void load() {
    for (String[] f : rows("/ivr/demo-customers.csv")) {
      customers.upsert(f[0], f[1], f[2]);
    }
    int loaded = 0;
    try (InputStream in = DemoOrders.class.getResourceAsStream("/ivr/demo-orders.csv");
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      LocalDate today = LocalDate.now(clock);
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("order_id")) {
          continue;
        }
        String[] f = line.split(",", -1);
        orders.upsert(
            f[0],
            OrderState.valueOf(f[1]),
            f[2].isEmpty() ? null : today.plusDays(Long.parseLong(f[2])),
            f[3].isEmpty() ? null : f[3],
            f[4].isEmpty() ? null : f[4],
            "demo-" + f[0],
            clock.instant());
        loaded++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    log.info("IVR demo data: {} orders loaded", loaded);
  }

  private static java.util.List<String[]> rows(String resource) {
    java.util.List<String[]> rows = new java.util.ArrayList<>();
    try (InputStream in = DemoOrders.class.getResourceAsStream(resource);
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("phone,")) {
          rows.add(line.split(",", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
