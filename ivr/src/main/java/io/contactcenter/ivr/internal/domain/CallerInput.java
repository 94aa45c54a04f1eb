package io.contactcenter.ivr.internal.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the caller answered to a question. */
public sealed interface CallerInput {

  /** Keys pressed, without the terminating '#'. */
  record Keys(String digits) implements CallerInput {}

  /**
   * Speech recognized with the question's grammar.
   *
   * @param text the best transcript; {@code [unk]} when it matched no phrase
   * @param alternatives the recognizer's alternative transcripts, best first, each with its share
   *     of their weight (0 to 1, summing to 1): how surely the text was heard. A question that did
   *     not ask for alternatives ({@link IvrStep.Ask#alternatives()} 0) gets the text alone with
   *     the whole weight.
   */
  record Speech(String text, Map<String, Double> alternatives) implements CallerInput {

    public Speech {
      text = text == null ? "" : text;
      if (alternatives == null || alternatives.isEmpty()) {
        alternatives = Map.of(text, 1.0);
      }
      for (Map.Entry<String, Double> a : alternatives.entrySet()) {
        if (a.getKey() == null || a.getValue() == null || a.getValue() < 0 || a.getValue() > 1) {
          throw new IllegalArgumentException(
              "an alternative's share must be between 0 and 1, was " + a);
        }
      }
      alternatives = Collections.unmodifiableMap(new LinkedHashMap<>(alternatives));
    }

    /** The text as the only transcript: a recognizer asked for no alternatives. */
    public Speech(String text) {
      this(text, Map.of());
    }
  }

  /** Nothing before the timeout. */
  record NoInput() implements CallerInput {}
}
