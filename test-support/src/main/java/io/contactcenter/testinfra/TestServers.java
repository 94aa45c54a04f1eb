package io.contactcenter.testinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import redis.embedded.core.ExecutableProvider;

/**
 * How {@link TestInfrastructure} starts PostgreSQL, Redis and Kafka: in Testcontainers where a
 * Docker engine answers, otherwise embedded (zonky's PostgreSQL binaries, a redis-server process,
 * an in-JVM KRaft broker). Every server is registered to stop with {@link
 * TestInfrastructure#onShutdown}, after the contexts that use it; none has a shutdown hook of its
 * own.
 */
final class TestServers {

  private TestServers() {}

  /** The PostgreSQL server: a JDBC URL per database name, and the credentials. */
  record Database(String urlTemplate, String user, String password) {

    String url(String name) {
      return urlTemplate.formatted(name);
    }
  }

  static Database postgresContainer() {
    PostgreSQLContainer<?> pg = new PostgreSQLContainer<>("postgres:18");
    pg.start();
    return new Database(
        "jdbc:postgresql://" + pg.getHost() + ":" + pg.getMappedPort(5432) + "/%s",
        pg.getUsername(),
        pg.getPassword());
  }

  static Database embeddedPostgres() {
    try {
      Path dir = Files.createTempDirectory("cc-test-postgres");
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir.resolve("postgres"))
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              // Stopped by shutdown(), after the contexts that use it: its own hook would stop it
              // under them.
              .setRegisterShutdownHook(false)
              .start();
      TestInfrastructure.onShutdown(
          "PostgreSQL",
          false,
          () -> {
            pg.close();
            return null;
          });
      return new Database(pg.getJdbcUrl("postgres", "%s"), "postgres", "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
    }
  }

  static TestInfrastructure.Services containers(Database db) {
    GenericContainer<?> redis = new GenericContainer<>("redis:7").withExposedPorts(6379);
    KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");
    redis.start();
    kafka.start();
    return new TestInfrastructure.Services(
        db.url("test"),
        db.user(),
        db.password(),
        redis.getHost(),
        redis.getMappedPort(6379),
        kafka.getBootstrapServers(),
        "testcontainers");
  }

  static TestInfrastructure.Services embedded(Database db) {
    int redisPort = FreePorts.next();
    Process redis = startRedis(redisPort);
    TestInfrastructure.onShutdown(
        "Redis",
        false,
        () -> {
          redis.destroy();
          if (!redis.waitFor(10, TimeUnit.SECONDS)) {
            redis.destroyForcibly();
          }
          return null;
        });
    EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
    // As the application's embedded mode: one consumer-offsets partition, not 50 open log segments.
    kafka.brokerProperty("offsets.topic.num.partitions", "1");
    kafka.afterPropertiesSet();
    TestInfrastructure.onShutdown(
        "Kafka",
        false,
        () -> {
          kafka.destroy();
          return null;
        });
    return new TestInfrastructure.Services(
        db.url("postgres"),
        db.user(),
        db.password(),
        "127.0.0.1",
        redisPort,
        kafka.getBrokersAsString(),
        "embedded");
  }

  /**
   * A redis-server process of the test JVM's own, for test data only (no snapshots: Debian's
   * redis-server would write them to its working directory, fail there, and then refuse every
   * write). Not embedded-redis's {@code RedisServer}: that registers a JVM shutdown hook of its own
   * which stopped Redis under the still-open contexts.
   */
  private static Process startRedis(int port) {
    try {
      Path dir = Files.createTempDirectory("test-redis");
      Path log = dir.resolve("redis.log");
      File binary = redisExecutable().get();
      Process redis =
          new ProcessBuilder(
                  binary.getPath(),
                  "--port",
                  Integer.toString(port),
                  "--bind",
                  "127.0.0.1",
                  "--dir",
                  dir.toString(),
                  "--save",
                  "",
                  "--appendonly",
                  "no")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline) {
        if (!redis.isAlive()) {
          throw new IllegalStateException(
              "embedded Redis exited at start: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        try (Socket ignored = new Socket("127.0.0.1", port)) {
          return redis;
        } catch (IOException notYet) {
          Thread.sleep(50);
        }
      }
      redis.destroyForcibly();
      throw new IllegalStateException("embedded Redis did not listen on port " + port + " in 20 s");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded Redis", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting embedded Redis", e);
    }
  }

  /**
   * Debian's redis-server, as in production's embedded mode (scripts/test.sh installs it), else the
   * binary bundled with embedded-redis.
   */
  static ExecutableProvider redisExecutable() {
    File debian = new File("/usr/bin/redis-server");
    return debian.canExecute() ? () -> debian : ExecutableProvider.newJarResourceProvider();
  }
}
