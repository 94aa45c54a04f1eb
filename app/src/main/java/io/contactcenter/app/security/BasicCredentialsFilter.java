package io.contactcenter.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * HTTP Basic, placed before the CSRF filter so that the CSRF exemption can depend on whether the
 * request really authenticated with the credentials it carries ({@link HeaderCredentials}). Nothing
 * is stored in the session: each request signs in again, through the sign-in throttle.
 */
final class BasicCredentialsFilter extends BasicAuthenticationFilter {

  BasicCredentialsFilter(AuthenticationManager manager, AuthenticationEntryPoint entryPoint) {
    super(manager, entryPoint);
  }

  @Override
  protected void onSuccessfulAuthentication(
      HttpServletRequest request, HttpServletResponse response, Authentication result) {
    HeaderCredentials.mark(request, "basic");
  }
}
