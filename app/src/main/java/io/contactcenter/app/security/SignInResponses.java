package io.contactcenter.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
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

  SignInResponses(ObjectMapper json, UserAccounts accounts) {
    this.json = json;
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
        problem(response, HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled", t.getMessage());
      }
      case SignInBusyException b -> {
        response.setHeader("Retry-After", "2");
        problem(response, HttpStatus.SERVICE_UNAVAILABLE, "sign-in-busy", b.getMessage());
      }
      default ->
          problem(
              response,
              HttpStatus.UNAUTHORIZED,
              "unauthorized",
              request.getHeader("Authorization") == null
                  ? "sign in, or send a personal access token (Authorization: Bearer …)"
                  : "the credentials were not accepted");
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
        "the password was reset: change it first (POST /api/v1/me/password)");
  }

  private void problem(HttpServletResponse response, HttpStatus status, String type, String detail)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:cc:problem:" + type);
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }
}
