package io.contactcenter.app.web;

import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentState;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactOffered;
import io.contactcenter.routing.ContactTransferred;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An offer reaches the agent's status stream when routing commits it, not at the next tick (issue
 * 12: the screen pop starts from that push). Ticks are an hour apart here: only the push can make a
 * second read happen.
 */
class AgentDeskPushTest {

  private final AgentDesk desk = mock(AgentDesk.class);
  private final AtomicInteger annReads = new AtomicInteger();
  private final AtomicInteger bobReads = new AtomicInteger();
  private LiveUpdates live;
  private AgentDeskController controller;

  @BeforeEach
  void streams() {
    live = new LiveUpdates(new ObjectMapper(), Duration.ofHours(1));
    controller = new AgentDeskController(desk, live);
    // Each read returns a new value, so every look is sent and counted.
    when(desk.status("ann")).thenAnswer(i -> status("ann", annReads.incrementAndGet()));
    when(desk.status("bob")).thenAnswer(i -> status("bob", bobReads.incrementAndGet()));
    controller.events(new TestingAuthenticationToken("ann", null));
    controller.events(new TestingAuthenticationToken("bob", null));
    // The 404 check and the first value sent.
    await().atMost(Duration.ofSeconds(5)).until(() -> annReads.get() == 2 && bobReads.get() == 2);
  }

  @AfterEach
  void stop() {
    live.destroy();
  }

  @Test
  void anOfferPushesTheOfferedAgentsStreamOnly() {
    controller.agentChanged(offered("ann"));

    await().atMost(Duration.ofSeconds(2)).until(() -> annReads.get() == 3);
    stays(() -> annReads.get() == 3 && bobReads.get() == 2);
  }

  @Test
  void anOfferMadeInATransactionIsPushedOnlyOnceItCommits() {
    TransactionSynchronizationManager.initSynchronization();
    try {
      controller.agentChanged(offered("ann"));
      // Read now, the page would not see the offer yet.
      stays(() -> annReads.get() == 2);

      TransactionSynchronizationManager.getSynchronizations()
          .forEach(TransactionSynchronization::afterCommit);
    } finally {
      TransactionSynchronizationManager.clearSynchronization();
    }
    await().atMost(Duration.ofSeconds(2)).until(() -> annReads.get() == 3);
  }

  @Test
  void anAttendedTransferPushesBothAgents() {
    controller.agentChanged(
        new ContactTransferred(
            ContactId.of("c-1"),
            ContactChannel.VOICE,
            "sales",
            "sales",
            "ann",
            10,
            Instant.now(),
            "bob"));

    await().atMost(Duration.ofSeconds(2)).until(() -> annReads.get() == 3 && bobReads.get() == 3);
  }

  private static ContactOffered offered(String agent) {
    Instant now = Instant.now();
    return new ContactOffered(
        ContactId.of("c-1"), ContactChannel.VOICE, "sales", agent, now, now.plusSeconds(20));
  }

  private static AgentStatus status(String agent, int read) {
    return new AgentStatus(agent, AgentState.READY, "read " + read, null, List.of(), List.of());
  }

  /** {@code condition} holds for four nudge delays: what a push would have done by then. */
  private static void stays(Callable<Boolean> condition) {
    Duration window = LiveUpdates.NUDGE_DELAY.multipliedBy(4);
    await().during(window).atMost(window.plusSeconds(2)).until(condition);
  }
}
