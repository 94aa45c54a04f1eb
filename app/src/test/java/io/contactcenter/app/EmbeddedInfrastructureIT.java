package io.contactcenter.app;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.app.embedded.EmbeddedInfrastructure;
import io.contactcenter.testinfra.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import redis.clients.jedis.Jedis;

/**
 * Embedded mode keeps its data in the data directory: what was written before a restart is there
 * after it (PostgreSQL and Redis), and every server is reachable at the address it announces, with
 * the password generated into the data directory and only with it.
 */
class EmbeddedInfrastructureIT {

  @TempDir Path dataDir;

  @Test
  void dataSurvivesARestartOfTheEmbeddedServers() throws Exception {
    Map<String, Object> settings =
        Map.of(
            "cc.embedded.data-dir", dataDir.toString(),
            "cc.embedded.postgres.port", FreePorts.next(),
            "cc.embedded.redis.port", FreePorts.next(),
            "cc.embedded.kafka.enabled", false);

    try (GenericApplicationContext first = start(settings)) {
      try (Connection c = connect(first);
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (v TEXT)");
        s.execute("INSERT INTO kept VALUES ('before restart')");
      }
      try (Jedis redis = redis(first)) {
        redis.set("kept", "before restart");
      }
    }

    try (GenericApplicationContext second = start(settings)) {
      try (Connection c = connect(second);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("before restart");
      }
      try (Jedis redis = redis(second)) {
        assertThat(redis.get("kept")).isEqualTo("before restart");
      }
    }
    assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();
  }

  @Test
  void theServicesDemandTheGeneratedPasswordsKeptPrivateInTheDataDirectory() throws Exception {
    Map<String, Object> settings =
        Map.of(
            "cc.embedded.data-dir", dataDir.toString(),
            "cc.embedded.postgres.port", FreePorts.next(),
            "cc.embedded.redis.port", FreePorts.next(),
            "cc.embedded.kafka.enabled", false);

    try (GenericApplicationContext context = start(settings)) {
      Path credentials = dataDir.resolve("credentials.properties");
      assertThat(Files.getPosixFilePermissions(credentials))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.getPosixFilePermissions(dataDir))
          .isEqualTo(PosixFilePermissions.fromString("rwx------"));
      Properties secrets = new Properties();
      try (var in = Files.newBufferedReader(credentials)) {
        secrets.load(in);
      }
      var env = context.getEnvironment();
      String url = env.getRequiredProperty("spring.datasource.url");
      assertThat(env.getProperty("spring.datasource.password"))
          .isEqualTo(secrets.getProperty("postgres.password"))
          .hasSizeGreaterThanOrEqualTo(40);

      // PostgreSQL: no password, a wrong one: refused; the generated one: in.
      assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
      try (Connection c = connect(context)) {
        assertThat(c.isValid(5)).isTrue();
      }

      // Redis: nothing without the password; with it, no dangerous commands but Lua works (the
      // dial pacer's scripts), on a Redis patched for CVE-2025-49844.
      int port = env.getRequiredProperty("spring.data.redis.port", Integer.class);
      try (Jedis anonymous = new Jedis("127.0.0.1", port)) {
        assertThatThrownBy(anonymous::ping).hasMessageContaining("NOAUTH");
      }
      try (Jedis redis = redis(context)) {
        assertThat(redis.ping()).isEqualTo("PONG");
        assertThat(redis.eval("return 41 + 1")).isEqualTo(42L);
        assertThatThrownBy(redis::flushAll).hasMessageContaining("NOPERM");
        assertThatThrownBy(() -> redis.configGet("*")).hasMessageContaining("NOPERM");
        assertThatThrownBy(() -> redis.keys("*")).hasMessageContaining("NOPERM");
        String version = redis.info("server").replaceAll("(?s).*redis_version:([0-9.]+).*", "$1");
        assertThat(Runtime.Version.parse(version))
            .as("redis_version %s", version)
            .isGreaterThanOrEqualTo(Runtime.Version.parse("7.0.15"));
      }
      // Redis reads its password from a configuration file only the application's user can read.
      Path redisConfig = dataDir.resolve("redis/redis.conf");
      assertThat(Files.getPosixFilePermissions(redisConfig))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.readString(redisConfig)).contains(secrets.getProperty("redis.password"));
    }
  }

  @Test
  void kafkaTakesRecordsOnlyFromItsSaslUser() throws Exception {
    Map<String, Object> settings =
        Map.of(
            "cc.embedded.data-dir", dataDir.toString(),
            "cc.embedded.postgres.enabled", false,
            "cc.embedded.redis.enabled", false,
            // Explicitly: a broker started earlier in this JVM (the shared test infrastructure)
            // leaves spring.kafka.bootstrap-servers behind as a system property.
            "cc.embedded.kafka.enabled", true);

    try (GenericApplicationContext context = start(settings)) {
      var env = context.getEnvironment();
      Map<String, Object> client = new HashMap<>();
      client.put(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
          env.getRequiredProperty("spring.kafka.bootstrap-servers"));
      client.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
      client.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
      client.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);

      try (KafkaProducer<String, String> anonymous = producer(client)) {
        assertThatThrownBy(
                () -> anonymous.send(new ProducerRecord<>("probe", "k", "v")).get(15, SECONDS))
            .isNotNull();
      }
      Map<String, Object> wrong = new HashMap<>(client);
      wrong.put("security.protocol", "SASL_PLAINTEXT");
      wrong.put("sasl.mechanism", "PLAIN");
      wrong.put(
          "sasl.jaas.config",
          "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"cc\""
              + " password=\"guessed\";");
      try (KafkaProducer<String, String> guesser = producer(wrong)) {
        assertThatThrownBy(
                () -> guesser.send(new ProducerRecord<>("probe", "k", "v")).get(15, SECONDS))
            .hasStackTraceContaining("Authentication failed");
      }
      Map<String, Object> app = new HashMap<>(client);
      app.put("security.protocol", env.getRequiredProperty("spring.kafka.security.protocol"));
      app.put("sasl.mechanism", env.getRequiredProperty("spring.kafka.properties.sasl.mechanism"));
      app.put(
          "sasl.jaas.config", env.getRequiredProperty("spring.kafka.properties.sasl.jaas.config"));
      try (KafkaProducer<String, String> producer = producer(app)) {
        assertThat(producer.send(new ProducerRecord<>("probe", "k", "v")).get(30, SECONDS))
            .isNotNull();
      }
    }
  }

  private static KafkaProducer<String, String> producer(Map<String, Object> config) {
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static GenericApplicationContext start(Map<String, Object> settings) {
    GenericApplicationContext context = new GenericApplicationContext();
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", settings));
    new EmbeddedInfrastructure().initialize(context);
    context.refresh();
    return context;
  }

  private static Connection connect(GenericApplicationContext context) throws Exception {
    var env = context.getEnvironment();
    return DriverManager.getConnection(
        env.getRequiredProperty("spring.datasource.url"),
        env.getRequiredProperty("spring.datasource.username"),
        env.getProperty("spring.datasource.password"));
  }

  private static Jedis redis(GenericApplicationContext context) {
    var env = context.getEnvironment();
    Jedis jedis =
        new Jedis(
            env.getRequiredProperty("spring.data.redis.host"),
            env.getRequiredProperty("spring.data.redis.port", Integer.class));
    jedis.auth(
        env.getRequiredProperty("spring.data.redis.username"),
        env.getRequiredProperty("spring.data.redis.password"));
    return jedis;
  }
}
