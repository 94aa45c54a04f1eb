package io.contactcenter.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The FastAGI server against raw sockets: one speaks AGI as Asterisk does, the others connect and
 * stay silent. Silent sockets are closed after the request timeout, one address may keep only so
 * many of them, and they never take a place in the call pool.
 */
class FastAgiServerTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final BlockingQueue<String> scriptsRun = new LinkedBlockingQueue<>();
  private final List<Socket> sockets = new ArrayList<>();
  private FastAgiServer server;
  private int port;

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void aConnectionThatSendsNoRequestIsClosedAfterTheRequestTimeout() throws IOException {
    start(Duration.ofMillis(300), 16, 10);
    Socket silent = connectFrom("127.0.0.1");
    long start = System.nanoTime();

    assertThat(silent.getInputStream().read()).as("closed by the server").isEqualTo(-1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), WAIT);
  }

  @Test
  void onePeerKeepsOnlySoManySilentConnectionsWhileAsterisksCallStillRuns() throws Exception {
    start(WAIT.multipliedBy(2), 2, 10);
    connectFrom("127.0.0.2");
    connectFrom("127.0.0.2");

    Socket refused = connectFrom("127.0.0.2");
    long start = System.nanoTime();
    assertThat(refused.getInputStream().read()).as("closed at once").isEqualTo(-1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT);

    assertThat(call("hello")).isEqualTo("hello");
  }

  @Test
  void silentConnectionsTakeNoPlaceInTheCallPool() throws Exception {
    // One call at a time, and three silent sockets from three addresses: the call still runs.
    start(WAIT.multipliedBy(2), 16, 1);
    connectFrom("127.0.0.2");
    connectFrom("127.0.0.3");
    connectFrom("127.0.0.4");

    assertThat(call("hello")).isEqualTo("hello");
    // The only place comes back once the first call's handler has returned, a moment after its
    // last reply; a call that arrives before that is refused, as any call beyond the limit is.
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(call("hello")).as("and the next one").isEqualTo("hello"));
  }

  /** Plays Asterisk's side of one AGI call; returns the script that ran. */
  private String call(String script) throws Exception {
    try (Socket asterisk = connectFrom("127.0.0.1")) {
      OutputStream out = asterisk.getOutputStream();
      out.write(
          ("agi_network: yes\n"
                  + "agi_network_script: "
                  + script
                  + "\n"
                  + "agi_request: agi://127.0.0.1:"
                  + port
                  + "/"
                  + script
                  + "\n"
                  + "agi_channel: PJSIP/test-00000001\n"
                  + "agi_uniqueid: 1700000000.1\n"
                  + "\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // asterisk-java reports the outcome in a channel variable once the script has run: answer it
      // as Asterisk would. A refused call is closed at once (null).
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(asterisk.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"");
      out.write("200 result=1\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return scriptsRun.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void start(Duration requestTimeout, int maxPendingPerPeer, int maxCalls)
      throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    server =
        new FastAgiServer(
            new PbxProperties.FastAgi(
                true, "127.0.0.1", port, maxCalls, requestTimeout, maxPendingPerPeer),
            new AllowListMappingStrategy(
                Map.of("hello", (request, channel) -> scriptsRun.add(request.getScript()))));
    server.start();
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () -> {
              new Socket("127.0.0.1", port).close();
              return true;
            });
  }

  private Socket connectFrom(String local) throws IOException {
    Socket socket =
        new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(local), 0);
    socket.setSoTimeout((int) WAIT.toMillis());
    sockets.add(socket);
    return socket;
  }
}
