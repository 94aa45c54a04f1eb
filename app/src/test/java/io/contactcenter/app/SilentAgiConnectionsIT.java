package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.ivr.HotlineDigitsEntered;
import io.contactcenter.testinfra.CapturedEvents;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;

/**
 * Idle sockets against the FastAGI port cannot keep real calls out: a peer that opens connections
 * and says nothing is capped at {@code cc.pbx.fastagi.max-pending-per-peer} (16), its extra
 * connections are refused at once, its silent ones are closed after the request timeout (5 s), and
 * meanwhile a caller dialling the hotline through the real Asterisk is served as always.
 */
@ContactCenterIT
class SilentAgiConnectionsIT {

  private static final int CAP = 16;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  @Autowired CapturedEvents events;
  @Autowired HealthEndpoint health;

  @Test
  void aCallGetsThroughWhileAnotherPeerHoldsSilentConnections() throws Exception {
    LocalAsterisk asterisk = TestInfrastructure.asterisk();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> health.healthForPath("ami").getStatus().equals(Status.UP));
    // Asterisk reaches the app from 127.0.0.1; the silent peer is another loopback address.
    InetAddress intruder = InetAddress.getByName("127.0.0.2");
    List<Socket> silent = new ArrayList<>();
    try {
      long opened = System.nanoTime();
      for (int i = 0; i < CAP; i++) {
        silent.add(connectFrom(intruder));
      }

      try (Socket refused = connectFrom(intruder)) {
        long start = System.nanoTime();
        assertThat(refused.getInputStream().read()).as("refused at once").isEqualTo(-1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(REQUEST_TIMEOUT);
      }

      int before = events.ofType(HotlineDigitsEntered.class).size();
      Sipp.Result call =
          Sipp.scenario("customer-dtmf.xml")
              .key("digits", "0")
              .callAsterisk(asterisk.ports().sip());

      assertThat(call.succeeded()).as("SIPp call failed:%n%s", call.output()).isTrue();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> events.ofType(HotlineDigitsEntered.class).size() > before);
      assertThat(events.ofType(HotlineDigitsEntered.class).getLast().digits()).isEqualTo("0");

      // Every silent connection was closed by the server once its request timeout passed.
      for (Socket socket : silent) {
        assertThat(socket.getInputStream().read()).as("closed by the server").isEqualTo(-1);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - opened))
          .isGreaterThanOrEqualTo(REQUEST_TIMEOUT);
    } finally {
      for (Socket socket : silent) {
        socket.close();
      }
    }
  }

  private static Socket connectFrom(InetAddress local) throws IOException {
    Socket socket =
        new Socket(InetAddress.getByName("127.0.0.1"), TestInfrastructure.agiPort(), local, 0);
    socket.setSoTimeout((int) REQUEST_TIMEOUT.multipliedBy(4).toMillis());
    return socket;
  }
}
