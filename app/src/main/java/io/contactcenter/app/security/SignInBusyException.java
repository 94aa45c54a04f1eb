package io.contactcenter.app.security;

import org.springframework.security.core.AuthenticationException;

/** Too many sign-ins are being checked at this moment; the client should retry in a second. */
public class SignInBusyException extends AuthenticationException {

  public SignInBusyException() {
    super("too many sign-ins are being checked right now; try again in a few seconds");
  }
}
