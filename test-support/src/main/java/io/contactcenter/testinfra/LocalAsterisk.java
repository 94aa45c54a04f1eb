package io.contactcenter.testinfra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Asterisk 22 started for tests by {@code pbx/asterisk/local-asterisk.sh}, unprivileged, on
 * ports of its own so several instances (and a developer's own Asterisk) can coexist.
 */
public final class LocalAsterisk implements AutoCloseable {

  /** The ports one instance listens on or connects to. */
  public record Ports(int sip, int ami, int http, int agi, int trunk, int rtpStart) {

    public static Ports allocate(int agiPort) {
      return new Ports(
          FreePorts.next(),
          FreePorts.next(),
          FreePorts.next(),
          agiPort,
          FreePorts.next(),
          FreePorts.rtpRange(RTP_PORTS));
    }
  }

  public static final String AMI_SECRET = "cc-loopback-only";

  /** RTP ports per instance: two per call (RTP, RTCP), room for the robot benchmark's calls. */
  static final int RTP_PORTS = 400;

  private final String name;
  private final Ports ports;
  private final Path runDir;
  private boolean running;

  public LocalAsterisk(String name, Ports ports) {
    this.name = name;
    this.ports = ports;
    // Under the target directory of the module whose tests run (Maven's working directory).
    this.runDir =
        Path.of("target")
            .toAbsolutePath()
            .resolve("asterisk-" + name + "-" + ProcessHandle.current().pid());
  }

  public Ports ports() {
    return ports;
  }

  public Path runDir() {
    return runDir;
  }

  /** Where MixMonitor writes recordings. */
  public Path recordings() {
    return runDir.resolve("spool/monitor");
  }

  public synchronized LocalAsterisk start() {
    Path tree =
        Path.of(
            System.getenv()
                .getOrDefault("CC_ASTERISK_ROOT", "/var/cache/contact-center/asterisk-sid"));
    if (!Files.isExecutable(tree.resolve("usr/sbin/asterisk"))) {
      throw new IllegalStateException(
          "No Asterisk tree at "
              + tree
              + ": run `sudo pbx/asterisk/local-asterisk.sh provision` once"
              + " (the test command scripts/test.sh does it).");
    }
    script("start", Duration.ofSeconds(90));
    running = true;
    return this;
  }

  public synchronized void stop() {
    if (running) {
      script("stop", Duration.ofSeconds(30));
      running = false;
    }
  }

  /**
   * Kills Asterisk (-9) and starts it again on the same run directory, as after a crash: no call is
   * hung up (no BYE), the kernel closes every socket (WebSockets, AMI), and the configuration the
   * application wrote (the softphones' endpoints) is kept. Returns once it is fully booted.
   */
  public synchronized void crashAndRestart() {
    if (!running) {
      throw new IllegalStateException("Asterisk " + name + " is not running");
    }
    script("crash-restart", Duration.ofSeconds(90));
  }

  /** Runs an Asterisk CLI command and returns its output. */
  public String cli(String command) {
    return script(List.of("cli", command), Duration.ofSeconds(20));
  }

  @Override
  public void close() {
    stop();
  }

  private String script(String command, Duration timeout) {
    return script(List.of(command), timeout);
  }

  private String script(List<String> args, Duration timeout) {
    Path script = Repository.root().resolve("pbx/asterisk/local-asterisk.sh");
    ProcessBuilder pb = new ProcessBuilder();
    pb.command().add("bash");
    pb.command().add(script.toString());
    pb.command().addAll(args);
    Map<String, String> env = pb.environment();
    env.put("CC_ASTERISK_RUN_DIR", runDir.toString());
    env.put("CC_SIP_PORT", Integer.toString(ports.sip()));
    env.put("CC_AMI_PORT", Integer.toString(ports.ami()));
    env.put("CC_HTTP_PORT", Integer.toString(ports.http()));
    env.put("CC_AGI_HOST", "127.0.0.1");
    env.put("CC_AGI_PORT", Integer.toString(ports.agi()));
    env.put("CC_TRUNK_PORT", Integer.toString(ports.trunk()));
    env.put("CC_RTP_START", Integer.toString(ports.rtpStart()));
    env.put("CC_RTP_END", Integer.toString(ports.rtpStart() + RTP_PORTS - 1));
    env.put("CC_AMI_SECRET", AMI_SECRET);
    pb.redirectErrorStream(true);
    try {
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("local-asterisk.sh " + args + " (" + name + ") timed out");
      }
      String output = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            "local-asterisk.sh "
                + args
                + " ("
                + name
                + ") failed with "
                + p.exitValue()
                + ":\n"
                + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
