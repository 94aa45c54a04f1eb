package io.contactcenter.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer ccp_…} with a personal access token. A wrong token is
 * answered 401 at once and counts as a failed sign-in of the source address; a throttled address is
 * refused before the token is looked up.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final ApiTokens tokens;
  private final UserAccounts accounts;
  private final SignInThrottle throttle;
  private final AuthenticationEntryPoint entryPoint;
  private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

  ApiTokenFilter(
      ApiTokens tokens,
      UserAccounts accounts,
      SignInThrottle throttle,
      AuthenticationEntryPoint entryPoint) {
    this.tokens = tokens;
    this.accounts = accounts;
    this.throttle = throttle;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    try {
      throttle.check(null, address);
    } catch (SignInThrottledException e) {
      SecurityContextHolder.clearContext();
      entryPoint.commence(request, response, e);
      return;
    }
    Optional<String> owner = tokens.owner(header.substring(BEARER.length()).strip());
    if (owner.isEmpty()) {
      throttle.failed(null, address);
      SecurityContextHolder.clearContext();
      entryPoint.commence(
          request, response, new BadCredentialsException("invalid, expired or revoked API token"));
      return;
    }
    var user = accounts.loadUserByUsername(owner.get());
    if (user instanceof org.springframework.security.core.CredentialsContainer c) {
      c.eraseCredentials();
    }
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    authentication.setDetails(details.buildDetails(request));
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    HeaderCredentials.mark(request, "token");
    chain.doFilter(request, response);
  }
}
