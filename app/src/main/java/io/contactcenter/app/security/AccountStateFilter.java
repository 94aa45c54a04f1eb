package io.contactcenter.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every signed-in request to the account's current state in PostgreSQL, so a change made on
 * any instance applies to the user's next request everywhere:
 *
 * <ul>
 *   <li>a session whose user was disabled or deleted, or whose password was reset or changed
 *       elsewhere (the session epoch moved), ends: the request continues as anonymous;
 *   <li>changed roles or permissions replace the session's;
 *   <li>a user who must change the password reaches only the password page and {@code
 *       /api/v1/me/**} until it is changed.
 * </ul>
 */
final class AccountStateFilter extends OncePerRequestFilter {

  /** The session attribute with the account's session epoch at sign-in. */
  static final String EPOCH = AccountStateFilter.class.getName() + ".epoch";

  /** The password page with what its layout needs: the language switch, sign-out. */
  private static final List<String> OPEN_WHILE_CHANGE_REQUIRED =
      List.of(
          "/account/password",
          "/api/v1/me",
          "/api/v1/me/password",
          "/language",
          "/logout",
          "/login",
          "/error");

  private final UserAccounts accounts;
  private final SignInResponses responses;
  private final HttpSessionSecurityContextRepository sessions =
      new HttpSessionSecurityContextRepository();

  AccountStateFilter(UserAccounts accounts, SignInResponses responses) {
    this.accounts = accounts;
    this.responses = responses;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      chain.doFilter(request, response);
      return;
    }
    Optional<UserAccounts.State> state = accounts.state(authentication.getName());
    boolean fromSession = !HeaderCredentials.used(request);
    if (fromSession) {
      HttpSession session = request.getSession(false);
      Object epoch = session == null ? null : session.getAttribute(EPOCH);
      if (state.isEmpty()
          || !state.get().enabled()
          || !(epoch instanceof Integer e && e == state.get().epoch())) {
        if (session != null) {
          session.invalidate();
        }
        SecurityContextHolder.clearContext();
        chain.doFilter(request, response);
        return;
      }
      Set<String> current = new HashSet<>();
      state.get().authorities().forEach(a -> current.add(a.getAuthority()));
      Set<String> held = new HashSet<>();
      authentication.getAuthorities().forEach(a -> held.add(a.getAuthority()));
      if (!current.equals(held)) {
        refreshRoles(request, response, authentication, state.get());
      }
    }
    if (state.isPresent()
        && state.get().mustChangePassword()
        && !openWhileChangeRequired(request)) {
      responses.passwordChangeRequired(request, response, fromSession);
      return;
    }
    chain.doFilter(request, response);
  }

  private void refreshRoles(
      HttpServletRequest request,
      HttpServletResponse response,
      Authentication old,
      UserAccounts.State state) {
    List<? extends GrantedAuthority> authorities = state.authorities();
    var fresh =
        UsernamePasswordAuthenticationToken.authenticated(old.getPrincipal(), null, authorities);
    fresh.setDetails(old.getDetails());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(fresh);
    SecurityContextHolder.setContext(context);
    sessions.saveContext(context, request, response);
  }

  private static boolean openWhileChangeRequired(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/css/") || path.startsWith("/js/")) {
      return true;
    }
    return OPEN_WHILE_CHANGE_REQUIRED.contains(path);
  }
}
