package io.contactcenter.tickets.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.common.InvalidInputException;
import io.contactcenter.tickets.TicketPriority;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ListCursorTest {

  private static final Instant CREATED = Instant.parse("2026-10-01T08:30:00.123456Z");

  @Test
  void aTokenGivesBackTheSameKeyToTheMicrosecond() {
    ListCursor withDue =
        new ListCursor(1, Instant.parse("2026-10-02T01:00:00.000001Z"), CREATED, "T-ab-12");
    assertThat(ListCursor.decode(withDue.encode())).isEqualTo(withDue);
    ListCursor noClock = new ListCursor(3, null, CREATED, "T-1");
    assertThat(ListCursor.decode(noClock.encode())).isEqualTo(noClock);
    ListCursor beforeEpoch = new ListCursor(0, null, Instant.parse("1969-12-31T23:59:59.5Z"), "T");
    assertThat(ListCursor.decode(beforeEpoch.encode())).isEqualTo(beforeEpoch);
  }

  @Test
  void tokensAreUrlSafe() {
    String token = new ListCursor(2, CREATED, CREATED, "T-" + "f".repeat(36)).encode();
    assertThat(token).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void theRankFollowsUrgency() {
    assertThat(ListCursor.rank(TicketPriority.URGENT)).isZero();
    assertThat(ListCursor.rank(TicketPriority.HIGH)).isEqualTo(1);
    assertThat(ListCursor.rank(TicketPriority.NORMAL)).isEqualTo(2);
    assertThat(ListCursor.rank(TicketPriority.LOW)).isEqualTo(3);
  }

  @Test
  void aTokenThisDeskDidNotGiveIsRefusedWithItsMessageKey() {
    for (String bad :
        new String[] {
          "",
          "abc",
          "%%%",
          "x".repeat(201),
          plain("k1|2||1|T-1|extra"),
          plain("k0|2||1|T-1"),
          plain("k1|9||1|T-1"),
          plain("k1|two||1|T-1"),
          plain("k1|2||1|T 1; DROP TABLE ticket"),
          plain("k1|2||notanumber|T-1")
        }) {
      assertThatThrownBy(() -> ListCursor.decode(bad))
          .as(bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("start again from the first page")
          .satisfies(
              e ->
                  assertThat(((InvalidInputException) e).messageKey())
                      .isEqualTo("problem.ticket.cursor"));
    }
  }

  private static String plain(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
