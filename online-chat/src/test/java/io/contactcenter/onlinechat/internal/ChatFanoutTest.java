package io.contactcenter.onlinechat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.onlinechat.internal.ChatFanout.AgentNotice;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ChatFanoutTest {

  private final ChatFanout fanout = new ChatFanout();

  @Test
  void anAgentNoticeReachesOnlyThatAgentsScreensHereAndIsRelayedToTheOtherInstances() {
    List<AgentNotice> alice = new CopyOnWriteArrayList<>();
    List<AgentNotice> bob = new CopyOnWriteArrayList<>();
    List<AgentNotice> relayed = new CopyOnWriteArrayList<>();
    fanout.relayAgentNoticesTo(relayed::add);
    fanout.subscribeAgent("alice", alice::add);
    fanout.subscribeAgent("bob", bob::add);

    AgentNotice offered = new AgentNotice("alice", AgentNotice.Kind.OFFERED, "c1");
    fanout.publishAgentNotice(offered);

    assertThat(alice).containsExactly(offered);
    assertThat(bob).isEmpty();
    assertThat(relayed).containsExactly(offered);
  }

  @Test
  void aNoticeFromAnotherInstanceIsDeliveredHereButNotRelayedAgainAndAClosedScreenGetsNothing() {
    List<AgentNotice> first = new CopyOnWriteArrayList<>();
    List<AgentNotice> second = new CopyOnWriteArrayList<>();
    List<AgentNotice> relayed = new CopyOnWriteArrayList<>();
    fanout.relayAgentNoticesTo(relayed::add);
    Runnable closeFirst = fanout.subscribeAgent("alice", first::add);
    fanout.subscribeAgent("alice", second::add);
    closeFirst.run();

    AgentNotice assigned = new AgentNotice("alice", AgentNotice.Kind.ASSIGNED, "c2");
    fanout.deliverAgentNoticeHere(assigned);

    assertThat(first).isEmpty();
    assertThat(second).containsExactly(assigned);
    assertThat(relayed).isEmpty();
  }

  @Test
  void aFailingRelayDoesNotKeepTheNoticeFromThisInstancesScreens() {
    List<AgentNotice> alice = new CopyOnWriteArrayList<>();
    fanout.relayAgentNoticesTo(
        n -> {
          throw new IllegalStateException("redis down");
        });
    fanout.subscribeAgent("alice", alice::add);

    fanout.publishAgentNotice(new AgentNotice("alice", AgentNotice.Kind.OFFERED, "c3"));

    assertThat(alice).hasSize(1);
  }
}
