package io.contactcenter.ivr.internal.domain;

import java.util.List;
import java.util.Map;

/** What the flow engine wants done next on the call. */
public sealed interface IvrStep {

  /**
   * Says a prompt; then call {@link FlowEngine#next()}.
   *
   * @param values the variables of the prompt
   */
  record Say(String nodeId, Prompt prompt, Map<String, Object> values) implements IvrStep {}

  /**
   * Says a prompt the caller may interrupt and waits for keys or speech; then call {@link
   * FlowEngine#onInput}.
   *
   * @param maxDigits the most keys to collect ('#' ends earlier)
   * @param phrases the speech grammar, besides {@code [unk]}; empty when only keys are accepted
   * @param retry whether this is the second time the question is asked
   * @param alternatives how many alternative transcripts a spoken answer should carry ({@link
   *     CallerInput.Speech#alternatives()}), 0 to 10: for an answer whose doubt matters, the
   *     read-back's yes; 0 for the best transcript alone
   * @param minDigits the fewest digits of a whole answer, 1 to {@code maxDigits}: a number said in
   *     groups is listened to past a pause while it has fewer (an order number's shortest length);
   *     1 for every other question
   */
  record Ask(
      String nodeId,
      Prompt prompt,
      Map<String, Object> values,
      int maxDigits,
      List<String> phrases,
      boolean retry,
      int alternatives,
      int minDigits)
      implements IvrStep {

    public Ask {
      if (alternatives < 0 || alternatives > 10) {
        throw new IllegalArgumentException(
            "alternatives must be between 0 and 10, was " + alternatives);
      }
      if (minDigits < 1 || minDigits > Math.max(1, maxDigits)) {
        throw new IllegalArgumentException(
            "minDigits must be between 1 and maxDigits (" + maxDigits + "), was " + minDigits);
      }
    }

    /** A question whose answer is whole with any number of digits. */
    public Ask(
        String nodeId,
        Prompt prompt,
        Map<String, Object> values,
        int maxDigits,
        List<String> phrases,
        boolean retry,
        int alternatives) {
      this(nodeId, prompt, values, maxDigits, phrases, retry, alternatives, 1);
    }

    /** A question whose spoken answer is its best transcript alone. */
    public Ask(
        String nodeId,
        Prompt prompt,
        Map<String, Object> values,
        int maxDigits,
        List<String> phrases,
        boolean retry) {
      this(nodeId, prompt, values, maxDigits, phrases, retry, 0);
    }
  }

  /** Looks an order up; then call {@link FlowEngine#onOrder}. */
  record LookUpOrder(String nodeId, String orderNumber) implements IvrStep {}

  /**
   * Stores the callback number a caller left (and announces it); then call {@link
   * FlowEngine#next()}.
   *
   * @param callbackNumber the digits keyed
   */
  record LeaveMessage(String nodeId, String callbackNumber) implements IvrStep {}

  /** Says the prompt (if any) and leaves the IVR for a queue. Final. */
  record ToAgent(String nodeId, Prompt prompt, String queue, String priority) implements IvrStep {}

  /** Says the prompt and hangs up. Final. */
  record Hangup(String nodeId, Prompt prompt) implements IvrStep {}
}
