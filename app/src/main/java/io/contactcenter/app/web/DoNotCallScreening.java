package io.contactcenter.app.web;

import io.contactcenter.campaigns.DoNotCallList;
import io.contactcenter.common.PhoneNumber;
import io.contactcenter.routing.spi.NumberScreening;
import org.springframework.stereotype.Component;

/**
 * Agents' click-to-call asks the campaigns' do-not-call list, the one the dialer checks before each
 * attempt: a number put on it (by a callee's request to the robot, by operations) is refused on
 * both paths at once.
 */
@Component
class DoNotCallScreening implements NumberScreening {

  private final DoNotCallList doNotCall;

  DoNotCallScreening(DoNotCallList doNotCall) {
    this.doNotCall = doNotCall;
  }

  @Override
  public boolean onDoNotCall(PhoneNumber number) {
    return doNotCall.contains(number);
  }
}
