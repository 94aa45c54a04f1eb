package io.contactcenter.app.web;

import io.contactcenter.tickets.FieldProblem;
import io.contactcenter.tickets.InboundMessageRejectedException;
import io.contactcenter.tickets.TicketFieldsRejectedException;
import io.contactcenter.tickets.TicketRuleViolationException;
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

/**
 * Problems of custom fields and ticket rules, worded in the user's language: each field problem
 * names the field by its label in that language, and the detail lists them all.
 */
@RestControllerAdvice
class TicketProblemHandlers {

  private final MessageSource messages;

  TicketProblemHandlers(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(TicketFieldsRejectedException.class)
  ProblemDetail fieldsRejected(TicketFieldsRejectedException e) {
    Locale locale = LocaleContextHolder.getLocale();
    boolean chinese = Locale.CHINESE.getLanguage().equals(locale.getLanguage());
    List<Map<String, String>> problems = new ArrayList<>();
    List<String> sentences = new ArrayList<>();
    for (FieldProblem p : e.problems()) {
      String label = chinese ? p.labelZh() : p.labelEn();
      String message =
          messages.getMessage(
              "problem.ticket-field." + p.code(),
              new Object[] {label, p.value()},
              p.code(),
              locale);
      Map<String, String> item = new LinkedHashMap<>();
      item.put("field", p.field());
      item.put("label", label);
      item.put("code", p.code());
      item.put("value", p.value());
      item.put("message", message);
      problems.add(item);
      sentences.add(message);
    }
    ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_ENTITY, "ticket-fields-rejected", String.join(" ", sentences));
    problem.setProperty("problems", problems);
    return problem;
  }

  @ExceptionHandler(TicketRuleViolationException.class)
  ProblemDetail ruleViolated(TicketRuleViolationException e) {
    Locale locale = LocaleContextHolder.getLocale();
    String type =
        switch (e.rule()) {
          case CHILDREN_OPEN -> "ticket-children-open";
          case CHILD_OF_CHILD -> "ticket-child-of-child";
        };
    String detail =
        messages.getMessage(
            "problem.ticket-rule." + type,
            new Object[] {e.tickets().size(), String.join(", ", e.tickets())},
            e.getMessage(),
            locale);
    ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, type, detail);
    problem.setProperty("tickets", e.tickets());
    return problem;
  }

  /** One answer for every reason, so a forger learns nothing from it (the log says which). */
  @ExceptionHandler(InboundMessageRejectedException.class)
  ProblemDetail inboundRejected(InboundMessageRejectedException e) {
    return problem(
        HttpStatus.UNAUTHORIZED,
        "ticket-inbound-rejected",
        messages.getMessage(
            "problem.ticket-inbound.rejected",
            null,
            "The call is not signed by a known gateway, or its timestamp is too far from now:"
                + " nothing was stored.",
            LocaleContextHolder.getLocale()));
  }

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:cc:problem:" + type));
    return problem;
  }
}
