package io.contactcenter.routing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.routing.internal.domain.ConsultAtTakeover.Outcome;
import io.contactcenter.routing.internal.domain.ConsultAtTakeover.Transfer;
import org.junit.jupiter.api.Test;

/** What a new routing leader does with an attended transfer the last one left (ADR 0044). */
class ConsultAtTakeoverTest {

  @Test
  void aConsultedPhoneStillRingingIsHungUpAndTheAgentKeepsTheCaller() {
    assertThat(ConsultAtTakeover.decide(true, true, false, Transfer.NOT_STARTED))
        .isEqualTo(new ConsultAtTakeover(Outcome.ENDED, true));
  }

  @Test
  void agentsTalkingGoOnWithNothingHungUp() {
    // Hanging up the consulted leg would end a consult the agents are in the middle of.
    assertThat(ConsultAtTakeover.decide(true, true, true, Transfer.AGENT_ON_LINE))
        .isEqualTo(new ConsultAtTakeover(Outcome.GOES_ON, false));
  }

  @Test
  void aConsultedPhoneThatAnsweredBeforeTheTransferStartedIsConnectedByTheNewLeader() {
    assertThat(ConsultAtTakeover.decide(true, true, true, Transfer.NOT_STARTED))
        .isEqualTo(new ConsultAtTakeover(Outcome.CONNECT, false));
  }

  @Test
  void anAgentWhoHungUpDuringTheTransferHandedTheCallOver() {
    assertThat(ConsultAtTakeover.decide(true, true, true, Transfer.AGENT_LEFT))
        .isEqualTo(new ConsultAtTakeover(Outcome.HANDED_OVER, false));
  }

  @Test
  void aConsultedAgentWhoLeftEndedTheConsultWithNothingToHangUp() {
    for (Transfer transfer : Transfer.values()) {
      assertThat(ConsultAtTakeover.decide(true, false, false, transfer))
          .isEqualTo(new ConsultAtTakeover(Outcome.ENDED, false));
    }
  }

  @Test
  void aCallerWhoLeftEndsTheConsultAndTheConsultedLegStillUpIsHungUp() {
    assertThat(ConsultAtTakeover.decide(false, true, true, Transfer.AGENT_ON_LINE))
        .isEqualTo(new ConsultAtTakeover(Outcome.ENDED, true));
    assertThat(ConsultAtTakeover.decide(false, true, false, Transfer.NOT_STARTED))
        .isEqualTo(new ConsultAtTakeover(Outcome.ENDED, true));
    assertThat(ConsultAtTakeover.decide(false, false, false, Transfer.AGENT_LEFT))
        .isEqualTo(new ConsultAtTakeover(Outcome.ENDED, false));
  }

  @Test
  void aLegCannotBeAnsweredWithoutBeingUp() {
    assertThatThrownBy(() -> ConsultAtTakeover.decide(true, false, true, Transfer.NOT_STARTED))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
