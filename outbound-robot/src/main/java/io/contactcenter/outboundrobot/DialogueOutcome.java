package io.contactcenter.outboundrobot;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a robot dialogue ended. Every value is final: a dialogue has exactly one. The codes are
 * stable (scripts name them in {@code end:}, reports group by them).
 */
public enum DialogueOutcome {
  /** The callee agreed: will pay the balance, accepts the new delivery date, takes the offer. */
  AGREED("agreed"),
  /** The callee has already done it: paid, received the parcel, already ordered. */
  ALREADY_DONE("already_done"),
  /** The callee declined: will not pay, wants to cancel, not interested. */
  REFUSED("refused"),
  /** The callee asked to be called back; the result carries the time. */
  CALLBACK_SCHEDULED("callback_scheduled"),
  /** Someone other than the customer answered. */
  WRONG_PERSON("wrong_person"),
  /** The call went to a human queue with the transcript so far. */
  TRANSFERRED("transferred"),
  /** The callee asked never to be called again; the number goes on the do-not-call list. */
  DO_NOT_CALL("do_not_call"),
  /**
   * The callee asked something the robot cannot answer; {@link TicketRequested} asks for a ticket,
   * which the tickets module opens.
   */
  QUESTION_TICKET("question_ticket"),
  /**
   * The callee complained; {@link TicketRequested} asks for a ticket, which the tickets module
   * opens with a higher priority.
   */
  COMPLAINT_TICKET("complaint_ticket"),
  /** Silence or unintelligible replies after the one re-prompt. */
  NO_RESPONSE("no_response"),
  /** An answering machine or voicemail picked up. */
  VOICEMAIL("voicemail"),
  /** The callee hung up before the dialogue reached an end. */
  HUNG_UP("hung_up"),
  /** The dialogue could not run, e.g. a variable had no value for this call. */
  FAILED("failed");

  private final String code;

  DialogueOutcome(String code) {
    this.code = code;
  }

  /** The stable lower-case code, e.g. {@code callback_scheduled}. */
  public String code() {
    return code;
  }

  /**
   * The outcome with this code.
   *
   * @throws IllegalArgumentException naming the valid codes when there is none
   */
  public static DialogueOutcome fromCode(String code) {
    for (DialogueOutcome outcome : values()) {
      if (outcome.code.equals(code)) {
        return outcome;
      }
    }
    throw new IllegalArgumentException(
        "unknown outcome '"
            + code
            + "': expected one of "
            + Arrays.stream(values()).map(DialogueOutcome::code).collect(Collectors.joining(", ")));
  }
}
