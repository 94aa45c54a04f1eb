package io.contactcenter.app.web;

import io.contactcenter.app.security.Actor;
import io.contactcenter.app.security.AuditLog;
import io.contactcenter.app.security.Permission;
import io.contactcenter.pbx.CallMonitoring;
import io.contactcenter.pbx.MonitorMode;
import io.contactcenter.pbx.MonitorRequest;
import io.contactcenter.pbx.Softphones;
import io.contactcenter.routing.AgentDirectory;
import io.contactcenter.routing.AgentSettings;
import io.contactcenter.routing.ContactId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Listen, whisper and barge (role SUPERVISOR only, SecurityConfiguration; ADR 0018), each mode a
 * permission of its own ({@link Permission}) an admin grants per user: the supervisor picks a live
 * call on the wallboard and Asterisk rings the supervisor's phone into it. The phone is the one of
 * the supervisor's routing profile (an admin sets it, like an agent's), or, when the request asks
 * for {@code BROWSER}, the wallboard page's own softphone (credentials issued to the signed-in
 * supervisor, {@code POST /supervisor/api/softphone/credentials}); never one the request names, so
 * a listening session cannot be sent to an arbitrary number. Every use is in the audit log before
 * the phone rings.
 */
@RestController
class CallMonitorController {

  private static final Logger log = LoggerFactory.getLogger(CallMonitorController.class);

  private final Wallboard wallboard;
  private final AgentDirectory directory;
  private final CallMonitoring monitoring;
  private final AuditLog audit;
  private final Softphones softphones;
  private final Duration ringTimeout;

  CallMonitorController(
      Wallboard wallboard,
      AgentDirectory directory,
      CallMonitoring monitoring,
      AuditLog audit,
      Softphones softphones,
      SupervisionProperties properties) {
    this.wallboard = wallboard;
    this.directory = directory;
    this.monitoring = monitoring;
    this.audit = audit;
    this.softphones = softphones;
    this.ringTimeout = properties.monitorRingTimeout();
  }

  /**
   * @param mode {@code LISTEN}, {@code WHISPER} or {@code BARGE}
   * @param device {@code PHONE} (the routing profile's phone; the default) or {@code BROWSER} (the
   *     wallboard page's softphone)
   */
  record MonitorBody(String mode, String device) {}

  /** Which of the supervisor's phones rings. */
  enum Device {
    PHONE,
    BROWSER
  }

  /** New softphone credentials for the signed-in supervisor's wallboard page. */
  @Operation(summary = "Credentials for the wallboard page's softphone, for listening in")
  @PostMapping("/supervisor/api/softphone/credentials")
  ResponseEntity<AgentWorkspaceController.CredentialsView> credentials(Authentication user) {
    return AgentWorkspaceController.issued(softphones.issue(user.getName()));
  }

  /** The session being set up: the supervisor's phone rings now. */
  record Monitoring(
      String monitorId, ContactId contactId, String agentId, MonitorMode mode, String phone) {}

  /** The call is over, or no agent is on it (any more). */
  static final class CallNotLiveException extends RuntimeException {
    CallNotLiveException(String message) {
      super(message);
    }
  }

  /** The supervisor may not use this mode: an admin has not granted its permission. */
  static final class MonitorModeNotPermittedException extends RuntimeException {
    private final MonitorMode mode;

    MonitorModeNotPermittedException(MonitorMode mode, String username) {
      super(
          "user "
              + username
              + " may not "
              + mode.name().toLowerCase(Locale.ROOT)
              + " on calls: an admin grants the permission "
              + permission(mode)
              + " on the users page");
      this.mode = mode;
    }
  }

  /** The permission a monitoring mode needs. */
  static Permission permission(MonitorMode mode) {
    return switch (mode) {
      case LISTEN -> Permission.MONITOR_LISTEN;
      case WHISPER -> Permission.MONITOR_WHISPER;
      case BARGE -> Permission.MONITOR_BARGE;
    };
  }

