package io.contactcenter.pbx;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * An originated call never connected.
 *
 * @param outcome why: {@code NO_ANSWER}, {@code BUSY}, {@code CONGESTION} or {@code FAILED}
 */
@Externalized("cc.calls.originate-failed.v1::#{attemptId()}")
public record OriginateFailed(String attemptId, DialOutcome outcome, int reasonCode, Instant at) {

  /** How a dial attempt that never connected ended. */
  public enum DialOutcome {
    NO_ANSWER,
    BUSY,
    CONGESTION,
    FAILED
  }
}
