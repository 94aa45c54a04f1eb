package io.contactcenter.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * Error pages for people: the shell with a message in their language and a way back, never the
 * path, exception, internal ids or a stack trace (the model Spring Boot offers is dropped). API
 * clients asking for JSON never get here: they keep the JSON error body.
 */
class ShellErrorViewResolver implements ErrorViewResolver {

  @Override
  public ModelAndView resolveErrorView(
      HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    String kind =
        switch (status) {
          case FORBIDDEN -> "403";
          case NOT_FOUND -> "404";
          default -> status.is5xxServerError() ? "500" : "other";
        };
    ModelAndView page = new ModelAndView("error", Map.of("kind", kind, "status", status.value()));
    page.setStatus(status);
    return page;
  }
}
