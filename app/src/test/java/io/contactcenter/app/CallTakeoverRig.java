package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.ContactCenterProcess;
import io.contactcenter.testinfra.FreePorts;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.RoutingLeader;
import io.contactcenter.testinfra.Sipp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the take-over ITs (ADR 0043, {@link AbstractCallTakeoverIT}) do with the take-over Asterisk:
 * application processes beside the test's context (which never routes) that may route and are
 * killed, SIPp callers queued through that Asterisk and hung up by the test, agents' SIPp phones,
 * and the contacts' rows. One per test; {@link #close} stops the processes it started and the
 * callers.
 *
 * <p>Nothing here waits a fixed time: every wait is for what the test needs to see next (a row's
 * state, a channel in Asterisk's list, a line in an instance's log, sound at an RTP endpoint),
 * bounded only so that a failure ends the test, and a caller stays on the line until the test
 * {@linkplain #hangUp hangs it up}.
 */
final class CallTakeoverRig implements AutoCloseable {

  /** One second of 20 ms frames. */
  static final int SECOND = 50;

  /**
   * The instances' ring timeout where the leader dies while a phone rings: far beyond the test's
   * waits, so that only the new leader can end that ring soon.
   */
  static final String LONG_RINGS = "--cc.routing.ring-timeout=120s";

  /** How long a caller or phone nobody hangs up stays on the line: a failed test's, bounded. */
  private static final Duration SIPP_TIMEOUT = Duration.ofMinutes(5);

  private final LocalAsterisk asterisk;
  private final JdbcClient jdbc;
  private final Environment environment;
  private final HealthIndicator ami;
  private final AgentDirectory agents;
  private final AgentDesk desk;
  private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
  private final List<ContactCenterProcess> processes = new ArrayList<>();
  private final List<String> agentsLoggedIn = new ArrayList<>();

  CallTakeoverRig(
      LocalAsterisk asterisk,
      JdbcClient jdbc,
      Environment environment,
      HealthIndicator ami,
      AgentDirectory agents,
      AgentDesk desk) {
    this.asterisk = asterisk;
    this.jdbc = jdbc;
    this.environment = environment;
    this.ami = ami;
    this.agents = agents;
    this.desk = desk;
  }

  /**
   * Logs the agents out (while an instance still routes), then stops the processes and the callers.
   */
  @Override
  public void close() {
    callers.shutdownNow();
    try {
      agentsLoggedIn.forEach(desk::logOut);
    } finally {
      agentsLoggedIn.clear();
      for (ContactCenterProcess p : processes) {
        p.close();
      }
      processes.clear();
    }
  }

  // ---- application processes ----

  /** Starts two instances that may route beside the test's context; returns the one that leads. */
  ContactCenterProcess startTwoInstances(String name, String... arguments) {
    ContactCenterProcess one = instance(name + "-1", arguments);
    ContactCenterProcess two = instance(name + "-2", arguments);
    awaitTheContextTakesCalls();
    one.start();
    two.start();
    one.awaitReady(Duration.ofMinutes(4));
    two.awaitReady(Duration.ofMinutes(4));
    return await("an instance routes")
        .atMost(Duration.ofSeconds(30))
        .until(() -> RoutingLeader.process(jdbc, List.of(one, two)), p -> p != null);
  }

  /** The instance besides {@code leader} of the two {@link #startTwoInstances} started. */
  ContactCenterProcess other(ContactCenterProcess leader) {
    return processes.stream().filter(p -> p != leader).findFirst().orElseThrow();
  }

  /** Starts one instance that may route beside the test's context and waits until it is up. */
  ContactCenterProcess startOne(String name) {
    ContactCenterProcess process = instance(name);
    awaitTheContextTakesCalls();
    process.start();
    process.awaitReady(Duration.ofMinutes(4));
    return process;
  }

  /**
   * Kills the leader (SIGKILL) and waits until {@code survivor} routes in a new term of its own.
   */
  void killAndAwaitTakeover(ContactCenterProcess leader, ContactCenterProcess survivor) {
    String before = RoutingLeader.current(jdbc);
    assertThat(leader.kill()).isEqualTo(137);
    await("the survivor routes")
        .atMost(Duration.ofSeconds(30))
        .until(() -> RoutingLeader.current(jdbc), id -> id != null && !id.equals(before));
    await("the survivor's new term")
        .atMost(Duration.ofSeconds(15))
        .until(() -> survivor.logText().contains("routing started:"));
  }

  private ContactCenterProcess instance(String name, String... extra) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                // They ring agents' phones and see hang-ups through the class's Asterisk, whose
                // AGI comes to the test's context.
                "--cc.pbx.ami.port=" + asterisk.ports().ami(),
                "--cc.pbx.ami.password=" + LocalAsterisk.AMI_SECRET,
                "--cc.pbx.ami.initial-backoff=200ms",
                "--cc.pbx.ami.max-backoff=1s",
                "--cc.pbx.fastagi.port=" + FreePorts.next(),
                "--cc.pbx.recordings.dir=" + asterisk.recordings(),
                "--cc.security.initial-admin-password=" + ContactCenterIT.ADMIN_PASSWORD,
                "--cc.campaigns.node-id=" + name));
    arguments.addAll(List.of(extra));
    ContactCenterProcess process =
        new ContactCenterProcess(
            name,
            FreePorts.next(),
            ContactCenterProcess.besideTheTestContext(
                environment, arguments.toArray(String[]::new)));
    processes.add(process);
    return process;
  }

  /** The test's context queues the callers: its AGI server must be up before a call comes in. */
  void awaitTheContextTakesCalls() {
    await("the test context's AMI")
        .atMost(Duration.ofSeconds(30))
        .until(() -> Status.UP.equals(ami.health().getStatus()));
    await("the test context's AGI server").atMost(Duration.ofSeconds(10)).until(this::agiListening);
  }

  private boolean agiListening() {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), asterisk.ports().agi())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  // ---- agents, phones and callers ----

  /**
   * A new agent of queue {@code support} (level 3) with the phone {@code phone}, logged in (not
   * ready); logged out at {@link #close}.
   */
  String agent(String prefix, String phone) {
    String agent = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    agents.save(new AgentSettings(agent, Map.of("support", 3), 0, 0, 0, phone));
    desk.logIn(agent);
    agentsLoggedIn.add(agent);
    return agent;
  }

  /**
   * An agent's SIPp phone (or one for two agents) behind the Asterisk's trunk for {@code calls}
   * calls, sending and hearing {@code ear}.
   */
  Sipp.Answering phone(String scenario, RtpEar ear, int calls) {
    return Sipp.scenario(scenario)
        .key("agent_port", Integer.toString(ear.port()))
        .key("supervisor_port", Integer.toString(ear.port()))
        .calls(calls)
        .timeout(SIPP_TIMEOUT)
        .answerOn(asterisk.ports().trunk());
  }

  /**
   * A SIPp caller into the ACD (4200), heard by {@code ear}, on the line until the test {@link
   * #hangUp hangs it up} (or {@link #close} ends it when the test fails before that).
   */
  CompletableFuture<Sipp.Result> call(RtpEar ear) {
    return CompletableFuture.supplyAsync(
        () ->
            Sipp.scenario("acd-caller-media-until-bye.xml")
                .service("4200")
                .key("ear_port", Integer.toString(ear.port()))
                .timeout(SIPP_TIMEOUT)
                .callAsterisk(asterisk.ports().sip()),
        callers);
  }

  /**
   * Hangs the caller of voice contact {@code id} up in Asterisk, as the caller hanging up would end
   * the call (Asterisk's {@code Hangup} event to every instance, the bridge ended, the agent's
   * phone sent its BYE), and asserts that the caller's SIPp call went as scripted, ended by that
   * BYE.
   */
  void hangUp(String id, CompletableFuture<Sipp.Result> call) throws Exception {
    String channel =
        jdbc.sql("SELECT reference FROM routing_contact WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    // Asterisk finds a channel by its Uniqueid (the contact's reference) as well as by its name.
    assertThat(asterisk.cli("channel request hangup " + channel)).contains("Requested Hangup");
    Sipp.Result caller = call.get(30, TimeUnit.SECONDS);
    assertThat(caller.succeeded()).as("caller:%n%s", caller.output()).isTrue();
  }

  /** Waits until {@code id} is completed for {@code agent}, as its caller hung up. */
  void awaitCompleted(String id, String agent) {
    await("the call completed for " + agent)
        .atMost(Duration.ofSeconds(20))
        .until(() -> state(id).equals("COMPLETED/" + agent));
  }

  /** Asserts that the phones' SIPp calls went as scripted, all of them ended by now. */
  static void assertScripted(Sipp.Answering phones) {
    Sipp.Result calls = phones.await(Duration.ofSeconds(30));
    assertThat(calls.succeeded()).as("phones:%n%s", calls.output()).isTrue();
  }

  /**
   * Waits until each of the two endpoints hears a second of the other from now on: the two parties
   * of a bridge hear each other both ways.
   */
  static void awaitTwoWay(RtpEar one, double oneSays, RtpEar other, double otherSays) {
    long from = RtpEar.now();
    sound().until(() -> one.framesWith(otherSays, from) >= SECOND);
    sound().until(() -> other.framesWith(oneSays, from) >= SECOND);
  }

  /** How long to wait for sound: media on a loaded machine. */
  static ConditionFactory sound() {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100));
  }

  // ---- the contacts' rows ----

  /** The voice contacts there are now (earlier tests' among them). */
  List<String> voiceContacts() {
    return jdbc.sql("SELECT id FROM routing_contact WHERE channel = 'VOICE'")
        .query(String.class)
        .list();
  }

  static List<String> plus(List<String> ids, String id) {
    List<String> all = new ArrayList<>(ids);
    all.add(id);
    return all;
  }

  /** The id of the voice contact queued besides {@code others}. */
  String awaitContact(List<String> others) {
    return await("a caller queued")
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc
                    .sql(
                        "SELECT id FROM routing_contact WHERE channel = 'VOICE' ORDER BY enqueued_at")
                    .query(String.class)
                    .list()
                    .stream()
                    .filter(id -> !others.contains(id))
                    .findFirst()
                    .orElse(null),
            id -> id != null);
  }

  /** The contact's state and agent, e.g. {@code CONNECTED/agent-1} or {@code WAITING/}. */
  String state(String id) {
    return jdbc.sql(
            "SELECT state || '/' || coalesce(agent_id, '') FROM routing_contact WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  Instant enqueuedAt(String id) {
    return jdbc.sql("SELECT enqueued_at FROM routing_contact WHERE id = ?")
        .param(id)
        .query(Timestamp.class)
        .single()
        .toInstant();
  }

  /** The ring of the agent's phone stored with the call's offer, if any. */
  String ringOf(String id) {
    return jdbc.sql("SELECT ring_id FROM routing_contact WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .orElse(null);
  }
}
