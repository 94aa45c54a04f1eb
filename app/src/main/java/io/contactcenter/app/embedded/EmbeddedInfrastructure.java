package io.contactcenter.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import redis.embedded.core.ExecutableProvider;

/**
 * Starts real PostgreSQL, Redis and Kafka servers inside the application's process tree when no
 * external ones are configured, so one command runs the whole contact center on a fresh machine.
 *
 * <p>Each is switched off by {@code cc.embedded.<service>.enabled=false} (the default when the
 * matching external address is set, e.g. {@code SPRING_DATASOURCE_URL}). PostgreSQL and Redis keep
 * their data under {@code cc.embedded.data-dir} (default {@code ./data}), so it survives a restart.
 * Kafka is only a transport here: undelivered events wait in PostgreSQL's event publication
 * registry and are re-sent after a restart.
 */
public final class EmbeddedInfrastructure
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

  private static final String PASSWORD_ONLY_HBA =
      """
      # Written by the contact center's embedded mode: every connection, over the Unix socket or
      # TCP, needs the password in the data directory's credentials.properties.
      local   all           all                  scram-sha-256
      host    all           all   127.0.0.1/32   scram-sha-256
      host    all           all   ::1/128        scram-sha-256
      local   replication   all                  scram-sha-256
      host    replication   all   127.0.0.1/32   scram-sha-256
      host    replication   all   ::1/128        scram-sha-256
      """;

  /** The application's Redis user. */
  static final String REDIS_USER = "cc";

  /** Every key and channel; every command but the dangerous ones, INFO (health) aside. */
  static final String REDIS_PERMISSIONS = "~* &* +@all -@dangerous +info";

  /** Debian's redis-server (package redis-server), patched for the Lua CVEs of 2025. */
  static final String DEBIAN_REDIS = "/usr/bin/redis-server";

  /** The application's Kafka user. */
  static final String KAFKA_USER = "cc";

  private final List<AutoCloseable> started = new ArrayList<>();

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    if (!env.getProperty("cc.embedded.enabled", Boolean.class, true)) {
      return;
    }
    Path dataDir = Path.of(env.getProperty("cc.embedded.data-dir", "./data")).toAbsolutePath();
    Map<String, Object> props = new HashMap<>();
    try {
      Files.createDirectories(dataDir);
      makePrivate(dataDir);
      EmbeddedCredentials credentials = EmbeddedCredentials.loadOrCreate(dataDir);
      if (enabled(env, "postgres", "spring.datasource.url")) {
        props.putAll(
            startPostgres(
                dataDir.resolve("postgres"),
                env.getProperty("cc.embedded.postgres.port", Integer.class, 54329),
                credentials.postgres()));
      }
      if (enabled(env, "redis", "spring.data.redis.host")) {
        props.putAll(
            startRedis(
                dataDir.resolve("redis"),
                env.getProperty("cc.embedded.redis.port", Integer.class, 63799),
                env.getProperty("cc.embedded.redis.executable", DEBIAN_REDIS),
                credentials.redis()));
      }
      if (enabled(env, "kafka", "spring.kafka.bootstrap-servers")) {
        props.putAll(
            startKafka(
                env.getProperty("cc.embedded.kafka.port", Integer.class, 0), credentials.kafka()));
      }
    } catch (IOException e) {
      closeAll();
      throw new UncheckedIOException("could not start embedded infrastructure in " + dataDir, e);
    }
    env.getPropertySources().addFirst(new MapPropertySource("cc-embedded-infrastructure", props));
    // Registered before any other bean, so destroyed after all of them (Kafka clients, the
    // connection pool) have let go; also runs when the context fails to start.
    DisposableBean closer = this::closeAll;
    var beans = context.getBeanFactory();
    beans.registerSingleton("ccEmbeddedInfrastructure", closer);
    if (beans instanceof DefaultSingletonBeanRegistry registry) {
      registry.registerDisposableBean("ccEmbeddedInfrastructure", closer);
    }
  }

  private static boolean enabled(ConfigurableEnvironment env, String service, String externalKey) {
    boolean externallyConfigured = env.containsProperty(externalKey);
    return env.getProperty(
        "cc.embedded." + service + ".enabled", Boolean.class, !externallyConfigured);
  }

  private Map<String, Object> startPostgres(Path dir, int port, String password)
      throws IOException {
    Files.createDirectories(dir);
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(false)
            // We stop it ourselves, after the beans that still use it on shutdown.
            .setRegisterShutdownHook(false)
            .setPort(port)
            .setServerConfig("listen_addresses", "127.0.0.1")
            // zonky waits for the server by connecting: with the password once it demands one.
            .setConnectConfig("password", password)
            .start();
    started.add(pg);
    requirePassword(pg, dir, password);
    log.info("embedded PostgreSQL on 127.0.0.1:{} (password required), data in {}", port, dir);
    return Map.of(
        "spring.datasource.url",
        pg.getJdbcUrl("postgres", "postgres"),
        "spring.datasource.username",
        "postgres",
        "spring.datasource.password",
        password);
  }

  /**
   * initdb trusts every local connection; the first start (or the first after an upgrade from a
   * trusting data directory) gives the {@code postgres} role its password and then demands it
   * (SCRAM) from every connection, over TCP and the Unix socket alike.
   */
  private static void requirePassword(EmbeddedPostgres pg, Path dir, String password)
      throws IOException {
    Path hba = dir.resolve("pg_hba.conf");
    boolean trusting =
        Files.readAllLines(hba).stream()
            .map(String::strip)
            .anyMatch(line -> !line.startsWith("#") && line.matches(".*\\strust$"));
    if (!trusting) {
      return;
    }
    try (Connection c =
            DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("SET password_encryption = 'scram-sha-256'");
      s.execute("ALTER ROLE postgres PASSWORD '" + password.replace("'", "''") + "'");
      Files.writeString(hba, PASSWORD_ONLY_HBA);
      s.execute("SELECT pg_reload_conf()");
    } catch (SQLException e) {
      throw new IOException("could not set the embedded PostgreSQL's password", e);
    }
  }

  /**
   * Redis with a password and no dangerous commands: the {@code default} user (no password) is
   * switched off, and the application's user {@code cc} may run every command but those Redis marks
   * dangerous (FLUSHALL, CONFIG, DEBUG, KEYS, SHUTDOWN, MODULE, ACL, ...), INFO aside for the
   * health check. The settings reach redis-server in a temporary file of mode 600, not on its
   * command line, where any user of the machine could read them.
   */
  private Map<String, Object> startRedis(Path dir, int port, String executable, String password)
      throws IOException {
    Files.createDirectories(dir);
    EmbeddedRedis redis =
        EmbeddedRedis.start(
            redisExecutable(executable).get(),
            dir,
            port,
            List.of(
                "appendonly yes",
                "user default off",
                "user " + REDIS_USER + " on >" + password + " " + REDIS_PERMISSIONS));
    started.add(redis);
    log.info(
        "embedded Redis ({}) on 127.0.0.1:{} (user {} with password), data in {}",
        executable,
        port,
        REDIS_USER,
        dir);
    return Map.of(
        "spring.data.redis.host", "127.0.0.1",
        "spring.data.redis.port", port,
        "spring.data.redis.username", REDIS_USER,
        "spring.data.redis.password", password);
  }

  /**
   * The redis-server to run: a path, or {@code bundled} for the binary inside the embedded-redis
   * jar (Redis 6.2.6, with known Lua CVEs such as CVE-2025-49844: for a machine where nothing else
   * can be installed, at the operator's risk).
   */
  private static ExecutableProvider redisExecutable(String executable) throws IOException {
    if ("bundled".equals(executable)) {
      log.warn(
          "embedded Redis: running the bundled Redis 6.2.6, which has known Lua vulnerabilities"
              + " (CVE-2025-49844); install Debian's redis-server instead");
      return ExecutableProvider.newJarResourceProvider();
    }
    File file = new File(executable);
    if (!file.canExecute()) {
      throw new IOException(
          "no redis-server at "
              + executable
              + ": install it (apt-get install redis-server; scripts/run.sh does) or set"
              + " cc.embedded.redis.executable to its path");
    }
    return () -> file;
  }

  private static void makePrivate(Path dir) throws IOException {
    if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /**
   * One KRaft node whose client listener (the test kit's {@code EXTERNAL}, on localhost) demands
   * SASL/PLAIN as user {@code cc}; the controller listener serves this node alone.
   */
  private Map<String, Object> startKafka(int port, String password) {
    EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
    // By default the broker writes its address into the JVM-wide system property
    // spring.kafka.bootstrap-servers, where it outlives this broker: a Spring context started later
    // in the same JVM (a test's) then talked to a Kafka that was gone. The address goes only into
    // this application's own property source below.
    kafka.brokerListProperty(null);
    // One partition for the consumer offsets instead of Kafka's 50: a single node gains nothing
    // from them, and each holds an open log segment in this process, whose open-file limit the
    // visitors' sockets need (docs/benchmarks.md, idle connections). The broker's data is new at
    // each start, so nothing is migrated.
    kafka.brokerProperty("offsets.topic.num.partitions", "1");
    if (port > 0) {
      kafka.kafkaPorts(port);
    }
    String login =
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + KAFKA_USER
            + "\" password=\""
            + password
            + "\"";
    kafka.brokerProperty(
        "listener.security.protocol.map", "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
    kafka.brokerProperty("sasl.enabled.mechanisms", "PLAIN");
    kafka.brokerProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
    kafka.brokerProperty(
        "listener.name.external.plain.sasl.jaas.config",
        login + " user_" + KAFKA_USER + "=\"" + password + "\";");
    kafka.afterPropertiesSet();
    started.add(kafka::destroy);
    log.info(
        "embedded Kafka (KRaft) at {} (SASL/PLAIN user {})",
        kafka.getBrokersAsString(),
        KAFKA_USER);
    return Map.of(
        "spring.kafka.bootstrap-servers",
        kafka.getBrokersAsString(),
        "spring.kafka.security.protocol",
        "SASL_PLAINTEXT",
        "spring.kafka.properties.sasl.mechanism",
        "PLAIN",
        "spring.kafka.properties.sasl.jaas.config",
        login + ";");
  }

  private synchronized void closeAll() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        // Shutting down: report and go on closing the others.
        log.warn("stopping embedded service failed: {}", e.toString());
      }
    }
    started.clear();
  }
}
