package io.contactcenter.app;

import static io.contactcenter.app.CallTakeoverRig.SECOND;
import static io.contactcenter.app.CallTakeoverRig.assertScripted;
import static io.contactcenter.app.CallTakeoverRig.awaitTwoWay;
import static io.contactcenter.app.CallTakeoverRig.sound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ConsultTarget;
import io.contactcenter.routing.ContactId;
import io.contactcenter.testinfra.ContactCenterProcess;
import io.contactcenter.testinfra.Sipp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * An attended transfer outlives a change of routing leader (ADR 0044 addendum): two application
 * processes that may route beside this test's context (which never routes but answers Asterisk's
 * AGI); a SIPp caller is bridged to the first agent's phone, the agent consults a second agent,
 * whose phone rings (it never answers), and the leader is killed. The survivor hangs the consulted
 * phone up (its CANCEL, long before the ring timeout), forgets the consult and frees the second
 * agent; the first agent keeps the caller, with sound both ways, and the call completes for them.
 * Another run kills the leader while the agents talk (the consulted phone answered, Asterisk's
 * transfer started): the consult goes on, the consulted agent stays reserved, and the agent
 * completes the transfer through the survivor.
 *
 * <p>A class of its own beside {@link CallTakeoverIT}: Failsafe's forks run them side by side.
 */
class CallTakeoverConsultIT extends AbstractCallTakeoverIT {

  private static final double CALLER = 600;
  private static final double AGENT = 1000;

  @Test
  void aConsultedPhoneStillRingingIsHungUpAndTheAgentKeepsTheCaller() throws Exception {
    List<String> earlier = rig.voiceContacts();
    ContactCenterProcess leader =
        rig.startTwoInstances("consult-takeover", CallTakeoverRig.LONG_RINGS);
    ContactCenterProcess survivor = rig.other(leader);

    String agent = rig.agent("consulting", "agent-65@trunk-test");
    String consulted = rig.agent("consulted", "agent-66@trunk-test");
    try (RtpEar caller = new RtpEar("caller");
        RtpEar agentPhone = new RtpEar("agent");
        // One SIPp behind the trunk for both phones: the agent's (first call) answers, the
        // consulted agent's (second call) rings until CANCELled.
        Sipp.Answering phones = rig.phone("uas-answer-then-ring-media.xml", agentPhone, 2)) {
      caller.say(CALLER);
      agentPhone.say(AGENT);

      CompletableFuture<Sipp.Result> call = rig.call(caller);
      String id = rig.awaitContact(earlier);
      assertThat(desk.ready(agent).state()).isNotEqualTo(AgentState.NOT_READY);
      sound().until(() -> rig.state(id).equals("CONNECTED/" + agent));
      long talking = RtpEar.now();
      sound().until(() -> agentPhone.framesWith(CALLER, talking) >= SECOND);

      // The agent consults the second agent, whose phone rings; the consult is stored.
      assertThat(desk.ready(consulted).state()).isEqualTo(AgentState.READY);
      desk.consult(agent, ContactId.of(id), ConsultTarget.agent(consulted));
      String ringId =
          await("the consult stored")
              .atMost(Duration.ofSeconds(10))
              .until(() -> consultRing(id), r -> r != null);
      String ringLeg = "cc-ring-" + ringId;
      await("the consulted phone ringing in Asterisk")
          .atMost(Duration.ofSeconds(10))
          .until(() -> calls.liveChannels().has(ringLeg));
      assertThat(calls.liveChannels().isAnswered(ringLeg)).isFalse();
      assertThat(desk.status(consulted).state()).isEqualTo(AgentState.ON_CONTACT);

      // The leader dies while the consulted phone rings.
      rig.killAndAwaitTakeover(leader, survivor);

      // The survivor hangs the consulted phone up and forgets the consult ...
      await("the consult ring the dead leader left stopped")
          .atMost(Duration.ofSeconds(15))
          .until(() -> !calls.liveChannels().has(ringLeg));
      assertThat(survivor.logText()).contains("stopping consult ring " + ringId);
      assertThat(consultRing(id)).isNull();
      // ... the consulted agent is free, and the agent still has the caller, two-way.
      AgentStatus free =
          await("the consulted agent free, as the new leader has it")
              .atMost(Duration.ofSeconds(15))
              .ignoreExceptions()
              .until(() -> desk.status(consulted), s -> s.state() == AgentState.READY);
      assertThat(free.open()).isEmpty();
      AgentStatus onCall = desk.status(agent);
      assertThat(onCall.state()).isEqualTo(AgentState.ON_CONTACT);
      assertThat(onCall.open()).extracting(o -> o.id().value()).containsExactly(id);
      assertThat(rig.state(id)).isEqualTo("CONNECTED/" + agent);
      awaitTwoWay(caller, CALLER, agentPhone, AGENT);

      // The caller's call ends: the survivor completes it for the agent.
      rig.hangUp(id, call);
      rig.awaitCompleted(id, agent);
      // Both phones' calls went as scripted: the agent's answered, the consulted one CANCELled.
      assertScripted(phones);
    }
  }

