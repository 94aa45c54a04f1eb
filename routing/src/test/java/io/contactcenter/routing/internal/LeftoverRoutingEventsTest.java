package io.contactcenter.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.routing.ContactAccepted;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * The instance that takes the routing lead sends again the routing events the dead leader stored
 * and never delivered: those published before the new term and after this instance started (the
 * registry sent the older ones again at its start), and no event of another module (ADR 0053).
 */
class LeftoverRoutingEventsTest {

  private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

  private final List<EventPublication> stored = new ArrayList<>();
  private final List<Object> resubmitted = new ArrayList<>();
  private final IncompleteEventPublications registry =
      new IncompleteEventPublications() {
        @Override
        public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
          stored.stream().filter(filter).forEach(p -> resubmitted.add(p.getEvent()));
        }

        @Override
        public void resubmitIncompletePublicationsOlderThan(Duration duration) {
          throw new UnsupportedOperationException();
        }
      };
  private final LeftoverRoutingEvents leftovers =
      new LeftoverRoutingEvents(Optional.of(registry), Clock.fixed(START, ZoneOffset.UTC));

  @Test
  void theRoutingEventsADeadLeaderLeftSinceThisInstanceStartedAreSentAgain() {
    ContactAccepted beforeStart = accepted("chat:old", START.minusSeconds(5));
    ContactAccepted left = accepted("chat:left", START.plusSeconds(30));
    ContactAccepted ofThisTerm = accepted("chat:new", START.plusSeconds(61));
    stored.add(publication(beforeStart, START.minusSeconds(5)));
    stored.add(publication(left, START.plusSeconds(30)));
    stored.add(publication(ofThisTerm, START.plusSeconds(61)));
    // Another module's event of the same time is that module's business.
    stored.add(publication("a chat's own event", START.plusSeconds(30)));

    leftovers.resubmit(START.plusSeconds(60));

    assertThat(resubmitted).containsExactly(left);
  }

  @Test
  void aTermThatStartsWithTheInstanceSendsNothingTheRegistryHasNotSentAtItsStart() {
    stored.add(publication(accepted("chat:old", START.minusSeconds(5)), START.minusSeconds(5)));

    leftovers.resubmit(START);

    assertThat(resubmitted).isEmpty();
  }

  @Test
  void withoutARegistryNothingHappens() {
    new LeftoverRoutingEvents(Optional.empty(), Clock.fixed(START, ZoneOffset.UTC))
        .resubmit(START.plusSeconds(60));
    assertThat(resubmitted).isEmpty();
  }

  private static ContactAccepted accepted(String id, Instant at) {
    return new ContactAccepted(ContactId.of(id), ContactChannel.CHAT, "chat-en", "li.na", 800, at);
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
