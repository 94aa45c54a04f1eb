package io.contactcenter.app.health;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.stereotype.Component;

/** The {@code kafka} health component: UP when the cluster answers a describe within 3 s. */
@Component("kafka")
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

  private final AdminClient admin;

  KafkaHealthIndicator(KafkaProperties properties) {
    Map<String, Object> config = properties.buildAdminProperties(null);
    config.put("request.timeout.ms", 3000);
    config.put("default.api.timeout.ms", 3000);
    this.admin = AdminClient.create(config);
  }

  @Override
  public Health health() {
    try {
      DescribeClusterResult cluster =
          admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
      String clusterId = cluster.clusterId().get(3, TimeUnit.SECONDS);
      int nodes = cluster.nodes().get(3, TimeUnit.SECONDS).size();
      return Health.up().withDetail("clusterId", clusterId).withDetail("brokers", nodes).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down().withDetail("error", "interrupted").build();
    } catch (ExecutionException | TimeoutException e) {
      return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
    }
  }

  @Override
  public void destroy() {
    // Bounded: with the broker already gone an unbounded close waits forever.
    admin.close(java.time.Duration.ofSeconds(2));
  }
}
