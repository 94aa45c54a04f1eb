package io.contactcenter.app;

import static io.contactcenter.app.CallTakeoverRig.SECOND;
import static io.contactcenter.app.CallTakeoverRig.assertScripted;
import static io.contactcenter.app.CallTakeoverRig.awaitTwoWay;
import static io.contactcenter.app.CallTakeoverRig.plus;
import static io.contactcenter.app.CallTakeoverRig.sound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.testinfra.ContactCenterProcess;
import io.contactcenter.testinfra.RoutingLeader;
import io.contactcenter.testinfra.Sipp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

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
 * <p>The restart of a single instance is {@link CallTakeoverRestartIT}, a class of its own, so that
 * Failsafe's forks run the two side by side.
 */
class CallTakeoverIT extends AbstractCallTakeoverIT {

  private static final double FIRST_CALLER = 600;
  private static final double SECOND_CALLER = 800;
  private static final double AGENT = 1000;

  @Test
  void callersOnHoldKeepTheirPlaceAndBridgedCallsStayWithTheAgentWhenTheLeaderDies()
      throws Exception {
    List<String> earlier = rig.voiceContacts();
    ContactCenterProcess leader = rig.startTwoInstances("call-takeover");
    ContactCenterProcess survivor = rig.other(leader);

    String agent = rig.agent("takeover", "agent-61@trunk-test");
    try (RtpEar firstCaller = new RtpEar("first-caller");
        RtpEar secondCaller = new RtpEar("second-caller");
        RtpEar agentPhone = new RtpEar("agent");
        Sipp.Answering phone = rig.phone("uas-answer-media.xml", agentPhone, 2)) {
      firstCaller.say(FIRST_CALLER);
      secondCaller.say(SECOND_CALLER);
      agentPhone.say(AGENT);

      // The first caller is bridged to the agent by the leader.
      CompletableFuture<Sipp.Result> first = rig.call(firstCaller);
      String firstId = rig.awaitContact(earlier);
      assertThat(desk.ready(agent).state()).isIn(AgentState.READY, AgentState.ON_CONTACT);
      sound().until(() -> rig.state(firstId).equals("CONNECTED/" + agent));
      awaitTwoWay(firstCaller, FIRST_CALLER, agentPhone, AGENT);

      // The second waits with music: the only agent is on the first call.
      CompletableFuture<Sipp.Result> second = rig.call(secondCaller);
      String secondId = rig.awaitContact(plus(earlier, firstId));
      long holding = RtpEar.now();
      sound().until(() -> secondCaller.framesSince(holding) >= 2 * SECOND);
      assertThat(rig.state(secondId)).isEqualTo("WAITING/");
      Instant enqueued = rig.enqueuedAt(secondId);

      // The leader dies; the survivor takes the lead and keeps both calls.
      rig.killAndAwaitTakeover(leader, survivor);
      assertThat(survivor.logText())
          .contains("this instance (" + RoutingLeader.current(jdbc) + ") routes now");

      // The agent stays on the first call (as the survivor has it), which is still two-way.
      AgentStatus onCall =
          await("the agent on the first call, as the new leader has it")
              .atMost(Duration.ofSeconds(15))
              .ignoreExceptions()
              .until(() -> desk.status(agent), s -> s.state() == AgentState.ON_CONTACT);
      assertThat(onCall.open()).extracting(o -> o.id().value()).containsExactly(firstId);
      awaitTwoWay(firstCaller, FIRST_CALLER, agentPhone, AGENT);
      // The second caller is still waiting, at the original time, not cancelled.
      assertThat(rig.state(secondId)).isEqualTo("WAITING/");
      assertThat(rig.enqueuedAt(secondId)).isEqualTo(enqueued);

      // The first caller's call ends: the survivor completes it, the agent is free again and the
      // second caller is offered to the agent and answered.
      rig.hangUp(firstId, first);
      rig.awaitCompleted(firstId, agent);
      await("the second caller with the agent")
          .atMost(Duration.ofSeconds(60))
          .until(() -> rig.state(secondId).equals("CONNECTED/" + agent));
      assertThat(rig.enqueuedAt(secondId)).isEqualTo(enqueued);
      awaitTwoWay(secondCaller, SECOND_CALLER, agentPhone, AGENT);

      rig.hangUp(secondId, second);
      rig.awaitCompleted(secondId, agent);
      assertScripted(phone);
    }
  }

  @Test
  void aRingTheDeadLeaderLeftIsStoppedAndTheCallerOfferedAgainAtTheSamePlace() throws Exception {
    List<String> earlier = rig.voiceContacts();
    ContactCenterProcess leader =
        rig.startTwoInstances("ring-takeover", CallTakeoverRig.LONG_RINGS);
    ContactCenterProcess survivor = rig.other(leader);

    String agent = rig.agent("ringing", "agent-62@trunk-test");
    try (RtpEar caller = new RtpEar("caller");
        RtpEar agentPhone = new RtpEar("agent");
        // The phone does not answer its first call; it answers the next.
        Sipp.Answering phone = rig.phone("uas-ring-then-answer-media.xml", agentPhone, 2)) {
      caller.say(FIRST_CALLER);
      agentPhone.say(AGENT);

      CompletableFuture<Sipp.Result> call = rig.call(caller);
      String id = rig.awaitContact(earlier);
      assertThat(desk.ready(agent).state()).isNotEqualTo(AgentState.NOT_READY);
      Instant enqueued = rig.enqueuedAt(id);

      // The leader rings the agent's phone, which rings on; the ring is stored with the call.
      String ringId =
          await("the agent's phone rung, its ring stored with the call")
              .atMost(Duration.ofSeconds(20))
              .until(() -> rig.ringOf(id), r -> r != null);
      assertThat(rig.state(id)).isEqualTo("OFFERED/" + agent);
      String ringLeg = "cc-ring-" + ringId;
      await("the ring's channel in Asterisk")
          .atMost(Duration.ofSeconds(10))
          .until(() -> calls.liveChannels().has(ringLeg));
      assertThat(calls.liveChannels().isAnswered(ringLeg)).isFalse();

      // The leader dies while the phone rings.
      rig.killAndAwaitTakeover(leader, survivor);

      // The survivor hung the ring up (the phone got its CANCEL): within a minute of the kill, at
      // most (the waits above and below), where the ring itself would go on for its 120 s ...
      await("the ring the dead leader left stopped")
          .atMost(Duration.ofSeconds(15))
          .until(() -> !calls.liveChannels().has(ringLeg));
      assertThat(survivor.logText()).contains("stopping ring " + ringId);
      // ... and offered the caller again, at the original place: the phone answers this time.
      await("the caller with the agent")
          .atMost(Duration.ofSeconds(30))
          .until(() -> rig.state(id).equals("CONNECTED/" + agent));
      assertThat(rig.enqueuedAt(id)).isEqualTo(enqueued);
      assertThat(rig.ringOf(id)).isNull();
      awaitTwoWay(caller, FIRST_CALLER, agentPhone, AGENT);

      rig.hangUp(id, call);
      rig.awaitCompleted(id, agent);
      // Both of the phone's calls went as scripted: the first CANCELled, the second answered.
      assertScripted(phone);
    }
  }
}
