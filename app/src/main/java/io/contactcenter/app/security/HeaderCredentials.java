package io.contactcenter.app.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Marks a request that authenticated with credentials it carried itself (an API token or HTTP
 * Basic) rather than with the session cookie a browser adds on its own. Only such requests are
 * exempt from the CSRF check: a mere {@code Authorization} header proves nothing.
 */
public final class HeaderCredentials {

  static final String ATTRIBUTE = HeaderCredentials.class.getName();

  private HeaderCredentials() {}

  static void mark(HttpServletRequest request, String scheme) {
    request.setAttribute(ATTRIBUTE, scheme);
  }

  /** Whether this request authenticated by token or Basic (not by session). */
  public static boolean used(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) != null;
  }

  /** {@code "token"} or {@code "basic"}, or null for a session or no authentication. */
  public static String scheme(HttpServletRequest request) {
    return (String) request.getAttribute(ATTRIBUTE);
  }
}
