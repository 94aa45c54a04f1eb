package io.contactcenter.tickets.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.tickets.CustomerTier;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketPriority;
import io.contactcenter.tickets.TicketStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicketRulesTest {

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
    "NEW, OPEN, true",
    "NEW, PENDING_CUSTOMER, true",
    "NEW, SOLVED, true",
    "NEW, CLOSED, false",
    "OPEN, PENDING_THIRD_PARTY, true",
    "PENDING_CUSTOMER, OPEN, true",
    "PENDING_THIRD_PARTY, SOLVED, true",
    "OPEN, NEW, false",
    "SOLVED, OPEN, true",
    "SOLVED, CLOSED, true",
    "SOLVED, PENDING_CUSTOMER, false",
    "CLOSED, OPEN, false",
    "CLOSED, SOLVED, false",
    "OPEN, OPEN, false"
  })
  void lifecycle(TicketStatus from, TicketStatus to, boolean allowed) {
    TicketLifecycle.Transition t = TicketLifecycle.check(from, to);
    assertThat(t instanceof TicketLifecycle.Transition.Allowed).isEqualTo(allowed);
    if (t instanceof TicketLifecycle.Transition.Rejected r) {
      assertThat(r.reason()).contains(to.name());
    }
  }

  @Test
  void complaintsAndRefundsStartHigherAndVipHigherStill() {
    assertThat(PriorityPolicy.initial(TicketCategory.QUESTION, CustomerTier.STANDARD))
        .isEqualTo(TicketPriority.NORMAL);
    assertThat(PriorityPolicy.initial(TicketCategory.COMPLAINT, CustomerTier.STANDARD))
        .isEqualTo(TicketPriority.HIGH);
    assertThat(PriorityPolicy.initial(TicketCategory.REFUND, CustomerTier.STANDARD))
        .isEqualTo(TicketPriority.HIGH);
    assertThat(PriorityPolicy.initial(TicketCategory.QUESTION, CustomerTier.VIP))
        .isEqualTo(TicketPriority.HIGH);
    assertThat(PriorityPolicy.initial(TicketCategory.COMPLAINT, CustomerTier.VIP))
        .isEqualTo(TicketPriority.URGENT);
    assertThat(TicketPriority.URGENT.raised()).isEqualTo(TicketPriority.URGENT);
  }

  @Test
  void duplicateKeyIgnoresCaseWidthPunctuationAndSpaces() {
    assertThat(DuplicateKey.of("Return order A100"))
        .isEqualTo(DuplicateKey.of("return ORDER a100!"));
    assertThat(DuplicateKey.of("包裹破损，要退款！")).isEqualTo(DuplicateKey.of("包裹破损 要退款"));
    assertThat(DuplicateKey.of("ＡＢＣ１２３")).isEqualTo("abc123");
    assertThat(DuplicateKey.of("order A100")).isNotEqualTo(DuplicateKey.of("order A101"));
  }
}
