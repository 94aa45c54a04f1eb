package io.contactcenter.routing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueBookTest {

  private static final QueueId ORDERS = new QueueId("orders");
  private static final QueueId BILLING = new QueueId("billing");

  private static QueueDefinition simple(QueueId id) {
    return QueueDefinition.simple(id, id.value(), QueueStrategy.LONGEST_IDLE);
  }

  private static QueueDefinition overflowingTo(QueueId id, QueueId overflow, Duration threshold) {
    return new QueueDefinition(
        id,
        id.value(),
        0,
        QueueStrategy.LONGEST_IDLE,
        List.of(
            RoutingStep.at(Duration.ZERO, 1),
            RoutingStep.overflow(Duration.ofSeconds(30), 1, overflow)),
        threshold);
  }

  @Test
  void aQueueDefinedTwiceOrOverflowingToAnUnknownOneIsRefusedAtTheStart() {
    assertThatThrownBy(() -> new QueueBook(List.of(simple(ORDERS), simple(ORDERS))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("defined twice");
    assertThatThrownBy(
            () -> new QueueBook(List.of(overflowingTo(ORDERS, BILLING, Duration.ofSeconds(20)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overflows to unknown queue");
  }

  @Test
  void aQueueMayOverflowToOneDefinedAfterIt() {
    QueueBook book =
        new QueueBook(
            List.of(overflowingTo(ORDERS, BILLING, Duration.ofSeconds(20)), simple(BILLING)));

    assertThat(book.get(ORDERS).steps()).hasSize(2);
    assertThat(book.all()).hasSize(2);
  }

  @Test
  void aRedefinedQueueMayOverflowToItselfButNotToAnUnknownOne() {
    QueueBook book = new QueueBook(List.of(simple(ORDERS)));

    book.define(overflowingTo(ORDERS, ORDERS, Duration.ofSeconds(20)));
    assertThatThrownBy(() -> book.define(overflowingTo(ORDERS, BILLING, Duration.ofSeconds(20))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(book.get(ORDERS).steps()).hasSize(2);
  }

  @Test
  void statisticsRestartOnlyWhenTheServiceLevelThresholdChanges() {
    QueueBook book = new QueueBook(List.of(simple(ORDERS)));
    book.countAnswered(ORDERS, Duration.ofSeconds(5));
    book.countAbandoned(ORDERS, Duration.ofSeconds(40));

    book.define(overflowingTo(ORDERS, ORDERS, Duration.ofSeconds(20)));
    assertThat(book.statistics(ORDERS).answered()).isOne();
    assertThat(book.statistics(ORDERS).answeredWithin()).isOne();
    assertThat(book.statistics(ORDERS).abandoned()).isOne();
    assertThat(book.statistics(ORDERS).abandonedWithin()).isZero();

    book.define(overflowingTo(ORDERS, ORDERS, Duration.ofSeconds(30)));
    assertThat(book.statistics(ORDERS).answered()).isZero();
    assertThat(book.statistics(ORDERS).threshold()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void anUnknownQueueHasNoDefinitionAndNoStatistics() {
    QueueBook book = new QueueBook(List.of(simple(ORDERS)));

    assertThat(book.get(BILLING)).isNull();
    assertThatThrownBy(() -> book.of(BILLING, new ContactId("chat:1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown queue");
    assertThatThrownBy(() -> book.statistics(BILLING)).isInstanceOf(IllegalArgumentException.class);
    book.countAnswered(BILLING, Duration.ZERO); // ignored
  }
}
