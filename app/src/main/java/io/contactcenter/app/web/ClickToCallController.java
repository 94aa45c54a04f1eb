package io.contactcenter.app.web;

import io.contactcenter.app.security.Actor;
import io.contactcenter.app.security.AuditLog;
import io.contactcenter.common.InvalidPhoneNumberException;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.pbx.PbxUnavailableException;
import io.contactcenter.routing.ClickToCall;
import io.contactcenter.routing.ClickToCallRefusedException;
import io.contactcenter.routing.OutboundCall;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Click-to-call from the agent workspace (role AGENT, like every {@code /agent/**} path; ADR 0034):
 * the agent's own phone rings, then the customer is dialled through the trunk. The routing module
 * checks the agent and the do-not-call list; every request, placed or refused, is in the audit log
 * with the number masked, a placed call before the agent's phone rings. Browser softphones cannot
 * dial outside numbers themselves ({@code [from-agents]} refuses them): this is the only way an
 * agent reaches a customer.
 */
@RestController
class ClickToCallController {

  private static final Logger log = LoggerFactory.getLogger(ClickToCallController.class);

  /** A ticket id or a contact reference: no spaces, no markup. */
  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");

  private final ClickToCall calls;
  private final AuditLog audit;

  ClickToCallController(ClickToCall calls, AuditLog audit) {
    this.calls = calls;
    this.audit = audit;
  }

  /**
   * @param number the customer's number in E.164 form ({@code +8613800138000})
   * @param ticketId the ticket the call is about, if any
   * @param contactRef the contact (chat, call) the call follows up, if any
   */
  record CallBody(String number, String ticketId, String contactRef) {}

  /**
   * The call placed: the agent's phone rings now.
   *
   * @param callId the agent's call in Asterisk (CDR userfield, call events)
   * @param number the customer's number, masked
   */
  record PlacedCall(String callId, String phone, String number) {}

  /** The number is missing or not a phone number in E.164 form. */
  static final class InvalidNumberException extends RuntimeException {
    InvalidNumberException(String message) {
      super(message);
    }
  }

  @Operation(summary = "Call a customer: ring the agent's own phone, then dial the number")
  @PostMapping("/agent/api/calls")
  @ResponseStatus(HttpStatus.ACCEPTED)
  PlacedCall call(
      @RequestBody(required = false) CallBody body,
      Authentication user,
      HttpServletRequest request) {
    Actor actor = new Actor(user.getName(), request.getRemoteAddr());
    String about = about(body);
    PhoneNumber number;
    try {
      number = PhoneNumber.parse(body == null ? null : body.number());
    } catch (InvalidPhoneNumberException e) {
      // What was typed is not shown: it may hold a number in full.
      audit.clickToCall(actor, user.getName(), "refused: not a valid number" + about);
      throw new InvalidNumberException("number: " + e.getMessage());
    }
    OutboundCall call;
    try {
      call =
          calls.call(
              user.getName(),
              number,
              placed ->
                  audit.clickToCall(
                      actor,
                      "call:" + placed.callId(),
                      "to " + number.masked() + " from phone " + placed.phone() + about));
    } catch (ClickToCallRefusedException e) {
      audit.clickToCall(
          actor,
          user.getName(),
          "to " + number.masked() + " refused: " + e.reason().name().toLowerCase() + about);
      throw e;
    } catch (PbxUnavailableException e) {
      audit.clickToCall(
          actor, user.getName(), "to " + number.masked() + " failed: PBX unavailable" + about);
      throw e;
    }
    log.info("agent {} placed call {} to {}", user.getName(), call.callId(), number);
    return new PlacedCall(call.callId(), call.phone(), number.masked());
  }

  private static String about(CallBody body) {
    if (body == null) {
      return "";
    }
    StringBuilder about = new StringBuilder();
    if (body.ticketId() != null && !body.ticketId().isBlank()) {
      about.append(" (ticket ").append(reference("ticketId", body.ticketId())).append(')');
    }
    if (body.contactRef() != null && !body.contactRef().isBlank()) {
      about.append(" (contact ").append(reference("contactRef", body.contactRef())).append(')');
    }
    return about.toString();
  }

  private static String reference(String field, String value) {
    String v = value.strip();
    if (!REFERENCE.matcher(v).matches()) {
      throw new IllegalArgumentException(
          field + " must be 1-100 letters, digits or . _ : @ -, the id it refers to");
    }
    return v;
  }

  @ExceptionHandler(InvalidNumberException.class)
  ProblemDetail invalidNumber(InvalidNumberException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-number", e.getMessage());
    problem.setProperty("field", "number");
    return problem;
  }

  @ExceptionHandler(ClickToCallRefusedException.class)
  ProblemDetail refused(ClickToCallRefusedException e) {
    return switch (e.reason()) {
      case DO_NOT_CALL -> problem(HttpStatus.UNPROCESSABLE_ENTITY, "do-not-call", e.getMessage());
      case NO_PHONE -> problem(HttpStatus.UNPROCESSABLE_ENTITY, "no-agent-phone", e.getMessage());
      case NOT_LOGGED_IN -> problem(HttpStatus.CONFLICT, "agent-logged-out", e.getMessage());
      case ON_CONTACT -> problem(HttpStatus.CONFLICT, "agent-on-contact", e.getMessage());
      case TOO_SOON -> problem(HttpStatus.TOO_MANY_REQUESTS, "calls-too-soon", e.getMessage());
    };
  }

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:cc:problem:" + type));
    return problem;
  }
}
