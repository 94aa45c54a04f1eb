package io.contactcenter.onlinechat.internal;

import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The chat's refusals as problem details with stable types (urn:cc:problem:chat-…). Asked before
 * the app's general handlers: a refusal of synonym groups is also an IllegalArgumentException,
 * which they would answer without the group it concerns.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(
    assignableTypes = {
      VisitorController.class,
      AgentChatController.class,
      KnowledgeBaseController.class,
      ColdStartController.class,
      FaqSuggestionController.class
    })
class ChatProblems {

  private final MessageSource messages;

  ChatProblems(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * Synonym groups refused (400, the app's {@code invalid-request} like other bad input), with the
   * rule ({@code reason}) and the 1-based {@code group} it concerns, so that the page shows the
   * problem beside that group.
   */
  @ExceptionHandler(SynonymGroupsRejectedException.class)
  ProblemDetail synonymsRejected(SynonymGroupsRejectedException e) {
    Object[] arguments = e.messageArguments();
    String detail =
        messages.getMessage(
            e.messageKey(),
            arguments.length == 0 ? new Object[] {""} : arguments,
            e.english(),
            LocaleContextHolder.getLocale());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(URI.create("urn:cc:problem:invalid-request"));
    problem.setProperty("reason", e.reason());
    e.group().ifPresent(g -> problem.setProperty("group", g));
    return problem;
  }

  @ExceptionHandler(ChatRefusedException.class)
  ProblemDetail refused(ChatRefusedException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.kind.status), e.getMessage());
    problem.setType(URI.create("urn:cc:problem:" + e.kind.type));
    if (e.reason != null) {
      problem.setProperty("reason", e.reason);
      problem.setProperty("arguments", e.arguments);
    }
    return problem;
  }

  @ExceptionHandler(ForgedIdentityException.class)
  ProblemDetail forged(ForgedIdentityException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
    problem.setType(URI.create("urn:cc:problem:chat-identity-rejected"));
    return problem;
  }
}
