package io.contactcenter.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.contactcenter.pbx.ChannelFailedException;
import io.contactcenter.pbx.MediaEvent;
import io.contactcenter.pbx.internal.AudioSocketCodec.Kind;
import io.contactcenter.pbx.internal.AudioSocketCodec.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AudioSocket server and media session against a raw socket playing Asterisk. */
class AudioSocketServerTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final AudioSocketServer server =
      new AudioSocketServer(
          new PbxProperties.AudioSocket(
              "127.0.0.1", 0, "127.0.0.1", WAIT, Duration.ofSeconds(2), WAIT, 3));
  private final FakeMediaClock clock = new FakeMediaClock();
  private final AtomicBoolean released = new AtomicBoolean();

  @BeforeEach
  void start() {
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void theServiceArgumentNamesTheEphemeralPortActuallyBound() {
    assertThat(server.port()).isPositive();
    assertThat(server.service()).isEqualTo("127.0.0.1:" + server.port());
  }

  @Test
  void aRegisteredUuidIsPairedAndTheCallersAudioAndKeysReachTheSession() throws IOException {
    UUID id = UUID.randomUUID();
    try (AudioSocketServer.Expected expected = server.expect(id);
        Socket asterisk = connect()) {
      OutputStream out = asterisk.getOutputStream();
      out.write(AudioSocketCodec.encodeUuid(id));
      out.write(AudioSocketCodec.encode(Kind.AUDIO, new byte[320]));
      out.write(AudioSocketCodec.encode(Kind.DTMF, new byte[] {'7'}));
      out.flush();

      try (AudioSocketMediaSession media = session(expected.await(WAIT))) {
        assertThat(media.next(WAIT))
            .get()
            .isInstanceOfSatisfying(
                MediaEvent.Audio.class, a -> assertThat(a.samples()).isEqualTo(160));
        assertThat(media.next(WAIT)).contains(new MediaEvent.Dtmf('7'));
        assertThat(media.next(Duration.ofMillis(50))).isEmpty();

        asterisk.close(); // the caller hung up
        assertThat(media.next(WAIT)).contains(new MediaEvent.Hangup());
      }
    }
  }

  @Test
  void anUnknownUuidIsClosedAtOnce() throws IOException {
    try (Socket stranger = connect()) {
      stranger.getOutputStream().write(AudioSocketCodec.encodeUuid(UUID.randomUUID()));
      assertThat(stranger.getInputStream().read()).as("closed by the server").isEqualTo(-1);
    }
  }

  @Test
  void aGarbledFirstHeaderIsClosedAtOnce() throws IOException {
    try (Socket garbled = connect()) {
      garbled.getOutputStream().write(HexFormat.of().parseHex("10ffff"));
      assertThat(garbled.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void aFirstMessageThatIsNotAUuidIsClosedAtOnce() throws IOException {
    try (Socket early = connect()) {
      early.getOutputStream().write(AudioSocketCodec.encode(Kind.AUDIO, new byte[320]));
      assertThat(early.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void aGarbledMessageMidStreamEndsTheSessionAsAHangup() throws IOException {
    UUID id = UUID.randomUUID();
    try (AudioSocketServer.Expected expected = server.expect(id);
        Socket asterisk = connect()) {
      asterisk.getOutputStream().write(AudioSocketCodec.encodeUuid(id));
      try (AudioSocketMediaSession media = session(expected.await(WAIT))) {
        asterisk.getOutputStream().write(HexFormat.of().parseHex("7700020000"));

        assertThat(media.next(WAIT)).contains(new MediaEvent.Hangup());
        assertThat(asterisk.getInputStream().read()).as("closed by the server").isEqualTo(-1);
      }
    }
  }

  @Test
  void withoutAConnectionTheWaitFailsAndTheRegistrationIsGone() throws IOException {
    UUID id = UUID.randomUUID();
    try (AudioSocketServer.Expected expected = server.expect(id)) {
      assertThatThrownBy(() -> expected.await(Duration.ofMillis(100)))
          .isInstanceOf(ChannelFailedException.class);
    }
    try (Socket late = connect()) {
      late.getOutputStream().write(AudioSocketCodec.encodeUuid(id));
      assertThat(late.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void anApplicationThatEndsBeforeConnectingWakesTheWaitAtOnce() {
    try (AudioSocketServer.Expected expected = server.expect(UUID.randomUUID())) {
      expected.fail("AudioSocket() returned");
      assertThatThrownBy(() -> expected.await(Duration.ofMinutes(1)))
          .isInstanceOf(ChannelFailedException.class)
          .hasMessageContaining("AudioSocket() returned");
    }
  }

  @Test
  void speechLeavesOneFramePerTwentyMillisecondsAndCloseSendsTheHangup() throws IOException {
    UUID id = UUID.randomUUID();
    try (AudioSocketServer.Expected expected = server.expect(id);
        Socket asterisk = connect()) {
      asterisk.getOutputStream().write(AudioSocketCodec.encodeUuid(id));
      AudioSocketMediaSession media = session(expected.await(WAIT));
      InputStream in = asterisk.getInputStream();

      // One second of audio plus 100 bytes: 51 frames, the last padded with silence.
      byte[] speech = new byte[16_100];
      speech[16_099] = 9;
      media.play(speech);
      for (int i = 0; i < 51; i++) {
        Message frame = AudioSocketCodec.read(in);
        assertThat(frame.kind()).isEqualTo(Kind.AUDIO);
        assertThat(frame.payload()).hasSize(320);
        if (i == 50) {
          assertThat(frame.payload()[99]).isEqualTo((byte) 9);
          assertThat(frame.payload()[100]).isZero();
        }
      }
      await().atMost(WAIT).until(() -> !media.isPlaying());
      // 51 frames on a fixed 20 ms schedule: the last left 50 periods after the first.
      assertThat(clock.now()).isEqualTo(Duration.ofMillis(1000).toNanos());
      assertThat(media.played()).isEqualTo(Duration.ofMillis(1020));

      media.close();

      assertThat(AudioSocketCodec.read(in).kind()).isEqualTo(Kind.HANGUP);
      assertThat(released).isTrue();
      assertThatThrownBy(() -> media.next(Duration.ZERO)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void stopPlaybackDropsTheQueuedSpeechAtOnce() throws IOException {
    UUID id = UUID.randomUUID();
    try (AudioSocketServer.Expected expected = server.expect(id);
        Socket asterisk = connect()) {
      asterisk.getOutputStream().write(AudioSocketCodec.encodeUuid(id));
      AudioSocketServer.Connection connection = expected.await(WAIT);
      try (AudioSocketMediaSession media =
          new AudioSocketMediaSession(
              "1.1", connection.socket(), connection.in(), 100, MediaClock.SYSTEM, () -> {})) {
        media.play(new byte[16_000 * 10]); // ten seconds
        InputStream in = asterisk.getInputStream();
        AudioSocketCodec.read(in);
        AudioSocketCodec.read(in);

        media.stopPlayback();

        assertThat(media.isPlaying()).isFalse();
        // At least the frames read above (the counter may trail the socket by one frame), and
        // nowhere near the ten seconds queued.
        Duration heard = media.played();
        assertThat(heard).isBetween(Duration.ofMillis(20), Duration.ofSeconds(1));
        // A new prompt starts counting from zero.
        media.play(new byte[320]);
        await().atMost(WAIT).until(() -> !media.isPlaying());
        await().atMost(WAIT).until(() -> media.played().equals(Duration.ofMillis(20)));
      }
    }
  }

  // ---- idle connections and the per-peer cap ----

  @Test
  void aConnectionThatNeverSendsItsUuidIsClosedAfterTheHandshakeTimeout() throws IOException {
    AudioSocketServer impatient =
        new AudioSocketServer(
            new PbxProperties.AudioSocket(
                "127.0.0.1",
                0,
                "127.0.0.1",
                WAIT,
                Duration.ofSeconds(2),
                Duration.ofMillis(300),
                3));
    impatient.start();
    try (Socket silent = new Socket("127.0.0.1", impatient.port())) {
      silent.setSoTimeout((int) WAIT.toMillis());
      long start = System.nanoTime();

      assertThat(silent.getInputStream().read()).as("closed by the server").isEqualTo(-1);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isBetween(Duration.ofMillis(250), WAIT);
    } finally {
      impatient.stop();
    }
  }

  @Test
  void onePeerKeepsOnlySoManySilentConnectionsWhileAnotherPeersCallIsPaired() throws IOException {
    InetAddress intruder = InetAddress.getByName("127.0.0.2");
    List<Socket> silent = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        silent.add(connectFrom(intruder));
      }
      await().atMost(WAIT).until(() -> server.pendingHandshakes(intruder) == 3);

      try (Socket refused = connectFrom(intruder)) {
        long start = System.nanoTime();
        assertThat(refused.getInputStream().read()).as("closed at once").isEqualTo(-1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT.dividedBy(2));
      }

      // Asterisk, on its own address, still gets its call's media through.
      UUID id = UUID.randomUUID();
      try (AudioSocketServer.Expected expected = server.expect(id);
          Socket asterisk = connect()) {
        asterisk.getOutputStream().write(AudioSocketCodec.encodeUuid(id));
        assertThat(expected.await(WAIT).socket().isConnected()).isTrue();
      }

      // A silent connection that goes away frees its place.
      silent.remove(0).close();
      await().atMost(WAIT).until(() -> server.pendingHandshakes(intruder) == 2);
      silent.add(connectFrom(intruder));
      await().atMost(WAIT).until(() -> server.pendingHandshakes(intruder) == 3);
    } finally {
      for (Socket socket : silent) {
        socket.close();
      }
    }
  }

  @Test
  void noRegistrationWhileStopped() {
    server.stop();
    assertThatThrownBy(() -> server.expect(UUID.randomUUID()))
        .isInstanceOf(ChannelFailedException.class);
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout((int) WAIT.toMillis());
    return socket;
  }

  private Socket connectFrom(InetAddress local) throws IOException {
    Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), server.port(), local, 0);
    socket.setSoTimeout((int) WAIT.toMillis());
    return socket;
  }

  private AudioSocketMediaSession session(AudioSocketServer.Connection connection)
      throws IOException {
    return new AudioSocketMediaSession(
        "1.1", connection.socket(), connection.in(), 100, clock, () -> released.set(true));
  }

  /** Time that passes only when the sender sleeps. */
  static final class FakeMediaClock implements MediaClock {
    private final AtomicLong now = new AtomicLong();

    long now() {
      return now.get();
    }

    @Override
    public long nanoTime() {
      return now.get();
    }

    @Override
    public void sleepNanos(long nanos) {
      now.addAndGet(nanos);
    }
  }
}
