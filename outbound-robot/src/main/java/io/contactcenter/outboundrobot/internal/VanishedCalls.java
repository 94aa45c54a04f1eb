package io.contactcenter.outboundrobot.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Attempts whose call Asterisk no longer carries, and since when this instance has known it.
 * Recovery settles an attempt only once its call has been gone for a while: the instance running
 * the dialogue stores its result just after the callee hangs up, and settling in that moment would
 * overwrite a real outcome (say, agreed) with "interrupted" and have the campaign call again.
 * Thread-safe.
 */
final class VanishedCalls {

  private final Duration confirmAfter;
  private final Map<String, Instant> goneSince = new HashMap<>();

  VanishedCalls(Duration confirmAfter) {
    this.confirmAfter = confirmAfter;
  }

  /**
   * Notes that the calls of {@code missing} are not up at {@code now} and forgets every other
   * attempt (its call is up again, or it is settled).
   *
   * @return the attempts of {@code missing} whose call has been gone for at least the confirmation
   *     time
   */
  synchronized Set<String> goneForGood(Collection<String> missing, Instant now) {
    goneSince.keySet().retainAll(new HashSet<>(missing));
    Set<String> confirmed = new HashSet<>();
    for (String attemptId : missing) {
      Instant first = goneSince.putIfAbsent(attemptId, now);
      if (first != null && !first.plus(confirmAfter).isAfter(now)) {
        confirmed.add(attemptId);
      }
    }
    return confirmed;
  }
}
