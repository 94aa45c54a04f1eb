package io.contactcenter.app.embedded;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server process run by the application, configured from a file only its user can read.
 *
 * <p>Not embedded-redis's {@code RedisServer}: that registers a JVM shutdown hook of its own, which
 * stops Redis while the application is still closing (its beans releasing presence and counters).
 * This one stops when the application's embedded infrastructure closes, after every bean that uses
 * it. Its configuration (the application user's password among it) stays in the private data
 * directory.
 */
final class EmbeddedRedis implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  /** Long enough for Redis to write its append-only file on the way out. */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;

  private EmbeddedRedis(Process process) {
    this.process = process;
  }

  /**
   * Starts {@code executable} on 127.0.0.1:{@code port} with its data, configuration ({@code
   * redis.conf}, owner-only) and log ({@code redis.log}) in {@code dir}; {@code settings} are
   * configuration lines. Returns once the port accepts connections.
   *
   * @throws IOException naming the cause when Redis exits or does not listen in time
   */
  static EmbeddedRedis start(File executable, Path dir, int port, List<String> settings)
      throws IOException {
    Path config = dir.resolve("redis.conf");
    Files.deleteIfExists(config);
    if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
      Files.createFile(
          config,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    StringBuilder lines = new StringBuilder();
    lines.append("port ").append(port).append('\n');
    lines.append("bind 127.0.0.1\n");
    lines.append("dir \"").append(dir.toAbsolutePath()).append("\"\n");
    settings.forEach(line -> lines.append(line).append('\n'));
    Files.writeString(
        config,
        lines,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
    Path log = dir.resolve("redis.log");
    Process process =
        new ProcessBuilder(executable.getPath(), config.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "redis-server exited at start (code " + process.exitValue() + "); see " + log);
      }
      if (listening(port)) {
        return new EmbeddedRedis(process);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new IOException("interrupted while waiting for redis-server to start", e);
      }
    }
    process.destroyForcibly();
    throw new IOException(
        "redis-server did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT);
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  /**
   * Asks Redis to stop (it writes its append-only file first) and waits for it. Interrupted while
   * waiting, it kills Redis rather than leave it running, and keeps the thread's interrupt.
   */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
