package io.contactcenter.testinfra;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The contact center as a process of its own ({@code java -jar app/target/app-*.jar}), so a test
 * can kill it for real ({@link #kill}: SIGKILL, nothing runs on the way out) and start it again
 * with the same arguments. The output of every start goes to one {@link #log()}.
 */
public final class ContactCenterProcess implements AutoCloseable {

  /**
   * JVM options that might start a process sooner: C1 only and the serial collector. Measured for
   * {@code RoutingInstancesIT}'s processes on the shared 2-core machine, they did not (docs/
   * benchmarks.md, "Child process start"), so no test uses them by default; {@code
   * -Dcc.it.quick-start=true} gives them to the processes of a test that offers them, {@code
   * compare} to some of them, to measure again.
   */
  public static final List<String> QUICK_START =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private final String name;
  private final int httpPort;
  private final List<String> arguments;
  private final Path workDir;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();
  private List<String> jvmOptions = List.of();
  private Process process;
  private boolean startedBefore;
  private Instant startedAt;
  private boolean readyLogged;

  /**
   * @param name names the working directory and log under {@code app/target}
   * @param httpPort the fixed HTTP port ({@code server.port}), the same after a restart
   * @param arguments Spring arguments ({@code --key=value}) besides the port
   */
  public ContactCenterProcess(String name, int httpPort, List<String> arguments) {
    this.name = name;
    this.httpPort = httpPort;
    this.arguments = List.copyOf(arguments);
    this.workDir = Repository.root().resolve("app/target/" + name);
    this.log = workDir.resolve("contact-center.log");
  }

  /**
   * Arguments that put a process beside the test's own Spring context: the same PostgreSQL database
   * and Quartz cluster, the shared Redis and Kafka, no embedded servers of its own; then {@code
   * more}.
   */
  public static List<String> besideTheTestContext(
      org.springframework.core.env.Environment test, String... more) {
    String quartzName = "spring.quartz.properties.org.quartz.scheduler.instanceName";
    TestInfrastructure.Services shared = TestInfrastructure.services();
    List<String> arguments = new ArrayList<>();
    arguments.addAll(
        List.of(
            "--spring.datasource.url=" + test.getRequiredProperty("spring.datasource.url"),
            "--spring.datasource.username=" + shared.dbUser(),
            "--spring.datasource.password=" + shared.dbPassword(),
            "--" + quartzName + "=" + test.getRequiredProperty(quartzName),
            "--spring.data.redis.host=" + shared.redisHost(),
            "--spring.data.redis.port=" + shared.redisPort(),
            "--spring.kafka.bootstrap-servers=" + shared.kafka(),
            "--cc.embedded.enabled=false"));
    arguments.addAll(List.of(more));
    return arguments;
  }

  /** JVM options for every later start (e.g. {@link #QUICK_START}). */
  public ContactCenterProcess withJvmOptions(List<String> options) {
    this.jvmOptions = List.copyOf(options);
    return this;
  }

  /**
   * {@code -Dcc.it.quick-start}: {@code false} (default: no {@link #QUICK_START}), {@code true}, or
   * {@code compare} (a test starting several processes gives them to some, to compare).
   */
  public static String quickStart() {
    return System.getProperty("cc.it.quick-start", "false");
  }

  public int httpPort() {
    return httpPort;
  }

  /** Where both runs' output goes (kept for post-mortems). */
  public Path log() {
    return log;
  }

  /** Everything the process has written to its {@link #log()} so far. */
  public String logText() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + log, e);
    }
  }

  public Path workDir() {
    return workDir;
  }

  /** Starts the server with the JDK running this test (the project needs 21 or newer). */
  public synchronized ContactCenterProcess start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("already running as pid " + process.pid());
    }
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar().toString());
    command.add("--server.port=" + httpPort);
    // Readiness turns UP only after the application runners (e.g. the first admin's creation):
    // a health check alone can answer before them.
    command.add("--management.endpoint.health.probes.enabled=true");
    command.addAll(arguments);
    try {
      Files.createDirectories(workDir);
      // A new log per test run; the restarts of this run follow the first start in it.
      Files.writeString(
          log,
          "==== " + Instant.now() + " starting: " + String.join(" ", command) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          startedBefore ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
      startedBefore = true;
      startedAt = Instant.now();
      readyLogged = false;
      process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + command, e);
    }
    return this;
  }

  /**
   * Waits until the server answers HTTP, has finished starting (readiness, so its first admin
   * exists) and its AMI connection is up, failing at once if the process dies.
   */
  public void awaitReady(Duration atMost) {
    awaitComponent("readinessState", "UP", atMost);
    awaitComponent("ami", "UP", atMost);
  }

  /**
   * Waits until the server answers HTTP and its health component {@code name} has {@code status}
   * (e.g. {@code ami} {@code DOWN} for an instance cut off from Asterisk), failing at once if the
   * process dies.
   */
  public void awaitComponent(String name, String status, Duration atMost) {
    await("contact center on port " + httpPort + ": " + name + " " + status + " (log: " + log + ")")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "the contact center exited with " + process.exitValue() + ", see " + log);
              }
              return status.equals(component(name));
            });
    if ("readinessState".equals(name) && !readyLogged) {
      readyLogged = true;
      // Read by docs/benchmarks.md's "Child process start": the JVM options, Spring's own start
      // time (the last "Started App in" of the log) and when this wait saw it ready.
      java.util.regex.Matcher started =
          java.util.regex.Pattern.compile("Started \\S+ in ([0-9.]+) seconds").matcher(logText());
      String spring = "?";
      while (started.find()) {
        spring = started.group(1);
      }
      System.out.printf(
          "ContactCenterProcess %s started in %s s, seen ready %d ms after start (JVM options:"
              + " %s)%n",
          this.name,
          spring,
          Duration.between(startedAt, Instant.now()).toMillis(),
          jvmOptions.isEmpty() ? "none" : String.join(" ", jvmOptions));
    }
  }

  /**
   * Kills the process with SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook,
   * no lifecycle callback, no flush. Returns the exit status, 137 (128 + 9) for a SIGKILL.
   */
  public int kill() {
    Process p = process;
    p.destroyForcibly();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("pid " + p.pid() + " survived SIGKILL for 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return p.exitValue();
  }

  /**
   * Writes the server's threads, virtual ones included, next to its log ({@code jcmd
   * Thread.dump_to_file}): for the post-mortem of a test that waited in vain. Returns the file.
   */
  public Path dumpThreads() {
    Path file =
        workDir.resolve("threads-" + process.pid() + "-" + System.currentTimeMillis() + ".txt");
    Path jcmd =
        Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
    try {
      Process dump =
          new ProcessBuilder(
                  jcmd.toString(),
                  Long.toString(process.pid()),
                  "Thread.dump_to_file",
                  "-format=text",
                  file.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!dump.waitFor(30, TimeUnit.SECONDS)) {
        dump.destroyForcibly();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + jcmd, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return file;
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Kills the process if it runs (also after a failed test). */
  @Override
  public synchronized void close() {
    if (isAlive()) {
      kill();
    }
  }

  private String component(String name) {
    try {
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body = json.readTree(health.body());
      return body.path("components").path(name).path("status").asText();
    } catch (IOException e) {
      return "UNREACHABLE";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "UNREACHABLE";
    }
  }

  /** The Spring Boot jar the {@code package} phase built (not the plain {@code .jar.original}). */
  private static Path jar() {
    Path target = Repository.root().resolve("app/target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(f -> f.getFileName().toString().matches("app-.*\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no app/target/app-*.jar: run the package phase before this test"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + target, e);
    }
  }
}
