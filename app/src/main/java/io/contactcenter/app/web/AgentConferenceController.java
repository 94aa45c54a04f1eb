package io.contactcenter.app.web;

import io.contactcenter.app.security.Actor;
import io.contactcenter.app.security.AuditLog;
import io.contactcenter.app.security.Permission;
import io.contactcenter.app.security.Role;
import io.contactcenter.app.security.UserAccounts;
import io.contactcenter.pbx.CallMonitoring;
import io.contactcenter.pbx.MonitorMode;
import io.contactcenter.pbx.MonitorRequest;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.ContactChannel;
import io.contactcenter.routing.ContactId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agent conferences a supervisor into their own call from the workspace (role AGENT; ADR 0029):
 * Asterisk rings the supervisor's phone (their routing profile's, as for listening in) and joins it
 * to the agent's leg in barge mode, so caller, agent and supervisor all hear each other. Only a
 * call the signed-in agent holds now can be conferenced, only a user with the SUPERVISOR role and
 * the MONITOR_BARGE permission (the mode the supervisor joins in) can be brought in, and every use
 * is in the audit log before the phone rings.
 */
@RestController
class AgentConferenceController {

  private static final Logger log = LoggerFactory.getLogger(AgentConferenceController.class);

  private final AgentDesk desk;
  private final UserAccounts accounts;
  private final AgentDirectory directory;
  private final CallMonitoring monitoring;
  private final AuditLog audit;
  private final Duration ringTimeout;

  AgentConferenceController(
      AgentDesk desk,
      UserAccounts accounts,
      AgentDirectory directory,
      CallMonitoring monitoring,
      AuditLog audit,
      SupervisionProperties properties) {
    this.desk = desk;
    this.accounts = accounts;
    this.directory = directory;
    this.monitoring = monitoring;
    this.audit = audit;
    this.ringTimeout = properties.monitorRingTimeout();
  }

  /**
   * @param supervisor the supervisor's user name
   */
  record ConferenceBody(String supervisor) {}

  /** The conference being set up: the supervisor's phone rings now. */
  record Conference(String conferenceId, ContactId contactId, String supervisor) {}

  /** The call is over, or it is not the signed-in agent's. */
  static final class NotYourLiveCallException extends RuntimeException {
    NotYourLiveCallException(String message) {
      super(message);
    }
  }

  /** The named user is no enabled supervisor. */
  static final class NotASupervisorException extends RuntimeException {
    NotASupervisorException(String message) {
      super(message);
    }
  }

  /**
   * The supervisor may not barge in: joining a call as a third party is barge mode, and an admin
   * has not granted them its permission.
   */
  static final class SupervisorMayNotBargeException extends RuntimeException {
    private final String supervisor;

    SupervisorMayNotBargeException(String supervisor) {
      super(
          "supervisor "
              + supervisor
              + " may not join calls: an admin grants them the permission "
              + Permission.MONITOR_BARGE
              + " on the users page");
      this.supervisor = supervisor;
    }
  }

  /** The supervisor has no phone to ring. */
  static final class SupervisorWithoutPhoneException extends RuntimeException {
    SupervisorWithoutPhoneException(String message) {
      super(message);
    }
  }

  @Operation(summary = "Ring a supervisor's phone into the agent's own live call (three-way)")
  @PostMapping("/agent/api/calls/{contactId}/conference")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Conference conference(
      @PathVariable String contactId,
      @RequestBody(required = false) ConferenceBody body,
      Authentication user,
      HttpServletRequest request) {
    String supervisor = body == null || body.supervisor() == null ? "" : body.supervisor().strip();
    if (supervisor.isEmpty()) {
      throw new IllegalArgumentException("name the supervisor to bring into the call");
    }
    ContactId contact = ContactId.of(contactId);
    if (!contact.value().startsWith("voice:")) {
      throw new IllegalArgumentException(
          "only calls can be conferenced: " + contactId + " is not a voice contact");
    }
    // The same answer for a call that ended and for somebody else's: an agent learns nothing
    // about other agents' calls here.
    boolean holding =
        desk.status(user.getName()).open().stream()
            .anyMatch(c -> c.channel() == ContactChannel.VOICE && c.id().equals(contact));
    if (!holding) {
      throw new NotYourLiveCallException(
          "call " + contactId + " is not a live call of agent " + user.getName());
    }
    UserAccounts.State state =
        accounts
            .state(supervisor)
            .filter(s -> s.enabled() && s.roles().contains(Role.SUPERVISOR))
            .orElseThrow(
                () ->
                    new NotASupervisorException(
                        "no enabled supervisor is called '" + supervisor + "'"));
    // Conferencing in is barge mode on the agent's leg (below): the supervisor needs the same
    // permission as for barging in from the wallboard, or an agent could get a supervisor whom an
    // admin allowed only to listen into a customer's call.
    if (!state.permissions().contains(Permission.MONITOR_BARGE)) {
      throw new SupervisorMayNotBargeException(supervisor);
    }
    String phone =
        directory
            .find(supervisor)
            .map(AgentSettings::phone)
            .filter(p -> !p.isEmpty())
            .orElseThrow(
                () ->
                    new SupervisorWithoutPhoneException(
                        "supervisor "
                            + supervisor
                            + " has no phone to ring: an admin sets it in their routing profile"));
    String conferenceId = UUID.randomUUID().toString();
    String callId = contact.value().substring("voice:".length());
    audit.callConferenced(
        new Actor(user.getName(), request.getRemoteAddr()),
        "call:" + contact.value(),
        "supervisor "
            + supervisor
            + " on phone "
            + phone
            + " brought in by agent "
            + user.getName()
            + " (conference "
            + conferenceId
            + ")");
    // Barge on the agent's leg: the supervisor hears both and both hear the supervisor; the
    // supervisor's leg ends with the agent's (ChanSpy option E, ADR 0018).
    monitoring.monitor(
        new MonitorRequest(conferenceId, phone, callId, MonitorMode.BARGE, ringTimeout));
    log.info("agent {} brought supervisor {} into call {}", user.getName(), supervisor, contact);
    return new Conference(conferenceId, contact, supervisor);
  }

  @ExceptionHandler(NotYourLiveCallException.class)
  ProblemDetail notLive(NotYourLiveCallException e) {
    return problem(HttpStatus.CONFLICT, "call-not-yours", e.getMessage());
  }

  @ExceptionHandler(NotASupervisorException.class)
  ProblemDetail notSupervisor(NotASupervisorException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "not-a-supervisor", e.getMessage());
  }

  @ExceptionHandler(SupervisorMayNotBargeException.class)
  ProblemDetail mayNotBarge(SupervisorMayNotBargeException e) {
    ProblemDetail problem =
        problem(HttpStatus.FORBIDDEN, "supervisor-may-not-barge", e.getMessage());
    problem.setProperty("permission", Permission.MONITOR_BARGE.name());
    problem.setProperty("supervisor", e.supervisor);
    // The localized detail names the supervisor.
    problem.setProperty("reason", "named");
    problem.setProperty("arguments", List.of(e.supervisor));
    return problem;
  }

  @ExceptionHandler(SupervisorWithoutPhoneException.class)
  ProblemDetail noPhone(SupervisorWithoutPhoneException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "supervisor-no-phone", e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:cc:problem:" + type));
    return problem;
  }
}
