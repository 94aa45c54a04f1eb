package io.contactcenter.app;

import static io.contactcenter.app.CallTakeoverRig.SECOND;
import static io.contactcenter.app.CallTakeoverRig.assertScripted;
import static io.contactcenter.app.CallTakeoverRig.awaitTwoWay;
import static io.contactcenter.app.CallTakeoverRig.sound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.routing.AgentState;
import io.contactcenter.testinfra.ContactCenterProcess;
import io.contactcenter.testinfra.RoutingLeader;
import io.contactcenter.testinfra.Sipp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A single instance that restarts keeps the callers on hold (ADR 0043, addendum "a restarted
 * instance waits for its AMI login"): the only application process routes beside this test's
 * context (which never routes but answers Asterisk's AGI); it is killed while a SIPp caller waits
 * with music and a new one is started, which takes the lead at its start. The caller still waits at
 * the original place and is answered once the agent is ready, with sound both ways.
 *
 * <p>A class of its own beside {@link CallTakeoverIT}: Failsafe's forks run the two at the same
 * time.
 */
class CallTakeoverRestartIT extends AbstractCallTakeoverIT {

  private static final double CALLER = 600;
  private static final double AGENT = 1000;

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
        Sipp.Answering phone = rig.phone("uas-answer-media.xml", agentPhone, 1)) {
      caller.say(CALLER);
      agentPhone.say(AGENT);

      CompletableFuture<Sipp.Result> call = rig.call(caller);
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
      awaitTwoWay(caller, CALLER, agentPhone, AGENT);

      // The caller's call ends: the restarted instance completes it.
      rig.hangUp(id, call);
      rig.awaitCompleted(id, agent);
      assertScripted(phone);
    }
  }
}
