package io.contactcenter.asrtts.internal.speech;

import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.common.SpokenYesNo;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * The IVR's whole order-number task for one caller, as ivr's {@code FlowEngine} runs its
 * order-status node, played on the caller's line: the number is said (its first recognition comes
 * from the benchmark), read back and confirmed; keys where the IVR asks for keys only. The caller
 * answers a prompt that listens for speech by voice and a keys-only prompt by keys; keys are exact.
 * Every spoken answer is a new utterance on the same line (fresh noise and losses from {@code
 * random}).
 *
 * <p>Three engines: {@link Engine#BEFORE} (until ADR 0050: a read-back answered by voice,
 * understood only as exactly "yes" or "no", asked twice, then a person), {@link Engine#AFTER} (ADR
 * 0050: the caller's own words, {@link #parse}; not understood once, the read-back asks for keys
 * only, three read-backs in all; a keyed number is read back for keys) and {@link Engine#SURE_YES}
 * (ADR 0050 addendum: as AFTER, but the read-back is recognized with {@value #ALTERNATIVES}
 * alternatives and a yes counts only when they hold it surely, {@link #sureParse}) and {@link
 * Engine#LONE_RIGHT_UNSURE} (ADR 0050 second addendum: as SURE_YES, and a yes heard as "right"
 * alone is unsure however surely, {@link #UNSURE_ALONE}).
 */
final class NumberTask {

  /** How a task ended. */
  enum Outcome {
    CONFIRMED_RIGHT,
    WRONG_NUMBER_USED,
    HANDED_TO_A_PERSON
  }

  enum Engine {
    BEFORE,
    AFTER,
    SURE_YES,
    /** As SURE_YES, and a lone "right" is unsure (ADR 0050 second addendum). */
    LONE_RIGHT_UNSURE
  }

  /** What a caller says to a read-back. */
  enum Words {
    /** "yes" or "no" and nothing else (runs 3's caller). */
    YES_NO,
    /** One of {@link #CALLER_YES} or {@link #CALLER_NO}, drawn for each answer. */
    OWN_WORDS
  }

  /**
   * @param questions questions the caller heard (the number, each read-back, each keyed re-entry)
   * @param voiceReadBacks read-backs answered by voice
   * @param voiceUnderstood of those, understood as a yes or a no (right or wrong)
   * @param answers each spoken read-back answer as "said → heard (alternatives)", to tell which
   *     answer ended a task with a wrong number
   */
  record Result(
      Outcome outcome,
      int questions,
      int voiceReadBacks,
      int voiceUnderstood,
      List<String> answers) {}

  /** Digits the task accepts, like the order-status node's min-digits/max-digits. */
  static final int MIN_DIGITS = 4;

  static final int MAX_DIGITS = 12;

  /** Read-backs before a person takes over (ivr's {@code FlowEngine.CONFIRM_TRIES}). */
  static final int CONFIRM_TRIES = 3;

  /**
   * How callers answer "is that right?" in their own words; fixed before anything was measured and
   * not changed after. "uh huh" and "yes please" hold words of no grammar.
   */
  static final List<String> CALLER_YES =
      List.of(
          "yes",
          "yeah",
          "yes that's right",
          "correct",
          "that's right",
          "yes it is",
          "yep",
          "yes please",
          "uh huh");

  static final List<String> CALLER_NO =
      List.of("no", "nope", "no that's wrong", "that's not right", "no it's not", "wrong");

  /** The grammar of the read-back before ADR 0050. */
  static final List<String> BEFORE_GRAMMAR = List.of("yes", "no");

  /** The grammar of the read-back from ADR 0050 on: the IVR's own. */
  static final List<String> AFTER_GRAMMAR = SpokenYesNo.grammar("en");

  /** Alternatives the IVR asks for a read-back's answer (ivr's {@code FlowEngine}). */
  static final int ALTERNATIVES = 5;

  /**
   * The IVR's default {@code cc.ivr.hotline.read-back-min-yes-share}: chosen on the tune part of
   * the read-back answers ({@link ReadBackAnswers}, docs/benchmarks.md run 7).
   */
  static final double MIN_YES_SHARE = 0.95;

  /**
   * The IVR's default {@code cc.ivr.hotline.read-back-unsure-alone}: chosen on the tune part of the
   * read-back answers (docs/benchmarks.md run 8).
   */
  static final Set<String> UNSURE_ALONE = Set.of("right");

  /** Seconds of answer audio recognized so far (for the benchmark's CPU figure). */
  static double audioSeconds;

  private NumberTask() {}

  /**
   * One caller's task.
   *
   * @param firstHeard what the recognizer heard when the caller said the number (digit grammar)
   * @param speak the caller's voice at the nominal level
   * @param choice draws the caller's words (a separate generator, so that both engines hear the
   *     same words on the same line noise)
   */
  static Result run(
      Engine engine,
      Words words,
      SpeechRecognizer asr,
      String digits,
      String firstHeard,
      Function<String, short[]> speak,
      TelephoneChannel line,
      Random random,
      Random choice) {
    String captured = NoisyReplyBenchmark.ivrDigits(firstHeard);
    int questions = 1;
    boolean keysOnly = false;
    if (!validLength(captured)) {
      captured = digits; // asked again by keys
      questions++;
      keysOnly = true;
    }
    int voiceReadBacks = 0;
    int voiceUnderstood = 0;
    List<String> answers = new java.util.ArrayList<>();
    int denied = 0;
    int tries = engine == Engine.BEFORE ? 2 : CONFIRM_TRIES;
    while (true) {
      boolean right = captured.equals(digits);
      Boolean yes = null;
      for (int attempt = 0; attempt < tries && yes == null; attempt++) {
        questions++;
        // Before: every read-back listened for speech. After: keys only once the node switched.
        if (engine != Engine.BEFORE && keysOnly) {
          yes = right;
          continue;
        }
        voiceReadBacks++;
        String said = answer(words, right, choice);
        Transcript heard = recognize(asr, speak.apply(said), engine, line, random);
        answers.add(said + " → " + heard.text() + " " + heard.sharesByText());
        yes =
            switch (engine) {
              case BEFORE -> exactYesNo(heard.text());
              case AFTER -> parse(heard.text());
              case SURE_YES -> sureParse(heard, Set.of());
              case LONE_RIGHT_UNSURE -> sureParse(heard, UNSURE_ALONE);
            };
        if (yes != null) {
          voiceUnderstood++;
        } else if (engine != Engine.BEFORE) {
          keysOnly = true;
        }
      }
      if (yes == null) {
        return new Result(
            Outcome.HANDED_TO_A_PERSON, questions, voiceReadBacks, voiceUnderstood, answers);
      }
      if (yes) {
        return new Result(
            right ? Outcome.CONFIRMED_RIGHT : Outcome.WRONG_NUMBER_USED,
            questions,
            voiceReadBacks,
            voiceUnderstood,
            answers);
      }
      denied++;
      if (denied >= 2) {
        return new Result(
            Outcome.HANDED_TO_A_PERSON, questions, voiceReadBacks, voiceUnderstood, answers);
      }
      captured = digits; // keyed after a "no"
      questions++;
      keysOnly = true;
    }
  }

  private static String answer(Words words, boolean right, Random choice) {
    if (words == Words.YES_NO) {
      return right ? "yes" : "no";
    }
    List<String> said = right ? CALLER_YES : CALLER_NO;
    return said.get(choice.nextInt(said.size()));
  }

  private static Transcript recognize(
      SpeechRecognizer asr, short[] answer, Engine engine, TelephoneChannel line, Random random) {
    short[] heard = line.carry(NoisyReplyBenchmark.pad(answer), random);
    audioSeconds += heard.length / 8000.0;
    RecognitionOptions options =
        RecognitionOptions.grammar("en", engine == Engine.BEFORE ? BEFORE_GRAMMAR : AFTER_GRAMMAR)
            .withAlternatives(
                engine == Engine.SURE_YES || engine == Engine.LONE_RIGHT_UNSURE ? ALTERNATIVES : 0);
    return NoisyReplyBenchmark.stream(asr, heard, options);
  }

  static boolean validLength(String digits) {
    return digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS;
  }

  /** The old reading: the text, without {@code [unk]}, is exactly "yes" or "no". */
  static Boolean exactYesNo(String text) {
    String t = text.toLowerCase(Locale.ROOT).replace("[unk]", " ").strip().replaceAll("\\s+", " ");
    return t.equals("yes") ? Boolean.TRUE : t.equals("no") ? Boolean.FALSE : null;
  }

  /** The IVR's reading ({@link SpokenYesNo}): true for a yes, false for a no, null when unclear. */
  static Boolean parse(String text) {
    return switch (SpokenYesNo.parse(text)) {
      case YES -> Boolean.TRUE;
      case NO -> Boolean.FALSE;
      case UNCLEAR -> null;
    };
  }

  /**
   * The IVR's reading from ADR 0050's addendum on ({@link SpokenYesNo#parse(String, java.util.Map,
   * double, Set)} at {@link #MIN_YES_SHARE}): a yes only when the alternatives hold it surely and
   * it is not one of {@code unsureAlone} alone.
   */
  static Boolean sureParse(Transcript heard, Set<String> unsureAlone) {
    return switch (SpokenYesNo.parse(
        heard.text(), heard.sharesByText(), MIN_YES_SHARE, unsureAlone)) {
      case YES -> Boolean.TRUE;
      case NO -> Boolean.FALSE;
      case UNCLEAR -> null;
    };
  }
}
