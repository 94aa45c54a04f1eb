package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.ChannelFailedException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The TCP server Asterisk's {@code AudioSocket()} application connects to, one connection per media
 * session.
 *
 * <p>A session first {@linkplain #expect registers} a random UUID, then has Asterisk run {@code
 * AudioSocket(uuid,host:port)}; Asterisk connects and sends that UUID as its first message, which
 * pairs the connection with the waiting session. A connection with an unknown UUID, a first message
 * that is not a UUID, or nothing within the handshake timeout is closed at once: the port is
 * unauthenticated, so a UUID nobody registered gets no audio and no hearing. One address may have
 * only so many connections in their handshake at once ({@link PeerHandshakes}); beyond that a new
 * connection is closed as soon as it is accepted.
 *
 * <p>Port 0 (the default) binds an ephemeral port; the bound port is what {@link #service()} tells
 * Asterisk, so no Asterisk configuration names it.
 */
final class AudioSocketServer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AudioSocketServer.class);

  private final PbxProperties.AudioSocket config;
  private final Map<UUID, CompletableFuture<Connection>> pending = new ConcurrentHashMap<>();
  private final PeerHandshakes handshakes;
  private volatile ServerSocket serverSocket;

  /** An accepted connection, its input positioned after the UUID message. */
  record Connection(Socket socket, InputStream in) {}

  AudioSocketServer(PbxProperties.AudioSocket config) {
    this.config = config;
    this.handshakes = new PeerHandshakes("AudioSocket", config.maxPendingPerPeer());
  }

  PbxProperties.AudioSocket config() {
    return config;
  }

  @Override
  public synchronized void start() {
    if (serverSocket != null) {
      return;
    }
    try {
      ServerSocket server = new ServerSocket();
      server.bind(
          new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()));
      serverSocket = server;
    } catch (IOException e) {
      throw new IllegalStateException(
          "AudioSocket server cannot listen on "
              + config.bindAddress()
              + ":"
              + config.port()
              + ": "
              + e.getMessage(),
          e);
    }
    Thread.ofVirtual().name("audiosocket-acceptor").start(this::acceptLoop);
    log.info("AudioSocket listening on {}:{}", config.bindAddress(), port());
  }

  @Override
  public synchronized void stop() {
    ServerSocket server = serverSocket;
    serverSocket = null;
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        log.debug("closing the AudioSocket server: {}", e.toString());
      }
    }
    pending.values().forEach(f -> f.completeExceptionally(stopped()));
  }

  @Override
  public boolean isRunning() {
    return serverSocket != null;
  }

  /** The port actually bound. */
  int port() {
    ServerSocket server = serverSocket;
    if (server == null) {
      throw new ChannelFailedException("the AudioSocket server is not running");
    }
    return server.getLocalPort();
  }

  /** Connections from {@code peer} that have not sent their UUID yet. */
  int pendingHandshakes(InetAddress peer) {
    return handshakes.pending(peer);
  }

  /** The {@code host:port} argument of {@code AudioSocket()}: where Asterisk reaches us. */
  String service() {
    return config.advertisedHost() + ":" + port();
  }

  /**
   * Registers a session waiting for the connection that carries {@code id}. Close the returned
   * registration when done, connected or not.
   */
  Expected expect(UUID id) {
    if (!isRunning()) {
      throw new ChannelFailedException("the AudioSocket server is not running");
    }
    CompletableFuture<Connection> future = new CompletableFuture<>();
    pending.put(id, future);
    return new Expected(id, future);
  }

  /** A registered UUID and the connection that will carry it. */
  final class Expected implements AutoCloseable {
    private final UUID id;
    private final CompletableFuture<Connection> future;

    private Expected(UUID id, CompletableFuture<Connection> future) {
      this.id = id;
      this.future = future;
    }

    /**
     * Waits for Asterisk's connection.
     *
     * @throws ChannelFailedException if it does not come within {@code timeout} or the wait was
     *     {@linkplain #fail abandoned}
     */
    Connection await(Duration timeout) {
      try {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw new ChannelFailedException(
            "Asterisk did not open the AudioSocket within " + timeout, e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof ChannelFailedException failed
            ? failed
            : new ChannelFailedException("AudioSocket failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChannelFailedException("interrupted while waiting for the AudioSocket", e);
      }
    }

    /** Gives up waiting (e.g. the {@code AudioSocket()} application already returned). */
    void fail(String reason) {
      future.completeExceptionally(new ChannelFailedException(reason));
    }

    @Override
    public void close() {
      pending.remove(id, future);
      // A connection that arrives after the session gave up must not linger half-open.
      future.cancel(false);
    }
  }

  private void acceptLoop() {
    ServerSocket server = serverSocket;
    while (server != null && !server.isClosed()) {
      try {
        Socket socket = server.accept();
        InetAddress peer = socket.getInetAddress();
        if (!handshakes.tryBegin(peer)) {
          close(socket);
          continue;
        }
        Thread.ofVirtual()
            .name("audiosocket-handshake")
            .start(
                () -> {
                  try {
                    handshake(socket);
                  } finally {
                    handshakes.end(peer);
                  }
                });
      } catch (SocketException e) {
        if (!server.isClosed()) {
          log.error("AudioSocket server stopped accepting: {}", e.toString());
        }
        return;
      } catch (IOException e) {
        log.warn("AudioSocket accept failed: {}", e.toString());
      }
    }
  }

  private void handshake(Socket socket) {
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout((int) config.handshakeTimeout().toMillis());
      InputStream in = new BufferedInputStream(socket.getInputStream());
      AudioSocketCodec.Message first = AudioSocketCodec.read(in);
      if (first == null || first.kind() != AudioSocketCodec.Kind.UUID) {
        log.warn(
            "AudioSocket connection from {} did not start with a UUID ({}); closing it",
            socket.getRemoteSocketAddress(),
            first == null ? "closed" : first.kind());
        close(socket);
        return;
      }
      UUID id = first.uuid();
      CompletableFuture<Connection> future = pending.remove(id);
      socket.setSoTimeout(0);
      if (future == null || !future.complete(new Connection(socket, in))) {
        log.warn(
            "AudioSocket connection from {} for unknown or abandoned stream {}; closing it",
            socket.getRemoteSocketAddress(),
            id);
        close(socket);
      }
    } catch (AudioSocketCodec.MalformedMessageException e) {
      log.error(
          "AudioSocket connection from {} is garbled ({}); closing it",
          socket.getRemoteSocketAddress(),
          e.getMessage());
      close(socket);
    } catch (IOException e) {
      log.warn(
          "AudioSocket handshake with {} failed: {}",
          socket.getRemoteSocketAddress(),
          e.toString());
      close(socket);
    }
  }

  private static ChannelFailedException stopped() {
    return new ChannelFailedException("the AudioSocket server stopped");
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("closing an AudioSocket connection: {}", e.toString());
    }
  }
}
