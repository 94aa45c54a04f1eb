package io.contactcenter.routing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentRosterTest {

  private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

  private static AgentProfile agent(String id, Map<String, Integer> skills) {
    return new AgentProfile(
        new AgentId(id), Skills.of(skills), AgentProfile.capacity(2, 3), Duration.ZERO);
  }

  @Test
  void anAgentLogsInNotReadyAndIsKeptAfterLoggingOut() {
    AgentRoster roster = new AgentRoster();
    AgentProfile alice = agent("alice", Map.of("orders", 3));

    roster.logIn(alice, NOW);
    assertThat(roster.loggedIn(alice.id()).presence(NOW))
        .isEqualTo(new Presence.NotReady("logged in", NOW));

    roster.agent(alice.id()).logOut(NOW);
    assertThat(roster.knows(alice.id())).isTrue();
    assertThatThrownBy(() -> roster.loggedIn(alice.id())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anAgentNeverLoggedInIsUnknown() {
    AgentRoster roster = new AgentRoster();
    AgentId bob = new AgentId("bob");

    assertThat(roster.knows(bob)).isFalse();
    assertThat(roster.holder(bob)).isNull();
    assertThatThrownBy(() -> roster.agent(bob)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyLoggedInAgentsWithTheSkillServeAQueue() {
    AgentRoster roster = new AgentRoster();
    roster.logIn(agent("alice", Map.of("orders", 1)), NOW);
    roster.logIn(agent("bob", Map.of("billing", 5)), NOW);
    roster.logIn(agent("carol", Map.of("orders", 5)), NOW);
    roster.agent(new AgentId("carol")).logOut(NOW);

    QueueDefinition orders =
        QueueDefinition.simple(new QueueId("orders"), "orders", QueueStrategy.LONGEST_IDLE);
    assertThat(roster.serving(orders)).isOne();
    assertThat(roster.all())
        .extracting(a -> a.profile.id().value())
        .containsExactly("alice", "bob", "carol");
  }
}
