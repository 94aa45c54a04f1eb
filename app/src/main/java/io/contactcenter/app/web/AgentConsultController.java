package io.contactcenter.app.web;

import io.contactcenter.app.security.Actor;
import io.contactcenter.app.security.AuditLog;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ConsultRefusedException;
import io.contactcenter.routing.ConsultTarget;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactNotOfferedException;
import io.contactcenter.routing.UnknownAgentException;
import io.contactcenter.routing.UnknownQueueException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Attended transfer from the workspace (role AGENT; ADR 0044): the agent consults another agent or
 * a queue about their own live call (the caller hears music on hold while they talk), then
 * completes (the caller goes to the consulted agent, the agent to wrap-up) or cancels (back to the
 * caller). Consults and their cancels are audited as {@code CALL_CONSULTED}, completions as {@code
 * CALL_TRANSFERRED}.
 */
@RestController
class AgentConsultController {

  private final AgentDesk desk;
  private final AuditLog audit;

  AgentConsultController(AgentDesk desk, AuditLog audit) {
    this.desk = desk;
    this.audit = audit;
  }

  /**
   * @param agent the consulted agent's login id
   * @param queue or the queue whose free agent is consulted
   */
  record ConsultBody(String agent, String queue) {}

  @Operation(summary = "Consult an agent or a queue about the agent's live call (caller on hold)")
  @PostMapping("/agent/api/calls/{contactId}/consult")
  AgentStatus consult(
      @PathVariable String contactId,
      @RequestBody(required = false) ConsultBody body,
      Authentication user,
      HttpServletRequest request) {
    ContactId contact = call(contactId);
    ConsultTarget target =
        body == null
            ? new ConsultTarget(null, null)
            : new ConsultTarget(body.agent(), body.queue());
    AgentStatus status = desk.consult(user.getName(), contact, target);
    audit.callConsulted(
        actor(user, request),
        "call:" + contact.value(),
        target.agent() != null ? "agent " + target.agent() : "queue " + target.queue());
    return status;
  }

  @Operation(summary = "Complete the consult: the caller goes to the consulted agent")
  @PostMapping("/agent/api/calls/{contactId}/consult/complete")
  AgentStatus complete(
      @PathVariable String contactId, Authentication user, HttpServletRequest request) {
    ContactId contact = call(contactId);
    AgentStatus status = desk.completeConsult(user.getName(), contact);
    audit.callTransferred(
        actor(user, request), "call:" + contact.value(), "to the consulted agent");
    return status;
  }

  @Operation(summary = "Cancel the consult: back to the caller")
  @PostMapping("/agent/api/calls/{contactId}/consult/cancel")
  AgentStatus cancel(
      @PathVariable String contactId, Authentication user, HttpServletRequest request) {
    ContactId contact = call(contactId);
    AgentStatus status = desk.cancelConsult(user.getName(), contact);
    audit.callConsulted(actor(user, request), "call:" + contact.value(), "cancelled");
    return status;
  }

  private static ContactId call(String contactId) {
    ContactId contact = ContactId.of(contactId);
    if (!contact.value().startsWith("voice:")) {
      throw new IllegalArgumentException(
          "only calls are consulted about: " + contactId + " is not a voice contact");
    }
    return contact;
  }

  private static Actor actor(Authentication user, HttpServletRequest request) {
    return new Actor(user.getName(), request.getRemoteAddr());
  }

  @ExceptionHandler(ConsultRefusedException.class)
  ProblemDetail refused(ConsultRefusedException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "consult-refused", e.getMessage());
    problem.setProperty("reason", e.reason());
    return problem;
  }

  @ExceptionHandler(ContactNotOfferedException.class)
  ProblemDetail notYours(ContactNotOfferedException e) {
    return problem(HttpStatus.CONFLICT, "call-not-yours", e.getMessage());
  }

  @ExceptionHandler(UnknownAgentException.class)
  ProblemDetail unknownAgent(UnknownAgentException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-consult-agent", e.getMessage());
  }

  @ExceptionHandler(UnknownQueueException.class)
  ProblemDetail unknownQueue(UnknownQueueException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-queue", e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:cc:problem:" + type));
    return problem;
  }
}
