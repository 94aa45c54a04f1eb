package io.contactcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.pbx.CallControl;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.ContactCenterProcess;
import io.contactcenter.testinfra.FreePorts;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.RoutingLeader;
import io.contactcenter.testinfra.Sipp;
import io.contactcenter.testinfra.TestInfrastructure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Calls survive a change of routing leader (ADR 0043). Two application processes on the same
 * PostgreSQL, Redis, Kafka and the real Asterisk, either of which may route, and this test's
 * context, which never routes ({@code cc.routing.lead=false}) but answers Asterisk's AGI: it queues
 * the SIPp callers through the leader. One caller is bridged to the only agent's phone by the
 * leader, a second waits with music on hold; the leader is killed (SIGKILL). The survivor takes the
 * lead: the agent stays on the first call, whose end is then completed by the survivor; the second
 * caller kept the original place and enqueue time and is offered to the agent and answered by the
 * survivor. Who hears whom is measured in the RTP each endpoint receives ({@link RtpEar}). Another
 * run kills the leader while the agent's phone rings for a caller: the survivor stops that ring
 * (the phone gets its CANCEL long before the ring timeout) and offers the caller again, whose place
 * was kept; the phone answers the new offer.
 *
 * <p>The calls go through an Asterisk of this test's own. The shared one sends its AGI to one port
 * per test JVM ({@link TestInfrastructure#agiPort()}), and in a full run the shared context, cached
 * by an earlier test class, already listens there: this class's context (a database of its own)
 * could not bind it, and the callers were answered by the cached context, which knew no agent and
 * queued nothing here. Alone in a JVM (a worktree run of this class) the port was free, so the test
 * passed there and failed in CI.
 */
@ContactCenterIT
@TestPropertySource(properties = {"cc.test.context=call-takeover", "cc.routing.lead=false"})
@DirtiesContext
class CallTakeoverIT {

  static final LocalAsterisk asterisk =
      new LocalAsterisk("takeover", LocalAsterisk.Ports.allocate(FreePorts.next()));

  /** This context answers the own Asterisk's AGI and sees its calls over AMI. */
  @DynamicPropertySource
  static void pointAtOwnAsterisk(DynamicPropertyRegistry registry) {
    registry.add("cc.pbx.ami.port", () -> asterisk.ports().ami());
    registry.add("cc.pbx.fastagi.port", () -> asterisk.ports().agi());
    registry.add("cc.pbx.recordings.dir", () -> asterisk.recordings().toString());
  }

  private static final double FIRST_CALLER = 600;
  private static final double SECOND_CALLER = 800;
  private static final double AGENT = 1000;

  /** One second of 20 ms frames. */
  private static final int SECOND = 50;

  /** The ring timeout of the instances of the ring test. */
  private static final Duration RING_TIMEOUT = Duration.ofSeconds(120);

  private static ContactCenterProcess one;
  private static ContactCenterProcess two;

  @Autowired AgentDesk desk;
  @Autowired AgentDirectory agents;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;
  @Autowired CallControl calls;

  @Autowired
  @Qualifier("ami")
  HealthIndicator ami;

  private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

  @BeforeAll
  static void startAsterisk() {
    asterisk.start();
  }

  /** Each test elects a leader of its own: the last one's survivor would route the next. */
  @AfterEach
  void stopTheInstances() {
    try {
      if (one != null) {
        one.close();
      }
      if (two != null) {
        two.close();
      }
    } finally {
      one = null;
      two = null;
    }
  }

  @AfterAll
  static void stopAsterisk() {
    asterisk.stop();
  }

  @Test
  void callersOnHoldKeepTheirPlaceAndBridgedCallsStayWithTheAgentWhenTheLeaderDies()
      throws Exception {
    List<String> earlier = voiceContacts();
    ContactCenterProcess leader = startTwoInstances("call-takeover");
    ContactCenterProcess survivor = leader == one ? two : one;

    String agent = "takeover-" + UUID.randomUUID().toString().substring(0, 8);
    agents.save(new AgentSettings(agent, Map.of("support", 3), 0, 0, 0, "agent-61@trunk-test"));
    desk.logIn(agent);
    try (RtpEar firstCaller = new RtpEar("first-caller");
        RtpEar secondCaller = new RtpEar("second-caller");
        RtpEar agentPhone = new RtpEar("agent");
        Sipp.Answering phone =
            Sipp.scenario("uas-answer-media.xml")
                .key("agent_port", Integer.toString(agentPhone.port()))
                .key("supervisor_port", Integer.toString(agentPhone.port()))
                .calls(2)
                .timeout(Duration.ofSeconds(240))
                .answerOn(asterisk.ports().trunk())) {
      firstCaller.say(FIRST_CALLER);
      secondCaller.say(SECOND_CALLER);
      agentPhone.say(AGENT);

      // The first caller is bridged to the agent by the leader.
      CompletableFuture<Sipp.Result> first = call(firstCaller, Duration.ofSeconds(60));
      String firstId = awaitContact(earlier);
      assertThat(desk.ready(agent).state()).isIn(AgentState.READY, AgentState.ON_CONTACT);
      sound().until(() -> state(firstId).equals("CONNECTED/" + agent));
      long talking = RtpEar.now();
      sound().until(() -> agentPhone.framesWith(FIRST_CALLER, talking) >= SECOND);
      sound().until(() -> firstCaller.framesWith(AGENT, talking) >= SECOND);

      // The second waits with music: the only agent is on the first call.
      CompletableFuture<Sipp.Result> second = call(secondCaller, Duration.ofSeconds(120));
      String secondId = awaitContact(plus(earlier, firstId));
      long holding = RtpEar.now();
      sound().until(() -> secondCaller.framesSince(holding) >= 2 * SECOND);
      assertThat(state(secondId)).isEqualTo("WAITING/");
      Instant enqueued = enqueuedAt(secondId);

      // The leader dies; the survivor takes the lead and keeps both calls.
      String before = RoutingLeader.current(jdbc);
      assertThat(leader.kill()).isEqualTo(137);
      await("the survivor routes")
          .atMost(Duration.ofSeconds(30))
          .until(() -> RoutingLeader.current(jdbc), id -> id != null && !id.equals(before));
      await("the survivor's new term")
          .atMost(Duration.ofSeconds(15))
          .until(() -> survivor.logText().contains("routing started:"));
      assertThat(survivor.logText())
          .contains("this instance (" + RoutingLeader.current(jdbc) + ") routes now");

      // The agent stays on the first call (as the survivor has it), which is still two-way.
      AgentStatus onCall =
          await("the agent on the first call, as the new leader has it")
              .atMost(Duration.ofSeconds(15))
              .ignoreExceptions()
              .until(() -> desk.status(agent), s -> s.state() == AgentState.ON_CONTACT);
      assertThat(onCall.open()).extracting(o -> o.id().value()).containsExactly(firstId);
      long afterTakeover = RtpEar.now();
      sound().until(() -> agentPhone.framesWith(FIRST_CALLER, afterTakeover) >= SECOND);
      sound().until(() -> firstCaller.framesWith(AGENT, afterTakeover) >= SECOND);
      // The second caller is still waiting, at the original time, not cancelled.
      assertThat(state(secondId)).isEqualTo("WAITING/");
      assertThat(enqueuedAt(secondId)).isEqualTo(enqueued);

      // The first caller hangs up: the survivor completes the call, the agent is free again and
      // the second caller is offered to the agent and answered.
      Sipp.Result firstCall = first.get();
      assertThat(firstCall.succeeded()).as("first caller:%n%s", firstCall.output()).isTrue();
      await("the first call completed by the survivor")
          .atMost(Duration.ofSeconds(20))
          .until(() -> state(firstId).equals("COMPLETED/" + agent));
      await("the second caller with the agent")
          .atMost(Duration.ofSeconds(60))
          .until(() -> state(secondId).equals("CONNECTED/" + agent));
      assertThat(enqueuedAt(secondId)).isEqualTo(enqueued);
      long answered = RtpEar.now();
      sound().until(() -> agentPhone.framesWith(SECOND_CALLER, answered) >= SECOND);
      sound().until(() -> secondCaller.framesWith(AGENT, answered) >= SECOND);

      Sipp.Result secondCall = second.get();
      assertThat(secondCall.succeeded()).as("second caller:%n%s", secondCall.output()).isTrue();
      await("the second call completed")
          .atMost(Duration.ofSeconds(20))
          .until(() -> state(secondId).equals("COMPLETED/" + agent));
      Sipp.Result phoneCalls = phone.await(Duration.ofSeconds(30));
      assertThat(phoneCalls.succeeded()).as("agent's phone:%n%s", phoneCalls.output()).isTrue();
    } finally {
      callers.shutdownNow();
      desk.logOut(agent);
    }
  }

  @Test
  void aRingTheDeadLeaderLeftIsStoppedAndTheCallerOfferedAgainAtTheSamePlace() throws Exception {
    List<String> earlier = voiceContacts();
    // A ring timeout far beyond the test's waits: only the new leader can end the first ring soon.
    ContactCenterProcess leader =
        startTwoInstances(
            "ring-takeover", "--cc.routing.ring-timeout=" + RING_TIMEOUT.toSeconds() + "s");
    ContactCenterProcess survivor = leader == one ? two : one;

    String agent = "ringing-" + UUID.randomUUID().toString().substring(0, 8);
    agents.save(new AgentSettings(agent, Map.of("support", 3), 0, 0, 0, "agent-62@trunk-test"));
    desk.logIn(agent);
    try (RtpEar caller = new RtpEar("caller");
        RtpEar agentPhone = new RtpEar("agent");
        // The phone does not answer its first call; it answers the next.
        Sipp.Answering phone =
            Sipp.scenario("uas-ring-then-answer-media.xml")
                .key("agent_port", Integer.toString(agentPhone.port()))
                .calls(2)
                .timeout(Duration.ofSeconds(240))
                .answerOn(asterisk.ports().trunk())) {
      caller.say(FIRST_CALLER);
      agentPhone.say(AGENT);

      CompletableFuture<Sipp.Result> call = call(caller, Duration.ofSeconds(90));
      String id = awaitContact(earlier);
      assertThat(desk.ready(agent).state()).isNotEqualTo(AgentState.NOT_READY);
      Instant enqueued = enqueuedAt(id);

      // The leader rings the agent's phone, which rings on; the ring is stored with the call.
      String ringId =
          await("the agent's phone rung, its ring stored with the call")
              .atMost(Duration.ofSeconds(20))
              .until(() -> ringOf(id), r -> r != null);
      assertThat(state(id)).isEqualTo("OFFERED/" + agent);
      String ringLeg = "cc-ring-" + ringId;
      await("the ring's channel in Asterisk")
          .atMost(Duration.ofSeconds(10))
          .until(() -> calls.liveChannels().has(ringLeg));
      assertThat(calls.liveChannels().isAnswered(ringLeg)).isFalse();

      // The leader dies while the phone rings.
      String before = RoutingLeader.current(jdbc);
      assertThat(leader.kill()).isEqualTo(137);
      await("the survivor routes")
          .atMost(Duration.ofSeconds(30))
          .until(() -> RoutingLeader.current(jdbc), l -> l != null && !l.equals(before));
      await("the survivor's new term")
          .atMost(Duration.ofSeconds(15))
          .until(() -> survivor.logText().contains("routing started:"));

      // The survivor hung the ring up (the phone got its CANCEL): within a minute of the kill, at
      // most (the waits above and below), where the ring itself would go on for its 120 s ...
      await("the ring the dead leader left stopped")
          .atMost(Duration.ofSeconds(15))
          .until(() -> !calls.liveChannels().has(ringLeg));
      assertThat(survivor.logText()).contains("stopping ring " + ringId);
      // ... and offered the caller again, at the original place: the phone answers this time.
      await("the caller with the agent")
          .atMost(Duration.ofSeconds(30))
          .until(() -> state(id).equals("CONNECTED/" + agent));
      assertThat(enqueuedAt(id)).isEqualTo(enqueued);
      assertThat(ringOf(id)).isNull();
      long answered = RtpEar.now();
      sound().until(() -> agentPhone.framesWith(FIRST_CALLER, answered) >= SECOND);
      sound().until(() -> caller.framesWith(AGENT, answered) >= SECOND);

      Sipp.Result callerCall = call.get();
      assertThat(callerCall.succeeded()).as("caller:%n%s", callerCall.output()).isTrue();
      await("the call completed by the survivor")
          .atMost(Duration.ofSeconds(20))
          .until(() -> state(id).equals("COMPLETED/" + agent));
      // Both of the phone's calls went as scripted: the first CANCELled, the second answered.
      Sipp.Result phoneCalls = phone.await(Duration.ofSeconds(30));
      assertThat(phoneCalls.succeeded()).as("agent's phone:%n%s", phoneCalls.output()).isTrue();
    } finally {
      callers.shutdownNow();
      desk.logOut(agent);
    }
  }

  @Test
  void aSingleInstanceThatRestartsKeepsTheCallerOnHold() throws Exception {
    List<String> earlier = voiceContacts();
    awaitThisContextTakesCalls();
    one = instance("restart-1");
    one.start();
    one.awaitReady(Duration.ofMinutes(4));
    await("the only instance routes")
        .atMost(Duration.ofSeconds(30))
        .until(() -> RoutingLeader.process(jdbc, List.of(one)), p -> p == one);

    String agent = "restart-" + UUID.randomUUID().toString().substring(0, 8);
    agents.save(new AgentSettings(agent, Map.of("support", 3), 0, 0, 0, "agent-63@trunk-test"));
    desk.logIn(agent); // not ready: the caller waits
    try (RtpEar caller = new RtpEar("caller");
        RtpEar agentPhone = new RtpEar("agent");
        Sipp.Answering phone =
            Sipp.scenario("uas-answer-media.xml")
                .key("agent_port", Integer.toString(agentPhone.port()))
                .key("supervisor_port", Integer.toString(agentPhone.port()))
                .calls(1)
                .timeout(Duration.ofSeconds(300))
                .answerOn(asterisk.ports().trunk())) {
      caller.say(FIRST_CALLER);
      agentPhone.say(AGENT);

      CompletableFuture<Sipp.Result> call = call(caller, Duration.ofSeconds(180));
      String id = awaitContact(earlier);
      long holding = RtpEar.now();
      sound().until(() -> caller.framesSince(holding) >= 2 * SECOND);
      assertThat(state(id)).isEqualTo("WAITING/");
      Instant enqueued = enqueuedAt(id);

      // The only instance dies and is started again: it takes the lead at its start, while its
      // AMI login is still under way, and waits for it rather than cancel the caller on hold.
      assertThat(one.kill()).isEqualTo(137);
      two = instance("restart-2");
      two.start();
      two.awaitReady(Duration.ofMinutes(4));
      await("the restarted instance's term")
          .atMost(Duration.ofSeconds(30))
          .until(() -> two.logText().contains("routing started:"));
      assertThat(two.logText()).doesNotContain("calls on hold are cancelled");
      assertThat(state(id)).isEqualTo("WAITING/");
      assertThat(enqueuedAt(id)).isEqualTo(enqueued);

      // The caller is still there, and is answered once the agent is ready.
      assertThat(desk.ready(agent).state()).isNotEqualTo(AgentState.NOT_READY);
      await("the caller with the agent")
          .atMost(Duration.ofSeconds(30))
          .until(() -> state(id).equals("CONNECTED/" + agent));
      long answered = RtpEar.now();
      sound().until(() -> agentPhone.framesWith(FIRST_CALLER, answered) >= SECOND);
      sound().until(() -> caller.framesWith(AGENT, answered) >= SECOND);

      Sipp.Result callerCall = call.get();
      assertThat(callerCall.succeeded()).as("caller:%n%s", callerCall.output()).isTrue();
      await("the call completed by the restarted instance")
          .atMost(Duration.ofSeconds(20))
          .until(() -> state(id).equals("COMPLETED/" + agent));
      Sipp.Result phoneCalls = phone.await(Duration.ofSeconds(30));
      assertThat(phoneCalls.succeeded()).as("agent's phone:%n%s", phoneCalls.output()).isTrue();
    } finally {
      callers.shutdownNow();
      desk.logOut(agent);
    }
  }

  /** Starts two instances that may route beside this context; returns the one that leads. */
  private ContactCenterProcess startTwoInstances(String name, String... arguments) {
    one = instance(name + "-1", arguments);
    two = instance(name + "-2", arguments);
    awaitThisContextTakesCalls();
    one.start();
    two.start();
    one.awaitReady(Duration.ofMinutes(4));
    two.awaitReady(Duration.ofMinutes(4));
    return await("an instance routes")
        .atMost(Duration.ofSeconds(30))
        .until(() -> RoutingLeader.process(jdbc, List.of(one, two)), p -> p != null);
  }

  /** This context queues the callers: its AGI server must be up before a call comes in. */
  private void awaitThisContextTakesCalls() {
    await("this context's AMI")
        .atMost(Duration.ofSeconds(30))
        .until(() -> Status.UP.equals(ami.health().getStatus()));
    await("this context's AGI server")
        .atMost(Duration.ofSeconds(10))
        .until(CallTakeoverIT::agiListening);
  }

  private ContactCenterProcess instance(String name, String... extra) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                // Both ring agents' phones and see hang-ups through the test's Asterisk;
                // Asterisk's AGI comes to this test's context.
                "--cc.pbx.ami.port=" + asterisk.ports().ami(),
                "--cc.pbx.ami.password=" + LocalAsterisk.AMI_SECRET,
                "--cc.pbx.ami.initial-backoff=200ms",
                "--cc.pbx.ami.max-backoff=1s",
                "--cc.pbx.fastagi.port=" + FreePorts.next(),
                "--cc.pbx.recordings.dir=" + asterisk.recordings(),
                "--cc.security.initial-admin-password=" + ContactCenterIT.ADMIN_PASSWORD,
                "--cc.campaigns.node-id=" + name));
    arguments.addAll(List.of(extra));
    return new ContactCenterProcess(
        name,
        FreePorts.next(),
        ContactCenterProcess.besideTheTestContext(environment, arguments.toArray(String[]::new)));
  }

  /** The voice contacts there are now (earlier tests' among them). */
  private List<String> voiceContacts() {
    return jdbc.sql("SELECT id FROM routing_contact WHERE channel = 'VOICE'")
        .query(String.class)
        .list();
  }

  private static List<String> plus(List<String> ids, String id) {
    List<String> all = new ArrayList<>(ids);
    all.add(id);
    return all;
  }

  /** The ring of the agent's phone stored with the call's offer, if any. */
  private String ringOf(String id) {
    return jdbc.sql("SELECT ring_id FROM routing_contact WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private static boolean agiListening() {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), asterisk.ports().agi())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private CompletableFuture<Sipp.Result> call(RtpEar ear, Duration onTheLine) {
    return CompletableFuture.supplyAsync(
        () ->
            Sipp.scenario("acd-caller-media.xml")
                .service("4200")
                .key("ear_port", Integer.toString(ear.port()))
                .pause(onTheLine)
                .timeout(onTheLine.plusSeconds(60))
                .callAsterisk(asterisk.ports().sip()),
        callers);
  }

  /** The id of the voice contact queued besides {@code others}. */
  private String awaitContact(List<String> others) {
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
  private String state(String id) {
    return jdbc.sql(
            "SELECT state || '/' || coalesce(agent_id, '') FROM routing_contact WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private Instant enqueuedAt(String id) {
    return jdbc.sql("SELECT enqueued_at FROM routing_contact WHERE id = ?")
        .param(id)
        .query(java.sql.Timestamp.class)
        .single()
        .toInstant();
  }

  private static ConditionFactory sound() {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100));
  }
}
