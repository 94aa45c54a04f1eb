package io.contactcenter.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * What a client is told when sign-in fails or is refused. API clients get a problem detail (RFC
 * 9457) and never the browser's Basic prompt (a browser that cached Basic credentials would send
 * them on cross-site requests, like a cookie); the sign-in form gets a redirect to the login page
 * with the reason.
 */
final class SignInResponses implements AuthenticationEntryPoint, AuthenticationFailureHandler {

  private final ObjectMapper json;
  private final UserAccounts accounts;
  private final MessageSource messages;

  SignInResponses(ObjectMapper json, UserAccounts accounts, MessageSource messages) {
    this.json = json;
    this.messages = messages;
    this.accounts = accounts;
  }

  /** API requests without valid credentials, or whose credentials were refused. */
  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    switch (e) {
      case SignInThrottledException t -> {
        response.setHeader("Retry-After", Long.toString(t.retryAfterSeconds()));
        problem(
            response,
            HttpStatus.TOO_MANY_REQUESTS,
            "sign-in-throttled",
            text(
                t.byAddress()
                    ? "problem.sign-in.throttled.address"
                    : "problem.sign-in.throttled.account",
                t.retryAfterSeconds()));
      }
      case SignInBusyException b -> {
        response.setHeader("Retry-After", "2");
        problem(
            response, HttpStatus.SERVICE_UNAVAILABLE, "sign-in-busy", text("problem.sign-in.busy"));
      }
      default ->
          problem(
              response,
              HttpStatus.UNAUTHORIZED,
              "unauthorized",
              text(
                  request.getHeader("Authorization") == null
                      ? "problem.sign-in.missing"
                      : "problem.sign-in.refused"));
    }
  }

  /** The sign-in form failed: back to the login page, saying why. */
  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String query =
        switch (e) {
          case SignInThrottledException t -> "throttled=" + t.retryAfterSeconds();
          case SignInBusyException b -> "busy";
          default -> "error";
        };
    response.sendRedirect(request.getContextPath() + "/login?" + query);
  }

  /**
   * The sign-in form succeeded: the session remembers the account's epoch, and a user who must
   * change the password is sent to do so first.
   */
  AuthenticationSuccessHandler formSuccess() {
    SavedRequestAwareAuthenticationSuccessHandler next =
        new SavedRequestAwareAuthenticationSuccessHandler();
    next.setDefaultTargetUrl("/");
    return (HttpServletRequest request, HttpServletResponse response, Authentication user) -> {
      UserAccounts.State state =
          accounts
              .state(user.getName())
              .orElseThrow(() -> new UserNotFoundException(user.getName()));
      request.getSession().setAttribute(AccountStateFilter.EPOCH, state.epoch());
      if (state.mustChangePassword()) {
        response.sendRedirect(request.getContextPath() + "/account/password?required");
        return;
      }
      next.onAuthenticationSuccess(request, response, user);
    };
  }

  /** A user who must change the password asked for anything else. */
  void passwordChangeRequired(
      HttpServletRequest request, HttpServletResponse response, boolean browser)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (browser && !path.startsWith("/api/")) {
      response.sendRedirect(request.getContextPath() + "/account/password?required");
      return;
    }
    problem(
        response,
        HttpStatus.FORBIDDEN,
        "password-change-required",
        text("problem.sign-in.password-change-required"));
  }

  /**
   * A message in the caller's language: these answers come from filters, before any user is known,
   * so it is the request's Accept-Language (RequestContextFilter runs before the security chain).
   */
  private String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }

  private void problem(HttpServletResponse response, HttpStatus status, String type, String detail)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:cc:problem:" + type);
    body.put(
        "title",
        messages.getMessage(
            "problem.title." + status.value(),
            null,
            status.getReasonPhrase(),
            LocaleContextHolder.getLocale()));
    body.put("status", status.value());
    body.put("detail", detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }
}
