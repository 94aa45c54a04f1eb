package io.contactcenter.onlinechat.internal;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The chat's refusals as problem details with stable types (urn:cc:problem:chat-…). */
@RestControllerAdvice(
    assignableTypes = {
      VisitorController.class,
      AgentChatController.class,
      KnowledgeBaseController.class,
      ColdStartController.class,
      FaqSuggestionController.class
    })
class ChatProblems {

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
