package io.contactcenter.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.contactcenter.app.security.Role;
import io.contactcenter.outboundrobot.DialOutcome;
import io.contactcenter.outboundrobot.DialogueOutcome;
import io.contactcenter.outboundrobot.RobotAttempt;
import io.contactcenter.outboundrobot.RobotCalls;
import io.contactcenter.pbx.CallRecordings;
import io.contactcenter.tickets.CustomerTier;
import io.contactcenter.tickets.SourceKind;
import io.contactcenter.tickets.Ticket;
import io.contactcenter.tickets.TicketCategory;
import io.contactcenter.tickets.TicketChannel;
import io.contactcenter.tickets.TicketPriority;
import io.contactcenter.tickets.TicketSource;
import io.contactcenter.tickets.TicketStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The agent hears the call a ticket came from: a robot attempt's answered call or a call source; a
 * ticket from anything else, an unanswered attempt or a call Asterisk did not record has none.
 */
class TicketCallsTest {

  private final RobotCalls robot = mock(RobotCalls.class);
  private final CallRecordings recordings = mock(CallRecordings.class);
  private final TicketCalls calls = new TicketCalls(robot, recordings);

  private static final Set<Role> AGENT = Set.of(Role.AGENT);

  @Test
  void aRobotTicketPlaysTheRecordingOfTheAttemptsAnsweredCall() {
    Path file = Path.of("/var/spool/asterisk/monitor/1733380000.12.wav");
    when(robot.find("att-1")).thenReturn(Optional.of(attempt("att-1", "1733380000.12")));
    when(recordings.find("1733380000.12")).thenReturn(Optional.of(file));

    Ticket ticket = ticket(SourceKind.ROBOT_ATTEMPT, "att-1");

    assertThat(calls.recordingOf(ticket)).contains(file);
    assertThat(calls.recordingLink(ticket, "ada", AGENT)).contains("/api/v1/tickets/T-1/recording");
  }

  @Test
  void onlyTheAssigneeSupervisorsAndAdminsPlayATicketsCall() {
    when(robot.find("att-1")).thenReturn(Optional.of(attempt("att-1", "1733380000.12")));
    when(recordings.find("1733380000.12")).thenReturn(Optional.of(Path.of("/tmp/x.wav")));
    Ticket ticket = ticket(SourceKind.ROBOT_ATTEMPT, "att-1");

    assertThat(TicketCalls.mayPlay(ticket, "ada", AGENT)).isTrue();
    assertThat(TicketCalls.mayPlay(ticket, "bob", AGENT)).isFalse();
    assertThat(TicketCalls.mayPlay(ticket, null, AGENT)).isFalse();
    assertThat(TicketCalls.mayPlay(ticket, "sue", Set.of(Role.SUPERVISOR))).isTrue();
    assertThat(TicketCalls.mayPlay(ticket, "root", Set.of(Role.ADMIN))).isTrue();
    assertThat(TicketCalls.mayPlay(ticket, "quinn", Set.of(Role.QA, Role.OPS))).isFalse();
    assertThat(calls.recordingLink(ticket, "bob", AGENT)).isEmpty();
    Ticket unassigned = ticket(SourceKind.ROBOT_ATTEMPT, "att-1", null);
    assertThat(calls.recordingLink(unassigned, "ada", AGENT)).isEmpty();
    assertThat(calls.recordingLink(unassigned, "sue", Set.of(Role.SUPERVISOR))).isPresent();
  }

  @Test
  void aCallTicketPlaysThatCall() {
    Path file = Path.of("/var/spool/asterisk/monitor/1733380000.40.wav");
    when(recordings.find("1733380000.40")).thenReturn(Optional.of(file));

    assertThat(calls.recordingOf(ticket(SourceKind.CALL, "1733380000.40"))).contains(file);
    assertThat(calls.recordingLink(ticket(SourceKind.CALL, "1733380000.40"), "ada", AGENT))
        .isPresent();
  }

  @Test
  void noRecordingWithoutAnAnsweredRecordedCall() {
    // Never answered: the attempt has no call.
    when(robot.find("att-2")).thenReturn(Optional.of(attempt("att-2", null)));
    // Answered, but the recording is gone (retention) or was never made.
    when(robot.find("att-3")).thenReturn(Optional.of(attempt("att-3", "1733380000.77")));
    when(recordings.find("1733380000.77")).thenReturn(Optional.empty());

    assertThat(calls.recordingLink(ticket(SourceKind.ROBOT_ATTEMPT, "att-2"), "ada", AGENT))
        .isEmpty();
    assertThat(calls.recordingLink(ticket(SourceKind.ROBOT_ATTEMPT, "att-3"), "ada", AGENT))
        .isEmpty();
    assertThat(calls.recordingLink(ticket(SourceKind.ROBOT_ATTEMPT, "att-unknown"), "ada", AGENT))
        .isEmpty();
    assertThat(calls.recordingLink(ticket(SourceKind.CHAT, "chat-1"), "ada", AGENT)).isEmpty();
    assertThat(calls.recordingLink(ticket(SourceKind.SHOP_REQUEST, "R-1"), "ada", AGENT)).isEmpty();
    assertThat(calls.recordingLink(ticket(SourceKind.AGENT, null), "ada", AGENT)).isEmpty();
  }

  private static RobotAttempt attempt(String id, String callId) {
    return new RobotAttempt(
        id,
        "+861********00",
        "balance-reminder",
        1,
        "en",
        RobotAttempt.Status.FINISHED,
        callId == null ? DialOutcome.NO_ANSWER : DialOutcome.ANSWERED,
        callId == null ? null : DialogueOutcome.COMPLAINT_TICKET,
        null,
        null,
        callId,
        callId == null ? null : callId + ".wav",
        Instant.parse("2026-12-05T07:00:00Z"),
        null,
        null,
        List.of(),
        "admin",
        false,
        Map.of());
  }

  /** A ticket assigned to the agent "ada". */
  private static Ticket ticket(SourceKind kind, String ref) {
    return ticket(kind, ref, "ada");
  }

  private static Ticket ticket(SourceKind kind, String ref, String assignee) {
    Instant at = Instant.parse("2026-12-05T07:01:00Z");
    return new Ticket(
        "T-1",
        "I want to complain about the broken parcel",
        null,
        "c-1",
        CustomerTier.STANDARD,
        TicketChannel.ROBOT,
        new TicketSource(kind, ref),
        TicketCategory.COMPLAINT,
        TicketPriority.HIGH,
        TicketStatus.NEW,
        assignee,
        "support",
        List.of(),
        List.of(),
        null,
        null,
        at,
        at,
        null,
        Map.of());
  }
}
