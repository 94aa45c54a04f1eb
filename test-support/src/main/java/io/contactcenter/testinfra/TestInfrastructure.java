package io.contactcenter.testinfra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;

/**
 * The one place that decides where integration tests find PostgreSQL, Redis, Kafka and Asterisk.
 *
 * <p>Where a Docker engine answers, PostgreSQL, Redis and Kafka run in Testcontainers; otherwise
 * (this machine, CI) the same real servers run embedded: zonky's PostgreSQL binaries, an embedded
 * Redis server and an in-JVM KRaft broker. Asterisk is the local Asterisk 22 from the Debian sid
 * tree either way. Each server starts on first use, once per test JVM, and stops when the JVM
 * exits.
 *
 * <p>Every Spring context gets a database of its own on the shared server (see {@link
 * Initializer}): a context cached by the test framework (its scheduler, its outbox, its clustered
 * Quartz node) then never takes work that belongs to another context's test.
 */
public final class TestInfrastructure {

  private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

  /** Where the services are; {@code jdbcUrl} is the shared server's default database. */
  public record Services(
      String jdbcUrl,
      String dbUser,
      String dbPassword,
      String redisHost,
      int redisPort,
      String kafka,
      String mode) {}

  private static final AtomicInteger databases = new AtomicInteger();

  /** Stops of the servers started so far, in start order; they run in reverse. */
  private static final List<Stop> stops = new ArrayList<>();

