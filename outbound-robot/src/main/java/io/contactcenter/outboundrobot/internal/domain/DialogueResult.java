package io.contactcenter.outboundrobot.internal.domain;

import io.contactcenter.common.PhoneNumber;
import io.contactcenter.outboundrobot.CallbackRequested;
import io.contactcenter.outboundrobot.DialogueCompleted;
import io.contactcenter.outboundrobot.DialogueOutcome;
import io.contactcenter.outboundrobot.DialogueScript;
import io.contactcenter.outboundrobot.DoNotCallRequested;
import io.contactcenter.outboundrobot.HumanTransferRequested;
import io.contactcenter.outboundrobot.TicketRequested;
import io.contactcenter.outboundrobot.Turn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a dialogue ended and what is left to do.
 *
 * @param outcome the final outcome
 * @param actions what to do now, in the order the script gave them
 * @param turns everything said, in order
 * @param failure why the dialogue could not run, for {@link DialogueOutcome#FAILED}; for logs, it
 *     names variables but holds no values
 */
public record DialogueResult(
    DialogueOutcome outcome,
    List<DialogueAction> actions,
    List<Turn> turns,
    Optional<String> failure) {

  public DialogueResult {
    Objects.requireNonNull(outcome, "outcome is required");
    actions = List.copyOf(actions);
    turns = List.copyOf(turns);
    Objects.requireNonNull(failure, "failure is required (may be empty)");
  }

  /** When to call back, if a callback was scheduled. */
  public Optional<Instant> callbackAt() {
    return actions.stream()
        .filter(DialogueAction.ScheduleCallback.class::isInstance)
        .map(action -> ((DialogueAction.ScheduleCallback) action).at())
        .findFirst();
  }

  /** Whether an action of this type is to be done. */
  public boolean has(Class<? extends DialogueAction> type) {
    return actions.stream().anyMatch(type::isInstance);
  }

  /**
   * The events that announce this result: {@link DialogueCompleted} first, then one per action.
   *
   * @param attemptId the campaign's dial attempt
   * @param phone the number called
   * @param at when the dialogue ended
   */
  public List<Object> events(
      String attemptId, PhoneNumber phone, DialogueScript script, Instant at) {
    List<Object> events = new ArrayList<>();
    Instant callbackAt =
        outcome == DialogueOutcome.CALLBACK_SCHEDULED ? callbackAt().orElse(null) : null;
    events.add(
        new DialogueCompleted(
            attemptId, script.id(), script.version(), outcome, turns, callbackAt, at));
    for (DialogueAction action : actions) {
      events.add(
          switch (action) {
            case DialogueAction.ScheduleCallback callback ->
                new CallbackRequested(attemptId, callback.at(), at);
            case DialogueAction.AddToDoNotCall dnc -> new DoNotCallRequested(attemptId, phone, at);
            case DialogueAction.OpenTicket ticket ->
                new TicketRequested(attemptId, ticket.reason(), turns, at);
            case DialogueAction.TransferToHuman transfer ->
                new HumanTransferRequested(attemptId, transfer.queue(), turns, at);
          });
    }
    return events;
  }
}
