package io.contactcenter.app.web;

import io.contactcenter.app.security.Role;
import io.contactcenter.outboundrobot.RobotAttempt;
import io.contactcenter.outboundrobot.RobotCalls;
import io.contactcenter.pbx.CallRecordings;
import io.contactcenter.tickets.Ticket;
import io.contactcenter.tickets.TicketSource;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The call a ticket came from and its recording: the answered call of a robot attempt, or the call
 * a {@code CALL} source names. The agent working the ticket hears what the customer said from the
 * ticket itself; other agents do not, as they play no recordings elsewhere ({@code
 * /api/v1/calls/{id}/recording} is for QA, ops and supervisors).
 */
@Component
class TicketCalls {

  private final RobotCalls robot;
  private final CallRecordings recordings;

  TicketCalls(RobotCalls robot, CallRecordings recordings) {
    this.robot = robot;
    this.recordings = recordings;
  }

  /** The call the ticket's own source leads to, if it leads to one. */
  Optional<String> callOf(TicketSource source) {
    return switch (source.kind()) {
      case ROBOT_ATTEMPT -> robot.find(source.ref()).map(RobotAttempt::callId);
      case CALL -> Optional.of(source.ref());
      case IVR_SESSION, CHAT, SHOP_REQUEST, AGENT -> Optional.empty();
    };
  }

  /** The recording of the ticket's call (both directions mixed, WAV), if Asterisk made one. */
  Optional<Path> recordingOf(Ticket ticket) {
    return callOf(ticket.source()).flatMap(recordings::find);
  }

  /**
   * The link the ticket page plays the recording from, if there is a recording and the user may
   * play it.
   */
  Optional<String> recordingLink(Ticket ticket, String user, Set<Role> roles) {
    if (!mayPlay(ticket, user, roles)) {
      return Optional.empty();
    }
    return recordingOf(ticket).map(file -> "/api/v1/tickets/" + ticket.ticketId() + "/recording");
  }

  /**
   * Supervisors and admins play any ticket's call; an agent only that of a ticket assigned to them.
   */
  static boolean mayPlay(Ticket ticket, String user, Set<Role> roles) {
    return roles.contains(Role.ADMIN)
        || roles.contains(Role.SUPERVISOR)
        || (user != null && user.equals(ticket.assignee()));
  }
}
