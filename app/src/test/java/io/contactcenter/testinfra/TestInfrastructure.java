package io.contactcenter.testinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * The one place that decides where integration tests find PostgreSQL, Redis, Kafka and Asterisk.
 *
 * <p>Where a Docker engine answers, PostgreSQL, Redis and Kafka run in Testcontainers; otherwise
 * (this machine, CI) the same real servers run embedded: zonky's PostgreSQL binaries, an embedded
 * Redis server and an in-JVM KRaft broker. Asterisk is the local Asterisk 22 from the Debian sid
 * tree either way. Everything starts once per test JVM and is shared by all Spring contexts.
 */
public final class TestInfrastructure {

  private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

  /** Where the services are. */
  public record Services(
      String jdbcUrl,
      String dbUser,
      String dbPassword,
      String redisHost,
      int redisPort,
      String kafka,
      String mode) {}

  private static Services services;
  private static LocalAsterisk asterisk;
  private static boolean asteriskStarted;
  private static final int AGI_PORT = FreePorts.next();

  private TestInfrastructure() {}

  public static synchronized Services services() {
    if (services == null) {
      services = dockerAvailable() ? containers() : embedded();
      log.info("test infrastructure ({}): {}", services.mode(), services);
    }
    return services;
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
      asterisk = new LocalAsterisk("shared", LocalAsterisk.Ports.allocate(AGI_PORT));
      Runtime.getRuntime().addShutdownHook(new Thread(asterisk::stop, "stop-test-asterisk"));
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

  private static Services containers() {
    PostgreSQLContainer<?> pg = new PostgreSQLContainer<>("postgres:18");
    GenericContainer<?> redis = new GenericContainer<>("redis:7").withExposedPorts(6379);
    KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");
    pg.start();
    redis.start();
    kafka.start();
    return new Services(
        pg.getJdbcUrl(),
        pg.getUsername(),
        pg.getPassword(),
        redis.getHost(),
        redis.getMappedPort(6379),
        kafka.getBootstrapServers(),
        "testcontainers");
  }

  private static Services embedded() {
    try {
      Path dir = Files.createTempDirectory("cc-test-infra");
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir.resolve("postgres"))
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .start();
      int redisPort = FreePorts.next();
      RedisServer redis =
          RedisServer.newRedisServer()
              .executableProvider(redisExecutable())
              .port(redisPort)
              .bind("127.0.0.1")
              .build();
      redis.start();
      EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
      kafka.afterPropertiesSet();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    kafka.destroy();
                    try {
                      redis.stop();
                      pg.close();
                    } catch (IOException e) {
                      log.warn("stopping embedded servers: {}", e.toString());
                    }
                  },
                  "stop-test-infrastructure"));
      return new Services(
          pg.getJdbcUrl("postgres", "postgres"),
          "postgres",
          "",
          "127.0.0.1",
          redisPort,
          kafka.getBrokersAsString(),
          "embedded");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded test infrastructure", e);
    }
  }

  /**
   * Debian's redis-server, as in production's embedded mode (scripts/test.sh installs it), else the
   * binary bundled with embedded-redis.
   */
  public static ExecutableProvider redisExecutable() {
    File debian = new File("/usr/bin/redis-server");
    return debian.canExecute() ? () -> debian : ExecutableProvider.newJarResourceProvider();
  }

  /**
   * Points a Spring context at the shared services and the shared Asterisk's ports. The AMI client
   * simply keeps reconnecting until a test starts Asterisk.
   */
  public static final class Initializer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      Services s = services();
      LocalAsterisk.Ports ports = asteriskPorts();
      context
          .getEnvironment()
          .getPropertySources()
          // Lowest precedence: a test's own @DynamicPropertySource or properties win.
          .addLast(
              new MapPropertySource(
                  "cc-test-infrastructure",
                  Map.of(
                      "spring.datasource.url", s.jdbcUrl(),
                      "spring.datasource.username", s.dbUser(),
                      "spring.datasource.password", s.dbPassword(),
                      "spring.data.redis.host", s.redisHost(),
                      "spring.data.redis.port", s.redisPort(),
                      "spring.kafka.bootstrap-servers", s.kafka(),
                      "cc.pbx.ami.port", ports.ami(),
                      "cc.pbx.ami.password", LocalAsterisk.AMI_SECRET,
                      "cc.pbx.fastagi.port", ports.agi(),
                      "cc.pbx.recordings.dir", asterisk.recordings().toString())));
    }
  }
}
