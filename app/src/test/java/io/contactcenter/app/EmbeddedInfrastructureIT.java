package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.app.embedded.EmbeddedInfrastructure;
import io.contactcenter.testinfra.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import redis.clients.jedis.Jedis;

/**
 * Embedded mode keeps its data in the data directory: what was written before a restart is there
 * after it (PostgreSQL and Redis), and every server is reachable at the address it announces.
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
    return new Jedis(
        env.getRequiredProperty("spring.data.redis.host"),
        env.getRequiredProperty("spring.data.redis.port", Integer.class));
  }
}
