package io.contactcenter.app.web;

import io.contactcenter.app.security.Actor;
import io.contactcenter.app.security.AuditLog;
import io.contactcenter.routing.AgentDesk;
import io.contactcenter.routing.AgentStateConflictException;
import io.contactcenter.routing.AgentStatus;
import io.contactcenter.routing.ContactId;
import io.contactcenter.routing.ContactNotOfferedException;
import io.contactcenter.routing.ContactRouting;
import io.contactcenter.routing.QueueAdmin;
import io.contactcenter.routing.QueueSettings;
import io.contactcenter.routing.UnknownQueueException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agent sends their live call back into the ACD for another queue from the workspace (role
 * AGENT; ADR 0041): routing takes the caller back to music on hold, completes the agent's part
 * (wrap-up starts) and queues the call in the target queue, announcing {@code ContactTransferred}.
 * Refused while the target queue is closed or has nobody logged in, so a caller is never parked
 * where no one can take them; every transfer is in the audit log.
 */
@RestController
class AgentTransferController {

  private final AgentDesk desk;
  private final ContactRouting routing;
  private final QueueAdmin queues;
  private final AuditLog audit;

  AgentTransferController(
      AgentDesk desk, ContactRouting routing, QueueAdmin queues, AuditLog audit) {
    this.desk = desk;
    this.routing = routing;
    this.queues = queues;
    this.audit = audit;
  }

  /**
   * @param queue the target queue's id
   */
  record TransferBody(String queue) {}

  /** A queue the page offers as a target, and whether it takes a transfer now. */
  record TargetQueue(String id, boolean open, boolean staffed) {}

  /** The target queue cannot take the caller now; {@code reason} is closed or no-agents. */
  static final class QueueUnavailableException extends RuntimeException {
    private final String queue;
    private final String reason;

    QueueUnavailableException(String queue, String reason, String message) {
      super(message);
      this.queue = queue;
      this.reason = reason;
    }
  }

  @Operation(summary = "The queues a call can be transferred to, and whether each takes one now")
  @GetMapping("/agent/api/transfer-queues")
  List<TargetQueue> targets() {
    return queues.queues().stream()
        .map(QueueSettings::id)
        .sorted()
        .map(q -> new TargetQueue(q, routing.isOpen(q), routing.anyAgentLoggedInFor(q)))
        .toList();
  }

  @Operation(summary = "Send the agent's live call back into the ACD for another queue")
  @PostMapping("/agent/api/calls/{contactId}/transfer-to-queue")
  AgentStatus transfer(
      @PathVariable String contactId,
      @RequestBody(required = false) TransferBody body,
      Authentication user,
      HttpServletRequest request) {
    ContactId contact = ContactId.of(contactId);
    if (!contact.value().startsWith("voice:")) {
      throw new IllegalArgumentException(
          "only calls are transferred to a queue: " + contactId + " is not a voice contact");
    }
    String queue = body == null || body.queue() == null ? "" : body.queue().trim();
    if (queue.isEmpty() || queue.length() > 100) {
      throw new IllegalArgumentException("queue must be a queue id of 1-100 characters");
    }
    // Checked here as well as in routing to answer with the reason in the reader's language.
    if (queues.queues().stream().noneMatch(q -> q.id().equals(queue))) {
      throw new UnknownQueueException(
          queue, queues.queues().stream().map(QueueSettings::id).sorted().toList());
    }
    if (!routing.isOpen(queue)) {
      throw new QueueUnavailableException(
          queue, "closed", "queue " + queue + " is closed now: the caller stays with you");
    }
    if (!routing.anyAgentLoggedInFor(queue)) {
      throw new QueueUnavailableException(
          queue,
          "no-agents",
          "no agent of queue " + queue + " is logged in: the caller stays with you");
    }
    AgentStatus status = desk.transferToQueue(user.getName(), contact, queue);
    audit.callTransferred(
        new Actor(user.getName(), request.getRemoteAddr()),
        "call:" + contact.value(),
        "to queue " + queue);
    return status;
  }

  @ExceptionHandler(QueueUnavailableException.class)
  ProblemDetail unavailable(QueueUnavailableException e) {
    ProblemDetail problem =
        problem(HttpStatus.CONFLICT, "transfer-queue-unavailable", e.getMessage());
    problem.setProperty("queue", e.queue);
    problem.setProperty("reason", e.reason);
    problem.setProperty("arguments", List.of(e.queue));
    return problem;
  }

  @ExceptionHandler(ContactNotOfferedException.class)
  ProblemDetail notYours(ContactNotOfferedException e) {
    return problem(HttpStatus.CONFLICT, "call-not-yours", e.getMessage());
  }

  @ExceptionHandler(AgentStateConflictException.class)
  ProblemDetail agentState(AgentStateConflictException e) {
    return problem(HttpStatus.CONFLICT, "agent-state", e.getMessage());
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
