package io.contactcenter.campaigns;

import io.contactcenter.common.PhoneNumber;

/**
 * Numbers no campaign may call. Adding one cancels that number's pending contacts in every campaign
 * at once; the dialer also checks the list right before each attempt.
 */
public interface DoNotCallList {

  /** Idempotent; {@code source} says who asked, e.g. {@code robot:<attempt>} or {@code ops:ana}. */
  void add(PhoneNumber phone, String source);

  boolean contains(PhoneNumber phone);

  /** Re-activation campaigns call only numbers with a consent record. */
  void recordConsent(PhoneNumber phone, String source);
}
