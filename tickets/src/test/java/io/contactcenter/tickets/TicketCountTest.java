package io.contactcenter.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A list's total counted up to a limit: "10,000+" beyond it. */
class TicketCountTest {

  @Test
  void upToTheLimitTheCountIsExact() {
    assertThat(TicketCount.upTo(0, 10_000)).isEqualTo(new TicketCount(0, false));
    assertThat(TicketCount.upTo(10_000, 10_000)).isEqualTo(new TicketCount(10_000, false));
  }

  @Test
  void beyondTheLimitItIsTheLimitAndCapped() {
    // The query counts at most limit + 1 rows: one more than the limit means "more".
    assertThat(TicketCount.upTo(10_001, 10_000)).isEqualTo(new TicketCount(10_000, true));
  }
}
