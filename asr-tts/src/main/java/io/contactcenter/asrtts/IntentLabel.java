package io.contactcenter.asrtts;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a callee's reply to the outbound robot means. The codes are stable: they name training rows.
 */
public enum IntentLabel {
  /** Agrees to what the robot asked (will pay, fine to wait, wants the offer). */
  AGREE("agree"),
  /** Has already done it (paid, received the parcel). */
  ALREADY_DONE("already_done"),
  /** Declines (will not pay, not interested, cancel). */
  REFUSE("refuse"),
  /** Cannot talk now; may name a time to call back. */
  CALL_BACK_LATER("call_back_later"),
  /** Not the customer the robot asked for. */
  WRONG_PERSON("wrong_person"),
  /** Wants a human agent. */
  REQUEST_HUMAN("request_human"),
  /** Asks something the robot should answer. */
  QUESTION("question"),
  /** Is angry or wants to complain. */
  COMPLAINT("complaint"),
  /** Asks never to be called again. */
  DO_NOT_CALL("do_not_call"),
  /** Nothing recognisable, or not confident enough to act on. */
  UNKNOWN("unknown");

  private final String code;

  IntentLabel(String code) {
    this.code = code;
  }

  /** The stable lower-case code, e.g. {@code call_back_later}; also the JSON form. */
  @com.fasterxml.jackson.annotation.JsonValue
  public String code() {
    return code;
  }

  /**
   * The label with this code.
   *
   * @throws IllegalArgumentException naming the valid codes when there is none
   */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static IntentLabel fromCode(String code) {
    for (IntentLabel label : values()) {
      if (label.code.equals(code)) {
        return label;
      }
    }
    throw new IllegalArgumentException(
        "unknown intent label '"
            + code
            + "': expected one of "
            + Arrays.stream(values()).map(IntentLabel::code).collect(Collectors.joining(", ")));
  }
}
