package io.contactcenter.app.web;

import io.contactcenter.routing.AgentStateConflictException;
import io.contactcenter.routing.ContactAlreadyRoutedException;
import io.contactcenter.routing.ContactNotOfferedException;
import io.contactcenter.routing.QueueProblem;
import io.contactcenter.routing.QueueRejectedException;
import io.contactcenter.routing.UnknownAgentException;
import io.contactcenter.routing.UnknownQueueException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details of the agent desk and routing endpoints. */
@RestControllerAdvice(assignableTypes = {AgentDeskController.class, RoutingController.class})
class RoutingProblemHandlers {

  private final MessageSource messages;
  private final ProblemWording wording;

  RoutingProblemHandlers(MessageSource messages) {
    this.messages = messages;
    this.wording = new ProblemWording(messages);
  }

  /** Each problem with its place and what is wrong, worded in the user's language. */
  @ExceptionHandler(QueueRejectedException.class)
  ProblemDetail queueRejected(QueueRejectedException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "queue-rejected",
            "the queue has " + e.problems().size() + " problem(s); nothing was saved");
    Locale locale = LocaleContextHolder.getLocale();
    List<Map<String, String>> problems = new ArrayList<>();
    for (QueueProblem p : e.problems()) {
      Map<String, String> item = new LinkedHashMap<>();
      item.put("field", p.field());
      item.put("code", p.code());
      item.put("value", p.value());
      item.put(
          "message",
          messages.getMessage(
              "problem.queue." + p.code(), new Object[] {p.field(), p.value()}, p.code(), locale));
      problems.add(item);
    }
    problem.setProperty("problems", problems);
    return problem;
  }

  @ExceptionHandler(UnknownAgentException.class)
  ProblemDetail unknownAgent(UnknownAgentException e) {
    return problem(HttpStatus.NOT_FOUND, "agent-not-found", e.getMessage());
  }

  @ExceptionHandler(AgentStateConflictException.class)
  ProblemDetail agentState(AgentStateConflictException e) {
    return problem(HttpStatus.CONFLICT, "agent-state", e.getMessage());
  }

  @ExceptionHandler(ContactNotOfferedException.class)
  ProblemDetail notOffered(ContactNotOfferedException e) {
    return problem(HttpStatus.CONFLICT, "contact-not-offered", e.getMessage());
  }

  @ExceptionHandler(ContactAlreadyRoutedException.class)
  ProblemDetail alreadyRouted(ContactAlreadyRoutedException e) {
    return problem(HttpStatus.CONFLICT, "contact-already-routed", e.getMessage());
  }

  @ExceptionHandler(UnknownQueueException.class)
  ProblemDetail unknownQueue(UnknownQueueException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-queue", wording.of(e));
  }

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:cc:problem:" + type));
    return problem;
  }
}
