package io.contactcenter.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import redis.embedded.RedisServer;

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
      if (enabled(env, "postgres", "spring.datasource.url")) {
        props.putAll(
            startPostgres(
                dataDir.resolve("postgres"),
                env.getProperty("cc.embedded.postgres.port", Integer.class, 54329)));
      }
      if (enabled(env, "redis", "spring.data.redis.host")) {
        props.putAll(
            startRedis(
                dataDir.resolve("redis"),
                env.getProperty("cc.embedded.redis.port", Integer.class, 63799)));
      }
      if (enabled(env, "kafka", "spring.kafka.bootstrap-servers")) {
        props.putAll(startKafka(env.getProperty("cc.embedded.kafka.port", Integer.class, 0)));
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

  private Map<String, Object> startPostgres(Path dir, int port) throws IOException {
    Files.createDirectories(dir);
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(false)
            // We stop it ourselves, after the beans that still use it on shutdown.
            .setRegisterShutdownHook(false)
            .setPort(port)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .start();
    started.add(pg);
    log.info("embedded PostgreSQL on 127.0.0.1:{}, data in {}", port, dir);
    return Map.of(
        "spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"),
        "spring.datasource.username", "postgres",
        "spring.datasource.password", "");
  }

  private Map<String, Object> startRedis(Path dir, int port) throws IOException {
    Files.createDirectories(dir);
    RedisServer redis =
        RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("dir " + dir)
            .setting("appendonly yes")
            .build();
    redis.start();
    started.add(redis::stop);
    log.info("embedded Redis on 127.0.0.1:{}, data in {}", port, dir);
    return Map.of("spring.data.redis.host", "127.0.0.1", "spring.data.redis.port", port);
  }

  private Map<String, Object> startKafka(int port) {
    EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
    if (port > 0) {
      kafka.kafkaPorts(port);
    }
    kafka.afterPropertiesSet();
    started.add(kafka::destroy);
    log.info("embedded Kafka (KRaft) at {}", kafka.getBrokersAsString());
    return Map.of("spring.kafka.bootstrap-servers", kafka.getBrokersAsString());
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
