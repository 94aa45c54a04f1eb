package io.contactcenter.pbx.internal;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.asteriskjava.util.internal.SocketConnectionFacadeImpl;
import org.asteriskjava.util.internal.streamreader.FastScanner;
import org.asteriskjava.util.internal.streamreader.FastScannerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI listening socket as asterisk-java's server sees it: it hands over only connections
 * whose AGI request has fully arrived, so a socket that connects and says nothing never takes a
 * thread of the call pool.
 *
 * <p>Each accepted connection waits for its request (the lines up to the first empty one) on a
 * virtual thread of its own, at most {@code requestTimeout}; one address may have at most {@code
 * maxPendingPerPeer} such connections at once ({@link PeerHandshakes}). A connection that times
 * out, ends early or sends more than {@link #MAX_REQUEST_BYTES} without an empty line is closed.
 * From the request on, the connection reads and writes exactly as asterisk-java's own does (UTF-8,
 * lines split at LF, the same three-hour read timeout).
 */
final class AgiRequestGate implements ServerSocketFacade {

  /** An AGI request is some 30 short lines; anything far longer is not Asterisk. */
  static final int MAX_REQUEST_BYTES = 64 * 1024;

  private static final Logger log = LoggerFactory.getLogger(AgiRequestGate.class);
  // asterisk-java's read timeout for an AGI connection once the script runs (its default for 0).
  private static final int CALL_READ_TIMEOUT_MILLIS = 3 * 60 * 60 * 1000;
  private static final long POLL_MILLIS = 200;

  private final ServerSocket server;
  private final int requestTimeoutMillis;
  private final PeerHandshakes handshakes;
  private final LinkedBlockingQueue<SocketConnectionFacade> ready = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  /**
   * Binds and starts accepting.
   *
   * @throws IOException if the address cannot be bound
   */
  AgiRequestGate(
      InetAddress address, int port, int backlog, Duration requestTimeout, int maxPendingPerPeer)
      throws IOException {
    this.server = new ServerSocket(port, backlog, address);
    this.requestTimeoutMillis = (int) requestTimeout.toMillis();
    this.handshakes = new PeerHandshakes("FastAGI", maxPendingPerPeer);
    Thread.ofVirtual().name("fastagi-gate").start(this::acceptLoop);
  }

  /** The next connection whose request has arrived; blocks until there is one or it is closed. */
  @Override
  public SocketConnectionFacade accept() throws IOException {
    try {
      while (!closed) {
        SocketConnectionFacade next = ready.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (next != null) {
          return next;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new SocketException("FastAGI server socket closed");
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    SocketConnectionFacade waiting;
    while ((waiting = ready.poll()) != null) {
      waiting.close();
    }
  }

  /** Ignored: the read timeout before the request is the gate's, after it asterisk-java's. */
  @Override
  public void setSocketReadTimeout(int timeout) {}

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (!closed) {
          log.error("FastAGI server stopped accepting: {}", e.toString());
        }
        return;
      }
      InetAddress peer = socket.getInetAddress();
      if (!handshakes.tryBegin(peer)) {
        closeQuietly(socket);
        continue;
      }
      Thread.ofVirtual()
          .name("fastagi-request")
          .start(
              () -> {
                try {
                  awaitRequest(socket);
                } finally {
                  handshakes.end(peer);
                }
              });
    }
  }

  private void awaitRequest(Socket socket) {
    try {
      socket.setSoTimeout(requestTimeoutMillis);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      byte[] request = readRequest(in);
      if (request == null) {
        log.debug("FastAGI connection from {} ended before its request", peerOf(socket));
        closeQuietly(socket);
        return;
      }
      socket.setSoTimeout(CALL_READ_TIMEOUT_MILLIS);
      ready.add(
          new Connection(socket, new SequenceInputStream(new ByteArrayInputStream(request), in)));
      if (closed) {
        close(ready);
      }
    } catch (SocketTimeoutException e) {
      log.debug(
          "FastAGI connection from {} sent no request within {} ms; closing it",
          peerOf(socket),
          requestTimeoutMillis);
      closeQuietly(socket);
    } catch (IOException e) {
      log.debug("FastAGI connection from {} failed: {}", peerOf(socket), e.toString());
      closeQuietly(socket);
    }
  }

  /** The bytes up to and including the empty line, or null if the stream ended or overflowed. */
  private static byte[] readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream request = new ByteArrayOutputStream(1024);
    int previous = -1;
    int b;
    while ((b = in.read()) >= 0) {
      request.write(b);
      if (b == '\n' && (previous == '\n' || request.size() == 1)) {
        return request.toByteArray();
      }
      if (b != '\r') {
        previous = b;
      }
      if (request.size() > MAX_REQUEST_BYTES) {
        return null;
      }
    }
    return null;
  }

  private static void close(LinkedBlockingQueue<SocketConnectionFacade> queue) {
    SocketConnectionFacade waiting;
    while ((waiting = queue.poll()) != null) {
      try {
        waiting.close();
      } catch (IOException e) {
        log.debug("closing a FastAGI connection: {}", e.toString());
      }
    }
  }

  private static String peerOf(Socket socket) {
    return String.valueOf(socket.getRemoteSocketAddress());
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("closing a FastAGI connection: {}", e.toString());
    }
  }

  /** One AGI connection, read as {@link SocketConnectionFacadeImpl} reads it. */
  private static final class Connection implements SocketConnectionFacade {
    private final Socket socket;
    private final FastScanner scanner;
    private final BufferedWriter writer;

    Connection(Socket socket, InputStream in) throws IOException {
      this.socket = socket;
      this.scanner =
          FastScannerFactory.getReader(
              new InputStreamReader(in, StandardCharsets.UTF_8),
              SocketConnectionFacadeImpl.NL_PATTERN);
      this.writer =
          new BufferedWriter(
              new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public String readLine() throws IOException {
      try {
        return scanner.next();
      } catch (IllegalStateException | NoSuchElementException e) {
        throw new IOException("No more lines available: " + e.getMessage(), e);
      }
    }

    @Override
    public void write(String s) throws IOException {
      writer.write(s);
    }

    @Override
    public void flush() throws IOException {
      writer.flush();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      scanner.close();
    }

    @Override
    public boolean isConnected() {
      return socket.isConnected();
    }

    @Override
    public InetAddress getLocalAddress() {
      return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
      return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
      return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
      return socket.getPort();
    }
  }
}
