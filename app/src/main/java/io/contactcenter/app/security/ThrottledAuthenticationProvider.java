package io.contactcenter.app.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password sign-in (the form and HTTP Basic alike) behind the {@link SignInThrottle}:
 * a throttled account or address is refused before its password is hashed, and every failure
 * counts.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final SignInThrottle throttle;

  ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
    this.passwords = passwords;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    String address = addressOf(authentication);
    throttle.check(username, address);
    try {
      Authentication result = passwords.authenticate(authentication);
      throttle.succeeded(username);
      return result;
    } catch (SignInBusyException e) {
      throw e;
    } catch (AuthenticationException e) {
      throttle.failed(username, address);
      throw e;
    }
  }

  static String addressOf(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : null;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
