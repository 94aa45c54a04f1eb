package io.contactcenter.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Free loopback ports for servers a test starts, never handed out twice in one JVM. */
public final class FreePorts {

  private static final int RTP_START = 20000;
  private static final int RTP_END = 60000;
  private static final Set<Integer> given = new HashSet<>();

  private FreePorts() {}

  /** A port free for both TCP and UDP (SIP uses UDP, AMI/AGI TCP). */
  public static synchronized int next() {
    for (int attempt = 0; attempt < 200; attempt++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
          if (given.add(port)) {
            return port;
          }
        } catch (IOException busyForUdp) {
          // try another
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free loopback port found");
  }

  /**
   * The first of {@code count} consecutive even-aligned UDP ports that are free (RTP ranges). Test
   * JVMs running side by side ({@code cc.test.fork} of {@code cc.test.forks}, set by Failsafe) take
   * ranges from separate regions, so two never hand out the same range before either binds.
   */
  public static synchronized int rtpRange(int count) {
    int forks = Math.max(1, Integer.getInteger("cc.test.forks", 1));
    int fork = Math.clamp(Integer.getInteger("cc.test.fork", 1), 1, forks);
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
