package io.contactcenter.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Keeps the caller's own session signed in across a change that ends the user's other sessions. */
public final class SessionEpochs {

  private SessionEpochs() {}

  /** The session of this request (if it signed in by session) moves on to the new epoch. */
  public static void carryOn(HttpServletRequest request, int epoch) {
    HttpSession session = request.getSession(false);
    if (session != null && !HeaderCredentials.used(request)) {
      session.setAttribute(AccountStateFilter.EPOCH, epoch);
    }
  }
}
