package io.contactcenter.routing.spi;

import io.contactcenter.common.PhoneNumber;

/**
 * Whether a customer's number may be called by an agent (click-to-call). The routing module keeps
 * no do-not-call list of its own: the application provides the bean that asks the one list the
 * dialer uses too. Without such a bean every click-to-call is refused.
 */
public interface NumberScreening {

  /**
   * Whether {@code number} is on the do-not-call list.
   *
   * @throws RuntimeException when the list cannot be read (the call is then not placed)
   */
  boolean onDoNotCall(PhoneNumber number);
}
