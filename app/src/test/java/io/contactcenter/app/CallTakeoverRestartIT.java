package io.contactcenter.app;

import static io.contactcenter.app.CallTakeoverRig.SECOND;
import static io.contactcenter.app.CallTakeoverRig.sound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentState;
import io.contactcenter.testinfra.ContactCenterIT;
import io.contactcenter.testinfra.ContactCenterProcess;
import io.contactcenter.testinfra.LocalAsterisk;
import io.contactcenter.testinfra.RoutingLeader;
import io.contactcenter.testinfra.Sipp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A single instance that restarts keeps the callers on hold (ADR 0043, addendum "a restarted
 * instance waits for its AMI login"): the only application process routes beside this test's
 * context (which never routes but answers Asterisk's AGI); it is killed while a SIPp caller waits
 * with music and a new one is started, which takes the lead at its start. The caller still waits at
 * the original place and is answered once the agent is ready, with sound both ways.
 *
 * <p>A class of its own, with an Asterisk of its own, beside {@link CallTakeoverIT}: Failsafe's
 * forks run the two at the same time.
 */
@ContactCenterIT
@TestPropertySource(properties = {"cc.test.context=call-takeover-restart", "cc.routing.lead=false"})
@DirtiesContext
class CallTakeoverRestartIT {

  static final LocalAsterisk asterisk = CallTakeoverRig.asterisk("takeover-restart");

  @DynamicPropertySource
  static void pointAtOwnAsterisk(DynamicPropertyRegistry registry) {
    CallTakeoverRig.pointAt(asterisk, registry);
  }

  private static final double CALLER = 600;
  private static final double AGENT = 1000;

  @Autowired AgentDesk desk;
  @Autowired AgentDirectory agents;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;

  @Autowired
  @Qualifier("ami")
  HealthIndicator ami;

  private CallTakeoverRig rig;

  @BeforeAll
  static void startAsterisk() {
    asterisk.start();
  }

  @AfterAll
  static void stopAsterisk() {
    asterisk.stop();
  }

  @BeforeEach
  void rig() {
    rig = new CallTakeoverRig(asterisk, jdbc, environment, ami, agents, desk);
  }

  @AfterEach
  void stopTheInstances() {
    rig.close();
  }

  @Test
  void aSingleInstanceThatRestartsKeepsTheCallerOnHold() throws Exception {
    List<String> earlier = rig.voiceContacts();
    ContactCenterProcess first = rig.startOne("restart-1");
    await("the only instance routes")
        .atMost(Duration.ofSeconds(30))
        .until(() -> RoutingLeader.process(jdbc, List.of(first)), p -> p == first);

    String agent = rig.agent("restart", "agent-63@trunk-test"); // not ready: the caller waits
    try (RtpEar caller = new RtpEar("caller");
        RtpEar agentPhone = new RtpEar("agent");
        Sipp.Answering phone =
            rig.phone("uas-answer-media.xml", agentPhone, 1, Duration.ofSeconds(300))) {
      caller.say(CALLER);
      agentPhone.say(AGENT);

      CompletableFuture<Sipp.Result> call = rig.call(caller, Duration.ofSeconds(180));
      String id = rig.awaitContact(earlier);
      long holding = RtpEar.now();
      sound().until(() -> caller.framesSince(holding) >= 2 * SECOND);
      assertThat(rig.state(id)).isEqualTo("WAITING/");
      Instant enqueued = rig.enqueuedAt(id);

      // The only instance dies and is started again: it takes the lead at its start, while its
      // AMI login is still under way, and waits for it rather than cancel the caller on hold.
      assertThat(first.kill()).isEqualTo(137);
      ContactCenterProcess second = rig.startOne("restart-2");
      await("the restarted instance's term")
          .atMost(Duration.ofSeconds(30))
          .until(() -> second.logText().contains("routing started:"));
      assertThat(second.logText()).doesNotContain("calls on hold are cancelled");
      assertThat(rig.state(id)).isEqualTo("WAITING/");
      assertThat(rig.enqueuedAt(id)).isEqualTo(enqueued);

      // The caller is still there, and is answered once the agent is ready.
      assertThat(desk.ready(agent).state()).isNotEqualTo(AgentState.NOT_READY);
      await("the caller with the agent")
          .atMost(Duration.ofSeconds(30))
          .until(() -> rig.state(id).equals("CONNECTED/" + agent));
      long answered = RtpEar.now();
      sound().until(() -> agentPhone.framesWith(CALLER, answered) >= SECOND);
      sound().until(() -> caller.framesWith(AGENT, answered) >= SECOND);

      Sipp.Result callerCall = call.get();
      assertThat(callerCall.succeeded()).as("caller:%n%s", callerCall.output()).isTrue();
      await("the call completed by the restarted instance")
          .atMost(Duration.ofSeconds(20))
          .until(() -> rig.state(id).equals("COMPLETED/" + agent));
      Sipp.Result phoneCalls = phone.await(Duration.ofSeconds(30));
      assertThat(phoneCalls.succeeded()).as("agent's phone:%n%s", phoneCalls.output()).isTrue();
    }
  }
}