  /** The Spring contexts pointed at the servers, closed before any server stops. */
  private static final Set<ConfigurableApplicationContext> contexts = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(TestInfrastructure::shutdown, "stop-test-infrastructure"));
  }

  /** A server to stop at exit; an external one is a process of its own outside the JVM. */
  private record Stop(String what, boolean external, Callable<?> action) {}

  private static TestServers.Database database;
  private static Services services;
  private static LocalAsterisk asterisk;
  private static boolean asteriskStarted;
  private static final int AGI_PORT = FreePorts.next();

  private TestInfrastructure() {}

  /** PostgreSQL, Redis and Kafka, started on first use. */
  public static synchronized Services services() {
    if (services == null) {
      TestServers.Database db = database();
      services = dockerAvailable() ? TestServers.containers(db) : TestServers.embedded(db);
      log.info("test infrastructure ({}): {}", services.mode(), services);
    }
    return services;
  }

  /**
   * A new, empty database on the shared PostgreSQL server, named after {@code prefix}, and its JDBC
   * URL. Credentials are those of {@link #services()}.
   */
  public static String newDatabase(String prefix) {
    TestServers.Database db = database();
    String name = prefix + "_" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(db.url("postgres"), db.user(), db.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return db.url(name);
  }

  /**
   * A database of its own on the shared test PostgreSQL with the module's own migrations ({@code
   * src/main/resources/db/migration} of the module whose tests run), through a pool of {@code
   * poolSize} connections: for a module's integration tests and benchmarks that need PostgreSQL but
   * no Spring context (nor Asterisk). Flyway takes connections of its own, so the pool may hold
   * one. The caller closes it.
   */
  public static HikariDataSource moduleDatabase(int poolSize) {
    TestServers.Database db = database();
    String url = newDatabase("cc_module");
    Flyway.configure()
        .dataSource(url, db.user(), db.password())
        .locations("filesystem:src/main/resources/db/migration")
        .load()
        .migrate();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(poolSize);
    return new HikariDataSource(config);
  }

  /** The port the application's FastAGI server listens on in tests; Asterisk dials it. */
  public static int agiPort() {
    return AGI_PORT;
  }

  /** The shared Asterisk, started on first use and stopped when the test JVM exits. */
  public static synchronized LocalAsterisk asterisk() {
    asteriskPorts();
    if (!asteriskStarted) {
      asterisk.start();
      asteriskStarted = true;
    }
    return asterisk;
  }

  /** The ports the shared Asterisk uses (allocated without starting it). */
  public static synchronized LocalAsterisk.Ports asteriskPorts() {
    if (asterisk == null) {
      LocalAsterisk shared = new LocalAsterisk("shared", LocalAsterisk.Ports.allocate(AGI_PORT));
      asterisk = shared;
      onShutdown(
          "Asterisk",
          true,
          () -> {
            shared.stop();
            return null;
          });
    }
    return asterisk.ports();
  }

  static boolean dockerAvailable() {
    if ("false".equalsIgnoreCase(System.getenv("CC_TEST_DOCKER"))) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static synchronized TestServers.Database database() {
    if (database == null) {
      database =
          dockerAvailable() ? TestServers.postgresContainer() : TestServers.embeddedPostgres();
    }
    return database;
  }

  /**
   * Points a Spring context at a database of its own on the shared PostgreSQL server, the shared
   * Redis and Kafka, and the shared Asterisk's ports. The AMI client simply keeps reconnecting
   * until a test starts Asterisk.
   */
  public static final class Initializer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      Services s = services();
      Map<String, Object> properties = databaseAndAsterisk();
      properties.put("spring.data.redis.host", s.redisHost());
      properties.put("spring.data.redis.port", s.redisPort());
      properties.put("spring.kafka.bootstrap-servers", s.kafka());
      // Contexts cached side by side share the broker but not the database: with one consumer group
      // for all of them, an order event could be consumed by another context and land in its
      // database (ChatIT waited in vain for its order in CI). A group per context's database.
      properties.put(
          "cc.kafka.consumer-group-prefix",
          contextName((String) properties.get("spring.datasource.url")));
      register(context, properties);
    }
  }

  /**
   * Like {@link Initializer} for a module that needs only PostgreSQL and Asterisk: Redis and Kafka
   * are not started.
   */
  public static final class DatabaseInitializer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      register(context, databaseAndAsterisk());
    }
  }

  private static Map<String, Object> databaseAndAsterisk() {
    TestServers.Database db = database();
    LocalAsterisk.Ports ports = asteriskPorts();
    Map<String, Object> properties = new HashMap<>();
    String url = newDatabase("cc_context");
    properties.put("spring.datasource.url", url);
    // Quartz keeps its data sources in a JVM-wide registry under the scheduler's name: two contexts
    // of one JVM with the same name ran one context's maintenance job on the other's (possibly
    // closed) database. A scheduler per database keeps each context's job on its own.
    properties.put(QUARTZ_NAME, contextName(url));
    properties.put("spring.datasource.username", db.user());
    properties.put("spring.datasource.password", db.password());
    properties.put("cc.pbx.ami.port", ports.ami());
    properties.put("cc.pbx.ami.password", LocalAsterisk.AMI_SECRET);
    properties.put("cc.pbx.fastagi.port", ports.agi());
    properties.put("cc.pbx.recordings.dir", asterisk.recordings().toString());
    // The agents' browser softphones (ADR 0013): endpoints generated into the Asterisk's own
    // configuration directory, browsers connecting to its WebSocket transport.
    properties.put(
        "cc.pbx.softphones.config-file",
        asterisk.runDir().resolve("etc/pjsip_softphones.conf").toString());
    properties.put("cc.pbx.softphones.websocket-url", "ws://127.0.0.1:" + ports.http() + "/ws");
    return properties;
  }

  /** A name unique to the context, from its own database's name. */
  private static String contextName(String databaseUrl) {
    return "contact-center-"
        + databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1).replace('?', '-');
  }

  private static void register(ConfigurableApplicationContext context, Map<String, Object> map) {
    contexts.add(context);
    Map<String, Object> services = new HashMap<>(map);
    Object quartzName = services.remove(QUARTZ_NAME);
    context
        .getEnvironment()
        .getPropertySources()
        // Lowest precedence: a test's own @DynamicPropertySource or properties win.
        .addLast(new MapPropertySource("cc-test-infrastructure", services));
    if (quartzName != null) {
      // Above application.yml, which names the scheduler for production.
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(new MapPropertySource("cc-test-quartz", Map.of(QUARTZ_NAME, quartzName)));
    }
  }

  private static final String QUARTZ_NAME =
      "spring.quartz.properties.org.quartz.scheduler.instanceName";

  /** Stops a server at exit: after the contexts, newest first (an external one at once). */
  static synchronized void onShutdown(String what, boolean external, Callable<?> action) {
    stops.add(new Stop(what, external, action));
  }

  /**
   * Closes the Spring contexts that still use the servers (the test framework caches them until the
   * JVM exits), then stops the in-JVM servers, newest first (Asterisk stops meanwhile). JVM
   * shutdown hooks run concurrently and in no order: stopping Kafka under a context's open
   * producers made the context's own hook wait out their close timeout, and the forked test JVM
   * outlived Surefire's patience for exiting.
   */
  private static void shutdown() {
    List<Stop> toStop;
    synchronized (TestInfrastructure.class) {
      toStop = new ArrayList<>(stops);
    }
    Collections.reverse(toStop);
    // Asterisk runs outside the JVM and no context needs it to close: stop it at once, beside the
    // contexts, so a JVM cut short while closing never leaves it running.
    Thread external =
        Thread.ofPlatform()
            .name("stop-test-asterisk")
            .start(() -> toStop.stream().filter(Stop::external).forEach(TestInfrastructure::stop));
    for (ConfigurableApplicationContext context : contexts) {
      try {
        context.close();
      } catch (RuntimeException e) {
        log.warn("closing a test context: {}", e.toString());
      }
    }
    // A context's own shutdown hook may be closing it at the same time, and close() then returns
    // at once when it finds that thread waiting (for a listener container to stop, say): the
    // servers stop only after those hooks are done.
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread != Thread.currentThread() && thread.getName().contains("ShutdownHook")) {
        try {
          thread.join(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    toStop.stream().filter(stop -> !stop.external()).forEach(TestInfrastructure::stop);
    try {
      external.join(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void stop(Stop stop) {
    long start = System.nanoTime();
    try {
      stop.action().call();
      log.debug("stopped test {} in {} ms", stop.what(), (System.nanoTime() - start) / 1_000_000);
    } catch (Exception e) {
      log.warn("stopping test {}: {}", stop.what(), e.toString());
    }
  }
}
