package io.contactcenter.ivr.internal.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodes one call has visited so far, for its {@link SessionTrace}: when each was entered and
 * left, and what the caller gave there. Kept by the {@link FlowEngine}; not thread-safe.
 */
final class VisitLog {

  private final Clock clock;
  private final List<Entry> entries = new ArrayList<>();

  VisitLog(Clock clock) {
    this.clock = clock;
  }

  /** The caller is now in this node (close the visit before first). */
  void enter(String nodeId) {
    entries.add(new Entry(nodeId, clock.instant()));
  }

  /** Something that happened in the current node: {@code open}, {@code order:found}, ... */
  void note(String input) {
    entries.getLast().inputs.add(input);
  }

  /** What the caller answered in the current node. */
  void note(CallerInput input) {
    note(describe(input));
  }

  /** The caller left the current node, if not already. */
  void close() {
    if (!entries.isEmpty() && entries.getLast().leftAt == null) {
      entries.getLast().leftAt = clock.instant();
    }
  }

  /** Every visit so far; one still open lasts until now. */
  List<SessionTrace.Visit> visits() {
    Instant now = clock.instant();
    List<SessionTrace.Visit> done = new ArrayList<>();
    for (Entry v : entries) {
      Instant left = v.leftAt == null ? now : v.leftAt;
      done.add(
          new SessionTrace.Visit(
              v.nodeId, v.enteredAt, Duration.between(v.enteredAt, left), v.inputs));
    }
    return done;
  }

  private static String describe(CallerInput input) {
    return switch (input) {
      case CallerInput.Keys k -> "keys:" + k.digits();
      case CallerInput.Speech s -> "speech:" + s.text();
      case CallerInput.NoInput n -> "no-input";
    };
  }

  private static final class Entry {
    final String nodeId;
    final Instant enteredAt;
    final List<String> inputs = new ArrayList<>();
    Instant leftAt;

    Entry(String nodeId, Instant enteredAt) {
      this.nodeId = nodeId;
      this.enteredAt = enteredAt;
    }
  }
}
