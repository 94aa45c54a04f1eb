package io.contactcenter.tickets.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.contactcenter.testinfra.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the ticket benchmarks share: a database of their own on the project's test PostgreSQL
 * (embedded here, a container where Docker answers; see {@link TestInfrastructure}) with the
 * tickets module's migrations, the desk's configuration bound as the application binds it, and
 * figures.
 */
final class TicketBenchmarks {

  private TicketBenchmarks() {}

  /** Read-only transactions on {@code ds}, as the desk's listing is given them. */
  static TransactionTemplate reads(DataSource ds) {
    TransactionTemplate reads = new TransactionTemplate(new DataSourceTransactionManager(ds));
    reads.setReadOnly(true);
    return reads;
  }

  /** A new database with the ticket tables, through a pool of {@code poolSize} connections. */
  static HikariDataSource database(int poolSize) {
    // The module's own migrations only (they reference no other module's table).
    return TestInfrastructure.moduleDatabase(poolSize);
  }

  /** {@code cc.tickets} bound from these keys (without the prefix), defaults for the rest. */
  static TicketProperties properties(Map<String, String> keys) {
    Map<String, String> full = new java.util.HashMap<>();
    keys.forEach((k, v) -> full.put("cc.tickets." + k, v));
    return new Binder(new MapConfigurationPropertySource(full))
        .bindOrCreate("cc.tickets", Bindable.of(TicketProperties.class));
  }

  /** Runs a statement, logging how long it took (seeding). */
  static void exec(JdbcClient jdbc, String what, String sql) {
    long start = System.nanoTime();
    jdbc.sql(sql).update();
    System.out.printf(Locale.ROOT, "  %s: %.1f s%n", what, (System.nanoTime() - start) / 1e9);
  }

  /** The CPU time a PostgreSQL backend has used, from /proc; -1 where it cannot be read. */
  static double backendCpuSeconds(int pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after the name; USER_HZ is 100.
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The {@code p}-th percentile (nearest rank) of these times in milliseconds. */
  static double percentile(double[] millis, double p) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Prints the report and writes it to {@code target/<file>}. */
  static void report(String file, String text) {
    System.out.println(text);
    try {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", file), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
