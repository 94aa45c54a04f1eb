package io.contactcenter.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.contactcenter.pbx.LiveChannels;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.internal.domain.ConsultAtTakeover.Outcome;
import io.contactcenter.testinfra.TestInfrastructure;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attended transfers across a change of routing leader (ADR 0044 addendum) on the real PostgreSQL
 * with the module's migrations: a consult is stored before the consulted phone rings, only for a
 * call its agent holds, with the agent's channel once the transfer started; a new leader's {@link
 * TakeoverConsults} hangs up a consulted phone still ringing and forgets that consult, and keeps
 * one the agents are in.
 */
class TakeoverConsultsIT {

  private static final Instant AT = Instant.parse("2026-12-07T01:00:00Z");

  static HikariDataSource ds;
  static JdbcClient jdbc;
  static JdbcConsults consults;

  private final List<String> stopped = new ArrayList<>();
  private final TakeoverConsults takeover = new TakeoverConsults(consults, stopped::add);

  @BeforeAll
  static void database() {
    ds = TestInfrastructure.moduleDatabase(2);
    jdbc = JdbcClient.create(ds);
    consults = new JdbcConsults(jdbc);
  }

  @AfterAll
  static void close() {
    ds.close();
  }

  @BeforeEach
  void empty() {
    jdbc.sql("DELETE FROM routing_consult").update();
    jdbc.sql("DELETE FROM routing_contact").update();
  }

  /** A call in queue support, in {@code state}, with {@code agent}. */
  private static ContactId call(String reference, String state, String agent) {
    ContactId id = ContactId.of("voice:" + reference);
    jdbc.sql(
            "INSERT INTO routing_contact (id, channel, reference, queue_id, priority, state,"
                + " agent_id, enqueued_at, answered_at)"
                + " VALUES (?, 'VOICE', ?, 'support', 0, ?, ?, ?, ?)")
        .params(
            id.value(),
            reference,
            state,
            agent,
            Timestamp.from(AT),
            state.equals("CONNECTED") ? Timestamp.from(AT) : null)
        .update();
    return id;
  }

  @Test
  void aConsultIsStoredOnlyForACallItsAgentHoldsAndRemembersTheTransfer() {
    ContactId call = call("1700000000.1", "CONNECTED", "ann");
    ContactId waiting = call("1700000000.2", "WAITING", null);

    assertThat(consults.started(call, "bob", "carl", "support", "c-0", AT))
        .as("not bob's call")
        .isFalse();
    assertThat(consults.started(waiting, "ann", "carl", "support", "c-0", AT)).isFalse();
    assertThat(consults.all()).isEmpty();

    assertThat(consults.started(call, "ann", "bob", "billing", "c-1", AT)).isTrue();
    assertThat(consults.all())
        .containsExactly(new JdbcConsults.Stored(call, "ann", "bob", "billing", "c-1", null, null));
    consults.transferStarted(call, "c-1", "PJSIP/agent-61-00000001", "cc-ring-r-1");
    assertThat(consults.all())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.transferStarted()).isTrue();
              assertThat(c.agentChannel()).isEqualTo("PJSIP/agent-61-00000001");
              assertThat(c.agentCallId()).isEqualTo("cc-ring-r-1");
            });

    // A later consult about the same call (a row its end did not delete) replaces it.
    assertThat(consults.started(call, "ann", "carl", "support", "c-2", AT)).isTrue();
    assertThat(consults.all())
        .containsExactly(
            new JdbcConsults.Stored(call, "ann", "carl", "support", "c-2", null, null));
    consults.transferStarted(call, "c-1", "PJSIP/old", "cc-ring-old");
    assertThat(consults.all().getFirst().transferStarted())
        .as("the older ring's transfer is not this consult's")
        .isFalse();

    consults.ended(call);
    assertThat(consults.all()).isEmpty();
  }

  @Test
  void aNewLeaderHangsUpAConsultedPhoneStillRingingAndKeepsAConsultTheAgentsAreIn() {
    ContactId ringing = call("1700000000.1", "CONNECTED", "ann");
    ContactId talking = call("1700000000.2", "CONNECTED", "dan");
    consults.started(ringing, "ann", "bob", "support", "c-1", AT);
    consults.started(talking, "dan", "eve", "support", "c-2", AT);
    consults.transferStarted(talking, "c-2", "PJSIP/agent-64-00000002", "cc-ring-r-2");
    LiveChannels channels =
        new LiveChannels(
            Set.of(
                "1700000000.1",
                "cc-ring-r-1",
                "cc-ring-c-1",
                "1700000000.2",
                "cc-ring-r-2",
                "cc-ring-c-2"),
            Set.of("1700000000.1", "cc-ring-r-1", "1700000000.2", "cc-ring-r-2", "cc-ring-c-2"));

    List<TakeoverConsults.Kept> kept = takeover.settle(Optional.of(channels));

    assertThat(stopped).containsExactly("c-1");
    assertThat(kept)
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.outcome()).isEqualTo(Outcome.GOES_ON);
              assertThat(k.consult().contact()).isEqualTo(talking);
              assertThat(k.consult().agentChannel()).isEqualTo("PJSIP/agent-64-00000002");
            });
    assertThat(consults.all())
        .extracting(JdbcConsults.Stored::contact)
        .as("the ring stopped is forgotten, the consult going on still stored")
        .containsExactly(talking);
  }

  @Test
  void withoutAsterisksAnswerTheConsultsAreForgottenAndNothingIsHungUp() {
    consults.started(call("1700000000.1", "CONNECTED", "ann"), "ann", "bob", "support", "c-1", AT);

    assertThat(takeover.settle(Optional.empty())).isEmpty();

    assertThat(stopped).isEmpty();
    assertThat(consults.all()).isEmpty();
  }
}
