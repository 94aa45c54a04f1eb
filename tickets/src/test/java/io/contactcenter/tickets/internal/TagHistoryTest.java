package io.contactcenter.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagHistoryTest {

  @Test
  void theHistoryEntryNamesWhatWasAddedAndRemoved() {
    assertThat(TicketChanges.describeTags(List.of("vip", "退货"), List.of("spam")))
        .isEqualTo("+vip +退货 -spam");
    assertThat(TicketChanges.describeTags(List.of(), List.of("spam"))).isEqualTo("-spam");
  }
}