  @Test
  void aConsultTheAgentsAreInGoesOnAndIsCompletedThroughTheNewLeader() throws Exception {
    List<String> earlier = rig.voiceContacts();
    ContactCenterProcess leader = rig.startTwoInstances("consult-goes-on");
    ContactCenterProcess survivor = rig.other(leader);

    String agent = rig.agent("consulting", "agent-67@trunk-test");
    String consulted = rig.agent("consulted", "agent-68@trunk-test");
    try (RtpEar caller = new RtpEar("caller");
        RtpEar agentPhones = new RtpEar("agents");
        // Both phones answer (one SIPp behind the trunk): the agent's, then the consulted one's.
        Sipp.Answering phones = rig.phone("uas-answer-media.xml", agentPhones, 2)) {
      caller.say(CALLER);
      agentPhones.say(AGENT);

      CompletableFuture<Sipp.Result> call = rig.call(caller);
      String id = rig.awaitContact(earlier);
      assertThat(desk.ready(agent).state()).isNotEqualTo(AgentState.NOT_READY);
      sound().until(() -> rig.state(id).equals("CONNECTED/" + agent));

      // The consulted phone answers and the agents talk: Asterisk's transfer started, stored.
      assertThat(desk.ready(consulted).state()).isEqualTo(AgentState.READY);
      desk.consult(agent, ContactId.of(id), ConsultTarget.agent(consulted));
      String agentCallId =
          await("the transfer started, the agent's channel stored")
              .atMost(Duration.ofSeconds(20))
              .until(() -> agentCallOfConsult(id), c -> c != null);
      String ringLeg = "cc-ring-" + consultRing(id);
      assertThat(calls.liveChannels().isAnswered(ringLeg)).isTrue();

      rig.killAndAwaitTakeover(leader, survivor);

      // The consult goes on: the consulted agent is still reserved for it, nothing hung up.
      assertThat(survivor.logText()).contains("about " + id + " taken over (GOES_ON)");
      assertThat(desk.status(consulted).state()).isEqualTo(AgentState.ON_CONTACT);
      assertThat(calls.liveChannels().has(ringLeg)).isTrue();
      assertThat(calls.liveChannels().has(agentCallId)).isTrue();

      // The agent completes the transfer through the new leader: the call is the consulted
      // agent's, the agent's own channel gone, the transfer recorded with its target.
      await("the transfer completed")
          .atMost(Duration.ofSeconds(20))
          .ignoreExceptions()
          .until(() -> desk.completeConsult(agent, ContactId.of(id)) != null);
      assertThat(rig.state(id)).isEqualTo("CONNECTED/" + consulted);
      assertThat(consultRing(id)).isNull();
      assertThat(
              jdbc.sql("SELECT to_agent FROM routing_contact_transfer WHERE contact_id = ?")
                  .param(id)
                  .query(String.class)
                  .list())
          .containsExactly(consulted);
      await("the agent's channel hung up")
          .atMost(Duration.ofSeconds(10))
          .until(() -> !calls.liveChannels().has(agentCallId));
      assertThat(desk.status(agent).open()).isEmpty();
      assertThat(calls.liveChannels().isAnswered(ringLeg)).as("the consulted phone").isTrue();

      rig.hangUp(id, call);
      rig.awaitCompleted(id, consulted);
      assertScripted(phones);
    }
  }

  /** The consulting agent's call id stored once Asterisk's transfer started, if it did. */
  private String agentCallOfConsult(String id) {
    return jdbc.sql("SELECT agent_call_id FROM routing_consult WHERE contact_id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** The ring of the consult stored about the call, if any. */
  private String consultRing(String id) {
    return jdbc.sql("SELECT ring_id FROM routing_consult WHERE contact_id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .orElse(null);
  }
}
