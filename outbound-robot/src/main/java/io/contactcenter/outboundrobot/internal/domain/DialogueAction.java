package io.contactcenter.outboundrobot.internal.domain;

import io.contactcenter.asrtts.IntentLabel;
import java.time.Instant;
import java.util.Objects;

/** Something to do for the callee once the dialogue has ended. */
public sealed interface DialogueAction {

  /** Call the callee back. */
  record ScheduleCallback(Instant at) implements DialogueAction {
    public ScheduleCallback {
      Objects.requireNonNull(at, "at is required");
    }
  }

  /** Put the number on the do-not-call list. */
  record AddToDoNotCall() implements DialogueAction {}

  /** Open a ticket with the transcript. */
  record OpenTicket(IntentLabel reason) implements DialogueAction {
    public OpenTicket {
      Objects.requireNonNull(reason, "reason is required");
    }
  }

  /** Hand the call to a human queue with the transcript. */
  record TransferToHuman(String queue) implements DialogueAction {
    public TransferToHuman {
      if (queue == null || queue.isBlank()) {
        throw new IllegalArgumentException("queue is required");
      }
    }
  }
}
