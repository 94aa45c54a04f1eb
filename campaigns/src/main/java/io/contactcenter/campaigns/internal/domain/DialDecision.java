package io.contactcenter.campaigns.internal.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Whether a number may be dialled now, as a rule such as {@link FrequencyCap} decides. */
public sealed interface DialDecision {

  /** Whether the dial may go ahead. */
  default boolean allowed() {
    return this instanceof Allowed;
  }

  /** Dial. */
  record Allowed() implements DialDecision {}

  /**
   * Do not dial now.
   *
   * @param rule a stable code for the rule that said no, for metrics and the API, e.g. {@link
   *     FrequencyCap#PER_LOCAL_DAY}
   * @param reason what was exceeded and until when, in English, for logs and the contact's history
   * @param nextAllowed the earliest instant the rule would allow a dial, if no other call is made
   *     meanwhile; empty when the rule will never allow one
   */
  record Rejected(String rule, String reason, Optional<Instant> nextAllowed)
      implements DialDecision {
    public Rejected {
      Objects.requireNonNull(rule, "rule is required");
      Objects.requireNonNull(reason, "reason is required");
      Objects.requireNonNull(nextAllowed, "nextAllowed is required (may be empty)");
    }
  }
}
