package io.contactcenter.app.security;

import io.contactcenter.common.PhoneNumber;
import org.springframework.security.core.Authentication;

/**
 * Who sees customers' phone numbers in full: the one masking rule every API, page and export of the
 * app applies.
 *
 * <p>Admins, supervisors and ops see full numbers: they run campaigns, handle do-not-call requests
 * and investigate calls. Agents see a number only for the contact they are serving, and the app has
 * no "current contact" of an agent yet, so agents see masked numbers; QA reviews how a call went,
 * not who was called, so QA sees masked numbers too. A user with several roles sees what the most
 * trusted of them sees.
 */
public enum PhoneNumberVisibility {
  FULL,
  MASKED;

  /** What the signed-in user may see; masked for anyone unknown. */
  public static PhoneNumberVisibility of(Authentication user) {
    if (user == null) {
      return MASKED;
    }
    for (var authority : user.getAuthorities()) {
      String name = authority.getAuthority();
      if (Role.ADMIN.authority().equals(name)
          || Role.SUPERVISOR.authority().equals(name)
          || Role.OPS.authority().equals(name)) {
        return FULL;
      }
    }
    return MASKED;
  }

  /**
   * The text as this viewer may see it: unchanged for {@link #FULL}, every number in it masked
   * ({@link PhoneNumber#maskDigitsIn}) for {@link #MASKED}.
   */
  public String show(String text) {
    return this == FULL ? text : PhoneNumber.maskDigitsIn(text);
  }
}
