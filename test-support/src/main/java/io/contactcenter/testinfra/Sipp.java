package io.contactcenter.testinfra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * SIPp (Debian package sip-tester) playing a customer's phone with a scenario from
 * pbx/asterisk/sipp.
 */
public final class Sipp {

  /** What a SIPp run did. */
  public record Result(int exitCode, String output) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  private final String scenario;
  private final Map<String, String> keys = new LinkedHashMap<>();
  private String service = "4000";
  private Duration timeout = Duration.ofSeconds(60);
  private int calls = 1;
  private Path workingDirectory;
  private Path messageTrace;
  private Duration pause;

  private Sipp(String scenario) {
    this.scenario = scenario;
  }

  public static Sipp scenario(String file) {
    return new Sipp(file);
  }

  public Sipp service(String service) {
    this.service = service;
    return this;
  }

  public Sipp key(String name, String value) {
    keys.put(name, value);
    return this;
  }

  /**
   * Runs SIPp in {@code dir}, as a caller ({@link #callAsterisk}) or as an answering phone ({@link
   * #answerOn}): scenarios that stream {@code customer-says.ulaw.wav} play the file of that name
   * found there (SIPp 3.6 cannot take the file name as a parameter).
   */
  public Sipp workingDirectory(Path dir) {
    this.workingDirectory = dir;
    return this;
  }

  /** How many calls an answering phone takes, some at once (default 1). */
  public Sipp calls(int calls) {
    this.calls = calls;
    return this;
  }

  /**
   * How long a {@code <pause/>} without {@code milliseconds} lasts ({@code -d}): a scenario's
   * moment that depends on the test, such as when to hang up.
   */
  public Sipp pause(Duration pause) {
    this.pause = pause;
    return this;
  }

  public Sipp timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /**
   * Writes every SIP message the phone sends or receives to {@code file} ({@code -trace_msg}), so a
   * test can count what really reached the network: see {@link #invitesReceived}.
   */
  public Sipp traceMessages(Path file) {
    this.messageTrace = file;
    return this;
  }

  /**
   * The phones behind the test trunk ({@code uas-answer-or-ring.xml}: a number ending in 0 rings
   * and is never answered, any other answers), started for up to {@code calls} calls within two
   * minutes; {@code trace}, unless {@code null}, records the SIP messages for {@link
   * #invitesReceived}.
   */
  public static Answering phonesBehindTrunk(LocalAsterisk asterisk, int calls, Path trace) {
    return scenario("uas-answer-or-ring.xml")
        .calls(calls)
        .timeout(Duration.ofSeconds(120))
        .traceMessages(trace)
        .answerOn(asterisk.ports().trunk());
  }

