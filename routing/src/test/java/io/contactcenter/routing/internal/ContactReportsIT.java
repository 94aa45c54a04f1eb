package io.contactcenter.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactReports.AgentFigures;
import io.contactcenter.routing.ContactReports.QueueFigures;
import io.contactcenter.routing.NewContact;
import io.contactcenter.testinfra.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supervisor's queue report (ADR 0021) over contacts stored by routing's own writes, on the
 * real PostgreSQL with the module's migrations: a call handed back after its agent's page closed
 * (ADR 0052) counts answered once, with its first answer's speed and service level, and a caller
 * who leaves after the hand-back is answered, not abandoned (ADR 0054), as on the wallboard.
 */
class ContactReportsIT {

  private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
  private static final JdbcContacts.Fence FENCE = () -> "reports-it";

  static HikariDataSource ds;
  static JdbcClient jdbc;
  static JdbcContacts contacts;
  static JdbcContactReports reports;

  @BeforeAll
  static void database() {
    ds = TestInfrastructure.moduleDatabase(2);
    jdbc = JdbcClient.create(ds);
    contacts = new JdbcContacts(jdbc);
    reports = new JdbcContactReports(jdbc);
  }

  @AfterAll
  static void close() {
    ds.close();
  }

  @BeforeEach
  void empty() {
    jdbc.sql("DELETE FROM routing_contact_transfer").update();
    jdbc.sql("DELETE FROM routing_contact_handback").update();
    jdbc.sql("DELETE FROM routing_contact").update();
    jdbc.sql("UPDATE routing_leader SET leader_id = ? WHERE id = 1")
        .param(FENCE.leaderId())
        .update();
  }

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  private static ContactId waiting(String reference, String queue, int enqueued) {
    NewContact contact = new NewContact(ContactChannel.VOICE, reference, queue, false);
    assertThat(contacts.insertWaiting(contact, 0, at(enqueued), null)).isTrue();
    return contact.id();
  }

  private static void answer(ContactId id, String agent, int seconds) {
    assertThat(contacts.markOffered(id, agent, at(seconds), FENCE)).isTrue();
    assertThat(contacts.markConnected(id, agent, at(seconds))).isTrue();
  }

  private static QueueFigures figures(String queue) {
    List<QueueFigures> all =
        reports.queues(T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1)));
    return all.stream().filter(f -> f.queue().equals(queue)).findFirst().orElseThrow();
  }

  @Test
  void aCallHandedBackIsAnsweredOnceAtItsFirstAnswerAndItsCallerLeavingIsNotAnAbandon() {
    // Answered after 5 s, handed back, answered again after 90 s, completed: one answer, 5 s.
    ContactId again = waiting("1700000000.1", "support", 0);
    answer(again, "ann", 5);
    assertThat(contacts.handBack(again, "ann", at(20))).isTrue();
    answer(again, "bob", 90);
    assertThat(contacts.markCompleted(again, "bob", at(150))).contains(at(90));

    // Answered after 10 s, handed back, and the caller hung up while waiting again: answered.
    ContactId left = waiting("1700000000.2", "support", 1);
    answer(left, "carl", 11);
    assertThat(contacts.handBack(left, "carl", at(30))).isTrue();
    assertThat(contacts.endWaiting(left, "ABANDONED", at(40))).isPresent();

    // Never answered: the one abandon, after 10 s.
    ContactId gone = waiting("1700000000.3", "support", 2);
    assertThat(contacts.endWaiting(gone, "ABANDONED", at(12))).isPresent();

    // Answered after 5 s, handed back, answered again after 67 s, then transferred to orders,
    // where the caller hangs up: the support part keeps its first answer.
    ContactId moved = waiting("1700000000.4", "support", 3);
    answer(moved, "ann", 8);
    assertThat(contacts.handBack(moved, "ann", at(40))).isTrue();
    answer(moved, "bob", 70);
    JdbcContacts.Part part = contacts.part(moved, "bob").orElseThrow();
    assertThat(part.answeredAt()).isEqualTo(at(70));
    assertThat(part.firstAnsweredAt()).isEqualTo(at(8));
    assertThat(contacts.markCompleted(moved, "bob", at(100))).isPresent();
    long transfer = contacts.recordTransfer(moved, "support", "orders", "bob", part, at(100));
    assertThat(
            contacts.insertWaiting(
                new NewContact(ContactChannel.VOICE, "1700000000.4", "orders", false),
                0,
                at(100),
                transfer))
        .isTrue();
    assertThat(contacts.endWaiting(moved, "ABANDONED", at(110))).isPresent();

    QueueFigures support = figures("support");
    assertThat(support.offered()).isEqualTo(4);
    assertThat(support.answered()).as("each answered contact once").isEqualTo(3);
    assertThat(support.answeredWithin()).as("first answers after 5, 10 and 5 s").isEqualTo(3);
    assertThat(support.abandoned()).as("only the call nobody answered").isEqualTo(1);
    assertThat(support.abandonedWithin()).isEqualTo(1);
    assertThat(support.serviceLevel()).isEqualTo(1.0);
    assertThat(support.serviceLevel2()).isEqualTo(1.0);
    assertThat(support.averageSpeedOfAnswerMillis()).as("(5 + 10 + 5) / 3 s").isEqualTo(6_667);
    // Handle time is each completed part's last conversation: 60 s, and 30 s before the transfer.
    assertThat(support.averageHandleMillis()).isEqualTo(45_000);
    assertThat(support.longestWaitMillis()).isEqualTo(10_000);
    assertThat(support.transferredOut()).isEqualTo(1);

    QueueFigures orders = figures("orders");
    assertThat(orders.offered()).isEqualTo(1);
    assertThat(orders.answered()).as("the transferred part was not answered in orders").isZero();
    assertThat(orders.abandoned()).isEqualTo(1);
    assertThat(orders.transferredIn()).isEqualTo(1);

    // Each agent who answered handled the call, the first agent of a handed-back one too; their
    // part ended when it was lost, not completed (V155).
    assertThat(agent("ann").handled()).as("two calls lost with ann's page").isEqualTo(2);
    assertThat(agent("ann").completed()).isZero();
    assertThat(agent("ann").averageHandleMillis()).isNull();
    assertThat(agent("carl").handled()).isEqualTo(1);
    assertThat(agent("carl").completed()).isZero();
    assertThat(agent("bob").handled()).isEqualTo(2);
    assertThat(agent("bob").completed()).isEqualTo(2);
    assertThat(agent("bob").handleMillis())
        .as("60 s, and 30 s before the transfer")
        .isEqualTo(90_000);
    assertThat(agent("bob").transfersOut()).isEqualTo(1);
  }

  private static AgentFigures agent(String id) {
    return reports.agents(T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1))).stream()
        .filter(f -> f.agentId().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no figures for agent " + id));
  }

  @Test
  void aContactThatStartsAgainIsMeasuredByItsNewAnswer() {
    ContactId call = waiting("1700000000.5", "support", 0);
    answer(call, "ann", 5);
    assertThat(contacts.markCompleted(call, "ann", at(30))).isPresent();
    // The same contact comes back later: its row starts again, with a new first answer.
    waiting("1700000000.5", "support", 40);
    answer(call, "bob", 70);

    QueueFigures support = figures("support");
    assertThat(support.answered()).isEqualTo(1);
    assertThat(support.averageSpeedOfAnswerMillis()).isEqualTo(30_000);
    assertThat(support.answeredWithin()).isZero();
  }
}
