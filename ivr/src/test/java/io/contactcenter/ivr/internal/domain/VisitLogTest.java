package io.contactcenter.ivr.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisitLogTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private Instant now = T0;
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final VisitLog log = new VisitLog(clock);

  @Test
  void eachVisitKeepsItsTimeAndWhatTheCallerGave() {
    log.enter("main");
    log.note(new CallerInput.Keys("1"));
    now = T0.plusSeconds(4);
    log.close();
    log.enter("order");
    log.note(new CallerInput.NoInput());
    log.note("order:found");
    now = T0.plusSeconds(10);

    List<SessionTrace.Visit> visits = log.visits();

    assertThat(visits)
        .containsExactly(
            new SessionTrace.Visit("main", T0, Duration.ofSeconds(4), List.of("keys:1")),
            // Still open: it lasts until now.
            new SessionTrace.Visit(
                "order",
                T0.plusSeconds(4),
                Duration.ofSeconds(6),
                List.of("no-input", "order:found")));
  }

  @Test
  void closingTwiceKeepsTheFirstTime() {
    log.enter("main");
    now = T0.plusSeconds(2);
    log.close();
    now = T0.plusSeconds(5);
    log.close();

    assertThat(log.visits().getFirst().time()).isEqualTo(Duration.ofSeconds(2));
  }
}
