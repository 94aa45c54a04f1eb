package io.contactcenter.app.web;

import io.contactcenter.app.security.UserNotFoundException;
import io.contactcenter.app.security.UserStateConflictException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details of the users and account endpoints. */
@RestControllerAdvice(assignableTypes = {UsersController.class, MyAccountController.class})
class AccountProblemHandlers {

  @ExceptionHandler(UserNotFoundException.class)
  ProblemDetail notFound(UserNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "user-not-found", e.getMessage());
  }

  @ExceptionHandler(UserStateConflictException.class)
  ProblemDetail conflict(UserStateConflictException e) {
    return problem(HttpStatus.CONFLICT, "user-state", e.getMessage());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail denied(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:cc:problem:" + type));
    return problem;
  }
}