  /**
   * Starts a phone that waits for one call on {@code port} (the test trunk's target) and returns at
   * once; {@link Answering#await} waits for the scenario to finish.
   */
  public Answering answerOn(int port) {
    Path dir = Repository.root().resolve("pbx/asterisk/sipp");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "sipp",
                "-sf",
                dir.resolve(scenario).toString(),
                "-i",
                "127.0.0.1",
                "-mi",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-mp",
                Integer.toString(FreePorts.rtpRange(4 * Math.max(1, calls))),
                "-m",
                Integer.toString(calls),
                "-timeout",
                timeout.toSeconds() + "s",
                "-timeout_error",
                "-nostdin",
                "-trace_err"));
    if (messageTrace != null) {
      cmd.addAll(List.of("-trace_msg", "-message_file", messageTrace.toString()));
    }
    if (pause != null) {
      cmd.addAll(List.of("-d", Long.toString(pause.toMillis())));
    }
    keys.forEach((k, v) -> cmd.addAll(List.of("-key", k, v)));
    Process p = null;
    try {
      Path log = Files.createTempFile("sipp-uas-", ".log");
      p =
          new ProcessBuilder(cmd)
              .directory((workingDirectory == null ? dir : workingDirectory).toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new Answering(p, log);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run sipp (apt-get install sip-tester)", e);
    }
  }

  /** A SIPp phone waiting for or in a call. */
  public record Answering(Process process, Path log) implements AutoCloseable {

    public Result await(Duration timeout) {
      try {
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly();
          return new Result(-1, Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    /** Ends the phone the way Ctrl-C would (SIGTERM), so its traces are complete afterwards. */
    public Result stop(Duration timeout) {
      process.destroy();
      return await(timeout);
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  /**
   * The INVITEs a phone received according to its {@link #traceMessages message trace}: Call-ID to
   * the number in the Request-URI. Retransmissions and re-INVITEs share their dialog's Call-ID, so
   * each call counts once.
   */
  public static Map<String, String> invitesReceived(Path messageTrace) {
    Map<String, String> invites = new LinkedHashMap<>();
    for (TracedMessage m : messages(messageTrace)) {
      if (m.received() && m.startLine().startsWith("INVITE sip:")) {
        String uri = m.startLine().substring("INVITE sip:".length());
        invites.putIfAbsent(m.callId(), uri.substring(0, Math.max(0, uri.indexOf('@'))));
      }
    }
    return invites;
  }

  /**
   * The calls a phone answered according to its {@link #traceMessages message trace}: Call-ID to
   * the number called, for each INVITE the phone accepted with a 200 and whose ACK came back, so
   * the call was up on both sides.
   */
  public static Map<String, String> callsAnswered(Path messageTrace) {
    Map<String, String> invites = invitesReceived(messageTrace);
    java.util.Set<String> accepted = new java.util.HashSet<>();
    Map<String, String> answered = new LinkedHashMap<>();
    for (TracedMessage m : messages(messageTrace)) {
      if (!m.received() && m.startLine().startsWith("SIP/2.0 200") && m.inviteTransaction()) {
        accepted.add(m.callId());
      } else if (m.received()
          && m.startLine().startsWith("ACK ")
          && accepted.contains(m.callId())
          && invites.containsKey(m.callId())) {
        answered.putIfAbsent(m.callId(), invites.get(m.callId()));
      }
    }
    return answered;
  }

  private record TracedMessage(
      boolean received, String startLine, String callId, boolean inviteTransaction) {}

  private static List<TracedMessage> messages(Path messageTrace) {
    String text;
    try {
      text = Files.readString(messageTrace, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read SIPp's message trace " + messageTrace, e);
    }
    List<TracedMessage> messages = new ArrayList<>();
    // SIPp starts each message with a line of dashes and a timestamp, then "UDP message received
    // [n] bytes :" or "UDP message sent (n bytes):", a blank line and the message itself.
    for (String block : text.split("(?m)^-{10,}.*$")) {
      List<String> lines = block.lines().map(String::strip).toList();
      int header = 0;
      while (header < lines.size() && !lines.get(header).contains("message")) {
        header++;
      }
      if (header == lines.size()) {
        continue;
      }
      boolean received = lines.get(header).contains("message received");
      List<String> message =
          lines.subList(header + 1, lines.size()).stream().dropWhile(String::isEmpty).toList();
      if (message.isEmpty()) {
        continue;
      }
      String callId =
          message.stream()
              .filter(l -> l.regionMatches(true, 0, "Call-ID:", 0, 8) || l.startsWith("i:"))
              .findFirst()
              .map(l -> l.substring(l.indexOf(':') + 1).strip())
              .orElse("");
      boolean invite =
          message.stream()
              .anyMatch(
                  l ->
                      (l.regionMatches(true, 0, "CSeq:", 0, 5) || l.startsWith("CSeq"))
                          && l.endsWith("INVITE"));
      messages.add(new TracedMessage(received, message.get(0), callId, invite));
    }
    return messages;
  }

  /** Places one call to the Asterisk SIP port and waits for the scenario to finish. */
  public Result callAsterisk(int sipPort) {
    Path dir = Repository.root().resolve("pbx/asterisk/sipp");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "sipp",
                "127.0.0.1:" + sipPort,
                "-sf",
                dir.resolve(scenario).toString(),
                "-s",
                service,
                "-i",
                "127.0.0.1",
                "-p",
                Integer.toString(FreePorts.next()),
                "-mp",
                Integer.toString(FreePorts.rtpRange(4)),
                "-m",
                "1",
                "-timeout",
                timeout.toSeconds() + "s",
                "-timeout_error",
                "-nostdin",
                "-trace_err"));
    if (pause != null) {
      // The caller's <pause/>: how long it stays on the line (acd-caller.xml).
      cmd.addAll(List.of("-mi", "127.0.0.1", "-d", Long.toString(pause.toMillis())));
    }
    keys.forEach((k, v) -> cmd.addAll(List.of("-key", k, v)));
    Process p = null;
    try {
      Path log = Files.createTempFile("sipp-", ".log");
      // A caller's scenario streams customer-says.ulaw.wav from its working directory: the test's
      // own words when it set one, else the repository's recording.
      p =
          new ProcessBuilder(cmd)
              .directory((workingDirectory == null ? dir : workingDirectory).toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(timeout.toSeconds() + 30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      return new Result(p.isAlive() ? -1 : p.exitValue(), output);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run sipp (apt-get install sip-tester)", e);
    } catch (InterruptedException e) {
      // The test gave up (a failed assertion shut its executor down): the caller must not stay on
      // the line, or the ACD offers it to the next test's agents.
      stop(p);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void stop(Process p) {
    if (p == null) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException again) {
      p.destroyForcibly();
    }
  }
}
