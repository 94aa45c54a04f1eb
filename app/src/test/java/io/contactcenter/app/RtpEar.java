package io.contactcenter.app;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A phone's audio played by the test: a UDP socket whose port a SIPp scenario puts in its SDP, so
 * Asterisk sends that phone's RTP (PCMU) here. It measures, per 20 ms frame received, how loud a
 * tone of a given frequency is in it (Goertzel), and can speak a tone of its own back to the
 * address the last packet came from (Asterisk latches onto it: rtp_symmetric).
 *
 * <p>Tones are multiples of 50 Hz: over a 160-sample frame each is a whole number of cycles, so a
 * tone shows nothing at another's frequency and the measurement needs no threshold tuning.
 */
final class RtpEar implements AutoCloseable {

  /** Amplitude (of 32767) a frame needs at the frequency to count as hearing the tone. */
  static final double HEARD = 1000;

  private static final int SAMPLES = 160;

  private final String name;
  private final DatagramSocket socket;
  private final Thread receiver;
  private final ScheduledExecutorService speaker;
  private final List<Frame> frames = new ArrayList<>();
  private volatile SocketAddress remote;
  private volatile double toneHz;
  private int sequence = ThreadLocalRandom.current().nextInt(0, 60000);
  private long timestamp;
  private final int ssrc = ThreadLocalRandom.current().nextInt();

  private record Frame(long atNanos, short[] samples) {}

  RtpEar(String name) throws SocketException {
    this.name = name;
    this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    this.receiver = Thread.ofVirtual().name("rtp-ear-" + name).start(this::receive);
    this.speaker =
        Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "rtp-mouth-" + name));
    speaker.scheduleAtFixedRate(this::speak, 20, 20, TimeUnit.MILLISECONDS);
  }

  int port() {
    return socket.getLocalPort();
  }

  /** From now on sends a sine of {@code hz} (amplitude 8000) once Asterisk has sent us audio. */
  void say(double hz) {
    this.toneHz = hz;
  }

  /** Now, for {@link #framesWith} and {@link #framesSince}. */
  static long now() {
    return System.nanoTime();
  }

  /** Frames received after {@code since}. */
  synchronized int framesSince(long since) {
    return (int) frames.stream().filter(f -> f.atNanos() > since).count();
  }

  /** Frames received after {@code since} in which the tone {@code hz} is heard. */
  synchronized int framesWith(double hz, long since) {
    int heard = 0;
    for (Frame f : frames) {
      if (f.atNanos() > since && amplitude(f.samples(), hz) > HEARD) {
        heard++;
      }
    }
    return heard;
  }

  /** Whether no frame has come for {@code millis}. */
  synchronized boolean quietFor(long millis) {
    return frames.isEmpty()
        || frames.get(frames.size() - 1).atNanos() < System.nanoTime() - millis * 1_000_000;
  }

  @Override
  public String toString() {
    return name + " ear on port " + port();
  }

  private void receive() {
    byte[] buffer = new byte[2048];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (IOException closed) {
        return;
      }
      int length = packet.getLength();
      if (length <= 12 || (buffer[1] & 0x7f) != 0) {
        continue; // not PCMU (RTCP, telephone-event)
      }
      remote = packet.getSocketAddress();
      int header = 12 + 4 * (buffer[0] & 0x0f);
      short[] samples = new short[Math.max(0, length - header)];
      for (int i = 0; i < samples.length; i++) {
        samples[i] = ulawToLinear(buffer[header + i]);
      }
      synchronized (this) {
        frames.add(new Frame(System.nanoTime(), samples));
      }
    }
  }

  private void speak() {
    SocketAddress to = remote;
    double hz = toneHz;
    if (to == null || hz == 0) {
      return;
    }
    byte[] packet = new byte[12 + SAMPLES];
    packet[0] = (byte) 0x80;
    packet[1] = 0; // PCMU
    packet[2] = (byte) (sequence >> 8);
    packet[3] = (byte) sequence;
    packet[4] = (byte) (timestamp >> 24);
    packet[5] = (byte) (timestamp >> 16);
    packet[6] = (byte) (timestamp >> 8);
    packet[7] = (byte) timestamp;
    packet[8] = (byte) (ssrc >> 24);
    packet[9] = (byte) (ssrc >> 16);
    packet[10] = (byte) (ssrc >> 8);
    packet[11] = (byte) ssrc;
    for (int i = 0; i < SAMPLES; i++) {
      double t = (timestamp + i) / 8000.0;
      packet[12 + i] = linearToUlaw((int) (8000 * Math.sin(2 * Math.PI * hz * t)));
    }
    sequence = (sequence + 1) & 0xffff;
    timestamp += SAMPLES;
    try {
      socket.send(new DatagramPacket(packet, packet.length, to));
    } catch (IOException e) {
      // Closed at the end of the test.
    }
  }

  /** The tone's amplitude in the frame (Goertzel at {@code hz}). */
  static double amplitude(short[] samples, double hz) {
    if (samples.length == 0) {
      return 0;
    }
    double coefficient = 2 * Math.cos(2 * Math.PI * hz / 8000);
    double s1 = 0;
    double s2 = 0;
    for (short sample : samples) {
      double s0 = sample + coefficient * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    return 2 * Math.sqrt(Math.max(0, power)) / samples.length;
  }

  static short ulawToLinear(byte b) {
    int u = ~b & 0xff;
    int t = ((u & 0x0f) << 3) + 0x84;
    t <<= (u & 0x70) >> 4;
    return (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
  }

  static byte linearToUlaw(int sample) {
    int sign = sample < 0 ? 0x80 : 0;
    int magnitude = Math.min(Math.abs(sample), 32635) + 0x84;
    int exponent = 7;
    for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (magnitude >> (exponent + 3)) & 0x0f;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }

  @Override
  public void close() {
    speaker.shutdownNow();
    socket.close();
    receiver.interrupt();
  }
}
