package io.contactcenter.outboundrobot.internal;

import io.contactcenter.asrtts.IntentLabel;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.ReplyClassification;
import io.contactcenter.asrtts.ReplyRequest;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Ends the callee's turn before the recognizer's trailing silence when what they said so far is
 * already a clear answer: "yes, I'll pay today" followed by a short pause is a whole reply, and a
 * person would answer it at once instead of waiting out the full end-of-speech silence (700 ms by
 * default) that a hesitant or unclear reply still gets.
 *
 * <p>A clear answer is either one of the listening step's expected phrases ("tomorrow morning" when
 * asked for a time: compared without case, punctuation or spaces) or words whose label is not
 * unknown at the configured confidence, unless they are likely to go on: a single word ("yes," is
 * often followed by more), or a last word such as "but" or "因为".
 *
 * <p>One per listening turn. The words so far are labelled only when the callee has paused for at
 * least {@code silence} and they changed since the last check, so a turn costs a handful of
 * classifications (each well under a millisecond).
 */
final class EarlyEndOfTurn {

  private final Duration silence;
  private final double minConfidence;
  private final Set<String> phrases;
  private final Function<String, ReplyClassification> classify;
  private String checked = "";
  private boolean clear;

  /**
   * @param silence the pause after which a clear answer ends the turn; zero never ends it early
   * @param minConfidence how certain the label of the words so far must be, 0 to 1
   * @param phrases the answers the step expects, each a clear answer as it is
   * @param classify labels the words so far
   */
  EarlyEndOfTurn(
      Duration silence,
      double minConfidence,
      Collection<String> phrases,
      Function<String, ReplyClassification> classify) {
    this.silence = silence;
    this.minConfidence = minConfidence;
    this.phrases =
        phrases.stream()
            .map(EarlyEndOfTurn::comparable)
            .filter(p -> !p.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    this.classify = classify;
  }

  /**
   * Words after which people usually go on: a lone "yes," or "好的，" before "I'll pay today", or a
   * reply ending in "but" or "因为". Ending the turn there would cut "yes, but only half" to "yes";
   * such replies get the recognizer's full trailing silence.
   */
  static boolean mayContinue(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).strip().split("\\s+");
    String last = comparable(words[words.length - 1]);
    if (CONTINUING.contains(last) || CONTINUING_ZH.stream().anyMatch(comparable(text)::endsWith)) {
      return true;
    }
    long cjk = text.codePoints().filter(c -> Character.isIdeographic(c)).count();
    return cjk > 0 ? cjk < 3 : words.length < 2;
  }

  private static final Set<String> CONTINUING =
      Set.of(
          "but",
          "and",
          "or",
          "so",
          "because",
          "if",
          "unless",
          "although",
          "though",
          "except",
          "only",
          "well",
          "um",
          "uh",
          "er",
          "the",
          "a",
          "to",
          "i",
          "i'm",
          "im",
          "we",
          "it's",
          "its");
  private static final List<String> CONTINUING_ZH =
      List.of("但是", "可是", "不过", "因为", "所以", "而且", "还有", "就是", "然后", "如果", "那个", "嗯");

  /** Lower case without punctuation or spaces: "Tomorrow morning." and 明天 上午 compare equal. */
  static String comparable(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}\\s]+", "");
  }

  /** Whether the utterance may be finished now although the recognizer has not ended it. */
  boolean clearAnswer(RecognitionStream stream) {
    if (silence.isZero()
        || stream.endOfSpeech()
        || stream.silenceAfterSpeech().compareTo(silence) < 0) {
      return false;
    }
    String text = stream.partialText().strip();
    if (text.isEmpty() || text.length() > ReplyRequest.MAX_LENGTH) {
      return false;
    }
    if (!text.equals(checked)) {
      checked = text;
      if (phrases.contains(comparable(text))) {
        clear = true;
      } else if (mayContinue(text)) {
        clear = false;
      } else {
        ReplyClassification label = classify.apply(text);
        clear = label.label() != IntentLabel.UNKNOWN && label.confidence() >= minConfidence;
      }
    }
    return clear;
  }
}
