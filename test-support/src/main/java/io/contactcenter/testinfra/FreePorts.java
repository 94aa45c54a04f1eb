package io.contactcenter.testinfra;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Free loopback ports for servers a test starts, never handed out twice in one JVM.
 *
 * <p>Single ports come from {@value #PORTS_START}-{@value #PORTS_END}, below the kernel's ephemeral
 * range (32768-60999 on Linux) and below the RTP ranges: a port the kernel hands out for {@code
 * bind(0)} or an outgoing connection is never one a server is about to bind, and test JVMs running
 * side by side ({@code cc.test.fork} of {@code cc.test.forks}, set by Failsafe) take ports from
 * separate regions, so two never hand out the same port before either binds. Within its region a
 * JVM picks at random (seeded by its pid) and never hands out the neighbour of a port it gave,
 * since some servers bind the next port as well.
 */
public final class FreePorts {

  private static final int PORTS_START = 10000;
  private static final int PORTS_END = 19999;
  private static final int RTP_START = 20000;
  private static final int RTP_END = 60000;
  private static final Set<Integer> given = new HashSet<>();
  private static final Random random = new Random(ProcessHandle.current().pid());

  private FreePorts() {}

  /**
   * This JVM's fork number (1 to {@code forks}) from {@code cc.test.fork}, which Failsafe sets to
   * {@code fork-N}; 1 when it is missing.
   */
  static int fork(int forks) {
    String digits = System.getProperty("cc.test.fork", "").replaceAll("[^0-9]", "");
    int fork = digits.isEmpty() ? 1 : Integer.parseInt(digits);
    return Math.clamp(fork, 1, forks);
  }

  /** A port free for both TCP and UDP (SIP uses UDP, AMI/AGI TCP). */
  public static synchronized int next() {
    int forks = Math.max(1, Integer.getInteger("cc.test.forks", 1));
    int fork = fork(forks);
    int region = (PORTS_END - PORTS_START + 1) / forks;
    int regionStart = PORTS_START + (fork - 1) * region;
    for (int attempt = 0; attempt < 500; attempt++) {
      int port = regionStart + random.nextInt(region);
      if (given.contains(port) || given.contains(port - 1) || given.contains(port + 1)) {
        continue; // not a port given before, nor its neighbour
      }
      try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
          DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
        given.add(port);
        return port;
      } catch (IOException busy) {
        // taken by something else: try another
      }
    }
    throw new IllegalStateException(
        "no free loopback port in " + regionStart + "-" + (regionStart + region - 1));
  }

  /**
   * The first of {@code count} consecutive even-aligned UDP ports that are free (RTP ranges). Test
   * JVMs running side by side ({@code cc.test.fork} of {@code cc.test.forks}, set by Failsafe) take
   * ranges from separate regions, so two never hand out the same range before either binds.
   */
  public static synchronized int rtpRange(int count) {
    int forks = Math.max(1, Integer.getInteger("cc.test.forks", 1));
    int fork = fork(forks);
    int region = (RTP_END - RTP_START) / forks;
    int regionStart = RTP_START + (fork - 1) * region;
    int regionEnd = regionStart + region;
    for (int base = regionStart + (int) (ProcessHandle.current().pid() % 100) * 20;
        base + count <= regionEnd;
        base += count) {
      boolean free = true;
      for (int p = base; p < base + count && free; p++) {
        if (given.contains(p)) {
          free = false;
          break;
        }
        try (DatagramSocket udp = new DatagramSocket(p, InetAddress.getLoopbackAddress())) {
          // free
        } catch (IOException e) {
          free = false;
        }
      }
      if (free) {
        for (int p = base; p < base + count; p++) {
          given.add(p);
        }
        return base;
      }
    }
    throw new IllegalStateException("no free RTP port range");
  }
}
