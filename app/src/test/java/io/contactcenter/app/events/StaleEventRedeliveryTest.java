package io.contactcenter.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.testinfra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Which unfinished event deliveries the cluster's look sends again: only those older than any
 * listener runs, again after a doubling wait while they stay unfinished, and none once finished.
 */
class StaleEventRedeliveryTest {

  private static final Instant NOW = Instant.parse("2026-12-07T16:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final List<EventPublication> unfinished = new ArrayList<>();
  private final List<Object> sent = new ArrayList<>();
  private final IncompleteEventPublications registry =
      new IncompleteEventPublications() {
        @Override
        public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
          unfinished.stream().filter(filter).forEach(p -> sent.add(p.getEvent()));
        }

        @Override
        public void resubmitIncompletePublicationsOlderThan(Duration duration) {
          throw new UnsupportedOperationException();
        }
      };
  private final EventRedeliveryProperties config =
      new EventRedeliveryProperties(
          Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(30));
  private final StaleEventRedelivery redelivery =
      new StaleEventRedelivery(Optional.of(registry), config, clock);

  @Test
  void aDeliveryLeftByADeadInstanceIsSentOnceItIsOlderThanAnyListenerRuns() {
    EventPublication left = publication("chat message of a dead follower", NOW.minusSeconds(301));
    EventPublication running = publication("a delivery still running", NOW.minusSeconds(299));
    unfinished.add(left);
    unfinished.add(running);

    assertThat(redelivery.redeliver()).isEqualTo(1);
    assertThat(sent).containsExactly("chat message of a dead follower");
  }

  @Test
  void aDeliveryThatStaysUnfinishedIsSentAgainAfterADoublingWaitUpToTheLimit() {
    unfinished.add(publication("kafka record", NOW.minus(Duration.ofMinutes(6))));

    assertThat(redelivery.redeliver()).isEqualTo(1); // 16:00, then waits 5 min
    clock.advance(Duration.ofMinutes(4));
    assertThat(redelivery.redeliver()).isZero();
    clock.advance(Duration.ofMinutes(1));
    assertThat(redelivery.redeliver()).isEqualTo(1); // 16:05, then 10 min
    clock.advance(Duration.ofMinutes(9));
    assertThat(redelivery.redeliver()).isZero();
    clock.advance(Duration.ofMinutes(1));
    assertThat(redelivery.redeliver()).isEqualTo(1); // 16:15, then 20 min

    assertThat(redelivery.backoff(4)).isEqualTo(Duration.ofMinutes(30)); // 40 min capped
    assertThat(redelivery.backoff(50)).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aDeliveryFinishedMeanwhileIsForgottenAndNeverSentAgain() {
    EventPublication left = publication("ticket opened", NOW.minus(Duration.ofMinutes(10)));
    unfinished.add(left);
    redelivery.redeliver();
    unfinished.remove(left); // the listener finished it

    clock.advance(Duration.ofHours(2));

    assertThat(redelivery.redeliver()).isZero();
    assertThat(sent).containsExactly("ticket opened");
  }

  @Test
  void withoutARegistryOrWhenItCannotBeReadNothingIsSent() {
    assertThat(new StaleEventRedelivery(Optional.empty(), config, clock).redeliver()).isZero();
    IncompleteEventPublications broken =
        new IncompleteEventPublications() {
          @Override
          public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
            throw new IllegalStateException("database down");
          }

          @Override
          public void resubmitIncompletePublicationsOlderThan(Duration duration) {
            throw new UnsupportedOperationException();
          }
        };
    assertThat(new StaleEventRedelivery(Optional.of(broken), config, clock).redeliver()).isZero();
  }

  @Test
  void settingsThatWouldSendARunningDeliveryOrNeverWaitAreRefusedByName() {
    assertThatThrownBy(
            () -> new EventRedeliveryProperties(Duration.ZERO, Duration.ofMinutes(1), null))
        .hasMessageContaining("cc.events.redeliver-after");
    assertThatThrownBy(
            () ->
                new EventRedeliveryProperties(
                    Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(1)))
        .hasMessageContaining("cc.events.backoff-limit");
  }

  private static EventPublication publication(Object event, Instant at) {
    UUID id = UUID.randomUUID();
    return new EventPublication() {
      @Override
      public UUID getIdentifier() {
        return id;
      }

      @Override
      public Object getEvent() {
        return event;
      }

      @Override
      public Instant getPublicationDate() {
        return at;
      }

      @Override
      public Optional<Instant> getCompletionDate() {
        return Optional.empty();
      }
    };
  }
}
