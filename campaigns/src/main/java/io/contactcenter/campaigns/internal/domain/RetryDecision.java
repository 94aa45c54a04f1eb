package io.contactcenter.campaigns.internal.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link RetryPolicy} decided after an attempt: dial the contact again, not before an instant,
 * or stop. The reason is for logs and the contact's history, in English.
 */
public sealed interface RetryDecision {

  /** Why: e.g. {@code "BUSY: retry after PT15M (attempt 2 of 3)"}. */
  String reason();

  /**
   * Dial again, at the first instant at or after {@code notBefore} that the call window allows.
   *
   * @param notBefore the earliest instant; the actual time is {@link CallWindowPolicy#nextOpening}
   *     of it
   */
  record RetryAt(Instant notBefore, String reason) implements RetryDecision {
    public RetryAt {
      Objects.requireNonNull(notBefore, "notBefore is required");
      Objects.requireNonNull(reason, "reason is required");
    }
  }

  /** Do not dial this contact again in this campaign. */
  record NoRetry(String reason) implements RetryDecision {
    public NoRetry {
      Objects.requireNonNull(reason, "reason is required");
    }
  }
}
