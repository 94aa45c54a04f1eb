package io.contactcenter.tickets.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.tickets.internal.domain.RoutingReconciliation.Enqueue;
import io.contactcenter.tickets.internal.domain.RoutingReconciliation.Keep;
import io.contactcenter.tickets.internal.domain.RoutingReconciliation.Place;
import io.contactcenter.tickets.internal.domain.RoutingReconciliation.Release;
import io.contactcenter.tickets.internal.domain.RoutingReconciliation.Withdraw;
import org.junit.jupiter.api.Test;

class RoutingReconciliationTest {

  @Test
  void anUnassignedActiveTicketOfARoutedGroupWaitsInItsQueue() {
    assertThat(RoutingReconciliation.next(true, null, true, Place.NONE, null))
        .isInstanceOf(Enqueue.class);
    assertThat(RoutingReconciliation.next(true, null, true, Place.QUEUED, null))
        .isInstanceOf(Keep.class);
  }

  @Test
  void aGroupWithARoundRobinOrATicketAssignedOrSolvedStaysOutOfRouting() {
    assertThat(RoutingReconciliation.next(true, null, false, Place.NONE, null))
        .isInstanceOf(Keep.class);
    assertThat(RoutingReconciliation.next(true, "li", true, Place.NONE, null))
        .isInstanceOf(Keep.class);
    assertThat(RoutingReconciliation.next(false, null, true, Place.NONE, null))
        .isInstanceOf(Keep.class);
  }

  @Test
  void aWaitingTicketSolvedOrAssignedByHandLeavesTheQueue() {
    assertThat(RoutingReconciliation.next(false, null, true, Place.QUEUED, null))
        .isInstanceOf(Withdraw.class);
    assertThat(RoutingReconciliation.next(true, "li", true, Place.QUEUED, null))
        .isInstanceOf(Withdraw.class);
  }

  @Test
  void theAgentKeepsWhatRoutingGaveThemWhileItIsActiveAndTheirs() {
    assertThat(RoutingReconciliation.next(true, "li", true, Place.ASSIGNED, "li"))
        .isInstanceOf(Keep.class);
  }

  @Test
  void solvingFreesTheAgentsCapacityWithoutQueueingAgain() {
    assertThat(RoutingReconciliation.next(false, "li", true, Place.ASSIGNED, "li"))
        .isEqualTo(new Release("li", false));
  }

  @Test
  void reassignedByHandFreesTheFirstAgentAndTakenBackWaitsForAnother() {
    assertThat(RoutingReconciliation.next(true, "wang", true, Place.ASSIGNED, "li"))
        .isEqualTo(new Release("li", false));
    assertThat(RoutingReconciliation.next(true, null, true, Place.ASSIGNED, "li"))
        .isEqualTo(new Release("li", true));
  }
}
