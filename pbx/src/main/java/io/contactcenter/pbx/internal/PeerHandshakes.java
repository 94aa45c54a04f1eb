package io.contactcenter.pbx.internal;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections per peer address that have not identified themselves yet (no AGI request, no
 * AudioSocket UUID), capped so one address cannot hold the server's call pool with idle sockets.
 *
 * <p>A real Asterisk identifies each connection within milliseconds, so it never comes near the cap
 * however many calls it carries; a peer that connects and stays silent holds a slot until the
 * handshake timeout closes the connection. Refusals are logged once per run of refusals of a peer,
 * not once per connection, so a flood cannot flood the log as well.
 *
 * <p>Thread-safe.
 */
final class PeerHandshakes {

  private static final Logger log = LoggerFactory.getLogger(PeerHandshakes.class);

  private final String server;
  private final int maxPerPeer;
  private final Map<InetAddress, Peer> peers = new ConcurrentHashMap<>();

  /** Mutated only inside the map's atomic compute for its key. */
  private static final class Peer {
    volatile int pending;
    int refusedInARow;
  }

  /**
   * @param server the server's name for log lines ("FastAGI", "AudioSocket")
   * @param maxPerPeer connections one address may have in their handshake at once
   */
  PeerHandshakes(String server, int maxPerPeer) {
    this.server = server;
    this.maxPerPeer = maxPerPeer;
  }

  /**
   * Counts a new connection from {@code peer} as in its handshake.
   *
   * @return false if the peer is at its cap: close the connection at once
   */
  boolean tryBegin(InetAddress peer) {
    // [0] admitted, [1] first refusal of a run, [2] refusals that ended with this admission
    int[] outcome = new int[3];
    peers.compute(
        peer,
        (address, counts) -> {
          Peer c = counts == null ? new Peer() : counts;
          if (c.pending >= maxPerPeer) {
            outcome[1] = c.refusedInARow++ == 0 ? 1 : 0;
          } else {
            c.pending++;
            outcome[0] = 1;
            outcome[2] = c.refusedInARow;
            c.refusedInARow = 0;
          }
          return c;
        });
    if (outcome[1] == 1) {
      log.warn(
          "{} peer {} has {} connections that have not identified themselves; refusing more until"
              + " they do or time out",
          server,
          peer.getHostAddress(),
          maxPerPeer);
    }
    if (outcome[2] > 0) {
      log.info(
          "{} peer {}: {} connections were refused", server, peer.getHostAddress(), outcome[2]);
    }
    return outcome[0] == 1;
  }

  /** The connection identified itself, or closed: it no longer counts. Call once per tryBegin. */
  void end(InetAddress peer) {
    peers.computeIfPresent(
        peer,
        (address, c) -> {
          c.pending--;
          return c.pending <= 0 ? null : c;
        });
  }

  /** Connections from {@code peer} in their handshake now. */
  int pending(InetAddress peer) {
    Peer counts = peers.get(peer);
    return counts == null ? 0 : counts.pending;
  }
}