  /** Whether the signed-in user holds the mode's permission. */
  static boolean mayUse(Authentication user, MonitorMode mode) {
    String authority = permission(mode).authority();
    return user.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
  }

  /** The supervisor has no phone to ring. */
  static final class NoMonitorPhoneException extends RuntimeException {
    NoMonitorPhoneException(String message) {
      super(message);
    }
  }

  @Operation(summary = "Ring the supervisor's phone into a live call: listen, whisper or barge")
  @PostMapping("/api/v1/supervisor/calls/{contactId}/monitor")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Monitoring monitor(
      @PathVariable String contactId,
      @RequestBody(required = false) MonitorBody body,
      Authentication user,
      HttpServletRequest request) {
    MonitorMode mode = mode(body == null ? null : body.mode());
    if (!mayUse(user, mode)) {
      throw new MonitorModeNotPermittedException(mode, user.getName());
    }
    ContactId contact = ContactId.of(contactId);
    if (!contact.value().startsWith("voice:")) {
      throw new IllegalArgumentException(
          "only calls can be listened to: " + contactId + " is not a voice contact");
    }
    Device device = device(body == null ? null : body.device());
    String phone =
        device == Device.BROWSER
            ? softphones.endpointOf(user.getName())
            : directory
                .find(user.getName())
                .map(AgentSettings::phone)
                .filter(p -> !p.isEmpty())
                .orElseThrow(
                    () ->
                        new NoMonitorPhoneException(
                            "user "
                                + user.getName()
                                + " has no phone to ring: an admin sets it in the user's routing"
                                + " profile, or listen in the browser"));
    Wallboard.LiveCall call =
        wallboard
            .call(contact)
            .orElseThrow(
                () ->
                    new CallNotLiveException(
                        "call " + contactId + " is over or no agent is on it any more"));
    String monitorId = UUID.randomUUID().toString();
    String callId = contact.value().substring("voice:".length());
    audit.callMonitored(
        new Actor(user.getName(), request.getRemoteAddr()),
        "call:" + contact.value(),
        mode
            + " agent "
            + call.agentId()
            + " from phone "
            + phone
            + " (monitor "
            + monitorId
            + ")");
    monitoring.monitor(new MonitorRequest(monitorId, phone, callId, mode, ringTimeout));
    log.info("{} {} agent {}'s call {}", user.getName(), mode, call.agentId(), contact);
    return new Monitoring(monitorId, contact, call.agentId(), mode, phone);
  }

  private static MonitorMode mode(String mode) {
    try {
      return MonitorMode.valueOf(mode == null ? "" : mode);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "mode must be one of " + Arrays.toString(MonitorMode.values()) + ", not '" + mode + "'",
          e);
    }
  }

  private static Device device(String device) {
    if (device == null || device.isEmpty()) {
      return Device.PHONE;
    }
    try {
      return Device.valueOf(device);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "device must be one of " + Arrays.toString(Device.values()) + ", not '" + device + "'",
          e);
    }
  }

  @ExceptionHandler(CallNotLiveException.class)
  ProblemDetail notLive(CallNotLiveException e) {
    return problem(HttpStatus.CONFLICT, "call-not-live", e.getMessage());
  }

  @ExceptionHandler(MonitorModeNotPermittedException.class)
  ProblemDetail notPermitted(MonitorModeNotPermittedException e) {
    ProblemDetail problem =
        problem(HttpStatus.FORBIDDEN, "monitor-mode-not-permitted", e.getMessage());
    problem.setProperty("mode", e.mode.name());
    problem.setProperty("permission", permission(e.mode).name());
    // The localized detail names the mode in the reader's language.
    problem.setProperty("reason", e.mode.name());
    return problem;
  }

  @ExceptionHandler(NoMonitorPhoneException.class)
  ProblemDetail noPhone(NoMonitorPhoneException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "no-monitor-phone", e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:cc:problem:" + type));
    return problem;
  }
}
