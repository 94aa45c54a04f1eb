package io.contactcenter.ivr.internal;

import io.contactcenter.asrtts.AudioEncoding;
import io.contactcenter.asrtts.PromptTemplate;
import io.contactcenter.asrtts.RecognitionOptions;
import io.contactcenter.asrtts.RecognitionStream;
import io.contactcenter.asrtts.SpeechRecognizer;
import io.contactcenter.asrtts.SpeechSynthesizer;
import io.contactcenter.asrtts.Transcript;
import io.contactcenter.common.SpokenYesNo;
import io.contactcenter.ivr.internal.domain.CallerInput;
import io.contactcenter.ivr.internal.domain.IvrStep;
import io.contactcenter.ivr.internal.domain.Prompt;
import io.contactcenter.ivr.internal.domain.SpokenDigits;
import io.contactcenter.pbx.CallerHungUpException;
import io.contactcenter.pbx.ChannelSession;
import io.contactcenter.pbx.MediaEvent;
import io.contactcenter.pbx.MediaSession;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prompts spoken from the flow's texts (the synthesizer picks the voice for the language), answers
 * by keys and by speech at once over the call's live media: the question's phrase grammar (plus
 * {@code [unk]}) makes anything else a no-match. The caller's first key or first recognized word
 * stops the prompt (barge-in).
 *
 * <p>A prompt is spoken in parts ({@link #parts}): the first part starts as soon as it is
 * synthesized and the others are synthesized while it plays, so a prompt with a caller's own values
 * (a read-back of the number just said) starts with its fixed words, from the synthesizer's cache,
 * instead of after the whole text was rendered; a number in it is said one character at a time,
 * each from the cache ({@link #pieces}). A spoken answer that is already complete (a menu's whole
 * phrase, a number of the most digits) ends after {@code earlyEnd} of silence instead of the
 * recognizer's trailing silence.
 *
 * <p>The input timeout is the time the caller has to start answering after the prompt. Once words
 * are heard the answer ends when the recognizer's utterance does (its trailing silence, or its
 * longest utterance), not in the middle of a word; and a number that is still shorter than the
 * question's fewest digits (callers say numbers in groups, and pause between them) is listened to
 * for {@code numberPause} more, like the inter-key timeout of keys, and its next group joins it.
 */
final class SpeechCallerChannel implements CallerChannel {

  private static final Logger log = LoggerFactory.getLogger(SpeechCallerChannel.class);
  private static final Duration FRAME_WAIT = Duration.ofMillis(40);

  /** The pause kept after a character of a number read back one at a time. */
  static final int DIGIT_GAP_MILLIS = 200;

  private static final Pattern DIGITS_VALUE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*):digits}");

  /** Peak amplitude (of 32767) below which synthesized audio is quiet. */
  private static final int QUIET = 300;

  /**
   * How long an answer begun before the input timeout may go on after it, should the recognizer not
   * end it (longer than its longest utterance, 15 s by default).
   */
  private static final Duration LONGEST_LATE_ANSWER = Duration.ofSeconds(30);

  private final ChannelSession call;
  private final SpeechSynthesizer tts;
  private final SpeechRecognizer asr;
  private final Duration inputTimeout;
  private final Duration earlyEnd;
  private final boolean inParts;
  private final Duration numberPause;
  private final Predicate<String> wholeNumber;
  private MediaSession media;

  /**
   * @param earlyEnd silence after a complete spoken answer that ends it; zero waits for the
   *     recognizer's own trailing silence
   */
  SpeechCallerChannel(
      ChannelSession call,
      SpeechSynthesizer tts,
      SpeechRecognizer asr,
      Duration inputTimeout,
      Duration earlyEnd) {
    this(call, tts, asr, inputTimeout, earlyEnd, true);
  }

  /**
   * @param inParts whether a prompt is spoken in parts ({@link #parts}), the first while the others
   *     are synthesized; otherwise it is synthesized whole before it starts
   */
  SpeechCallerChannel(
      ChannelSession call,
      SpeechSynthesizer tts,
      SpeechRecognizer asr,
      Duration inputTimeout,
      Duration earlyEnd,
      boolean inParts) {
    this(call, tts, asr, inputTimeout, earlyEnd, inParts, Duration.ZERO);
  }

  /**
   * @param numberPause how long a spoken number with fewer digits than the question's fewest is
   *     listened to after the recognizer ended its utterance, for the rest of it; zero ends it with
   *     the utterance
   */
  SpeechCallerChannel(
      ChannelSession call,
      SpeechSynthesizer tts,
      SpeechRecognizer asr,
      Duration inputTimeout,
      Duration earlyEnd,
      boolean inParts,
      Duration numberPause) {
    this(call, tts, asr, inputTimeout, earlyEnd, inParts, numberPause, digits -> false);
  }

  /**
   * @param wholeNumber whether the digits of a spoken number are a whole one as far as the data can
   *     tell (a known order that no longer order number begins with: {@link
   *     OrderLookup#isWholeNumber}); such a number ends after {@code earlyEnd} of silence, as one
   *     of the question's most digits does. Asked at most once per digit string and question, on
   *     the call's thread
   */
  SpeechCallerChannel(
      ChannelSession call,
      SpeechSynthesizer tts,
      SpeechRecognizer asr,
      Duration inputTimeout,
      Duration earlyEnd,
      boolean inParts,
      Duration numberPause,
      Predicate<String> wholeNumber) {
    this.call = call;
    this.tts = tts;
    this.asr = asr;
    this.inputTimeout = inputTimeout;
    this.earlyEnd = earlyEnd;
    this.inParts = inParts;
    this.numberPause = numberPause;
    this.wholeNumber = wholeNumber;
  }

  private MediaSession media() {
    if (media == null) {
      media = call.openMedia();
    }
    return media;
  }

  /** A prompt's text in a language with its values, worded for speaking. */
  static String render(Prompt prompt, Map<String, Object> values, String language) {
    return render(prompt.text(language), values, language);
  }

  /**
   * A prompt's text cut where it may be spoken in parts without changing what is said: after each
   * sentence (outside a value's braces), and in the first sentence before its first value when
   * words precede it ("I heard" | "{order_number:digits}." | "Is that right?"). A text without such
   * a place is one part.
   */
  static List<String> parts(String text) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int depth = 0;
    boolean valueSeen = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        if (depth == 0 && !valueSeen && parts.isEmpty() && !text.substring(start, i).isBlank()) {
          parts.add(text.substring(start, i).strip());
          start = i;
        }
        valueSeen = true;
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && endsSentence(text, i)) {
        if (!text.substring(start, i + 1).isBlank()) {
          parts.add(text.substring(start, i + 1).strip());
        }
        start = i + 1;
      }
    }
    if (!text.substring(start).isBlank()) {
      parts.add(text.substring(start).strip());
    }
    return parts.isEmpty() ? List.of(text) : parts;
  }

  private static boolean endsSentence(String text, int i) {
    char c = text.charAt(i);
    if (c == '。' || c == '？' || c == '！') {
      return true;
    }
    return (c == '.' || c == '?' || c == '!')
        && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
  }

  static String render(String text, Map<String, Object> values, String language) {
    PromptTemplate template = PromptTemplate.of(text);
    Map<String, Object> used = new LinkedHashMap<>();
    for (String name : template.variables()) {
      Object value = values.get(name);
      if (value != null) {
        used.put(name, value);
      }
    }
    if (!"zh".equals(language)) {
      return template.render(used);
    }
    // PromptTemplate words values in English; a Chinese voice reads digits and dates as written.
    String out = text;
    for (Map.Entry<String, Object> e : used.entrySet()) {
      Object v = e.getValue();
      String said =
          v instanceof LocalDate d
              ? d.getMonthValue() + "月" + d.getDayOfMonth() + "日"
              : String.join(" ", v.toString().split(""));
      out = out.replaceAll("\\{" + e.getKey() + "(:[a-z]+)?}", Matcher.quoteReplacement(said));
    }
    return out;
  }

  /** Starts speaking a prompt: its first part now, the others as they are synthesized. */
  private Speaking speak(
      MediaSession m, Prompt prompt, Map<String, Object> values, String language) {
    if (!inParts) {
      return new Speaking(m, List.of(new Piece(render(prompt, values, language), false)));
    }
    List<Piece> pieces = new ArrayList<>();
    for (String part : parts(prompt.text(language))) {
      pieces.addAll(pieces(part, values, language));
    }
    return new Speaking(m, pieces);
  }

  /**
   * A text to synthesize and play.
   *
   * @param tight whether its trailing quiet is cut to {@link #DIGIT_GAP_MILLIS}: a character of a
   *     number read back one at a time, which the next character follows
   */
  record Piece(String text, boolean tight) {}

  /**
   * A part's texts, in order. A part with a {@code digits} value of two or more characters (an
   * order number read back) is said one character at a time: the words before the value, then each
   * character alone ("four," "seven,"), the last with the words after the value ("one."). Each
   * character's text is the same on every call, so it comes from the synthesizer's cache instead of
   * being synthesized for each caller's number (ADR 0062: under load those syntheses took the CPU
   * that the next caller's prompt after a key waited for). Any other part is one text.
   */
  static List<Piece> pieces(String part, Map<String, Object> values, String language) {
    Matcher value = DIGITS_VALUE.matcher(part);
    Object chars = value.find() ? values.get(value.group(1)) : null;
    // What is said of the value: its digits and letters ("A-2026" is said "A, two, zero, …").
    String said =
        chars == null
            ? ""
            : chars
                .toString()
                .codePoints()
                .filter(Character::isLetterOrDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    if (said.length() < 2) {
      return List.of(new Piece(render(part, values, language), false));
    }
    List<Piece> out = new ArrayList<>();
    String before = part.substring(0, value.start());
    if (!before.isBlank()) {
      out.add(new Piece(render(before.strip(), values, language), false));
    }
    String pause = "zh".equals(language) ? "，" : ",";
    for (int i = 0; i < said.length(); i++) {
      boolean last = i == said.length() - 1;
      Map<String, Object> one = new LinkedHashMap<>(values);
      one.put(value.group(1), String.valueOf(said.charAt(i)));
      String text = value.group() + (last ? part.substring(value.end()) : pause);
      out.add(new Piece(render(text, one, language).strip(), !last));
    }
    return out;
  }

  /** The audio with its trailing quiet cut to at most {@code keepMillis}. */
  static byte[] tightTail(byte[] pcm16le8k, int keepMillis) {
    int samples = pcm16le8k.length / 2;
    int last = samples - 1;
    while (last >= 0
        && Math.abs((short) ((pcm16le8k[2 * last] & 0xFF) | (pcm16le8k[2 * last + 1] << 8)))
            < QUIET) {
      last--;
    }
    int end = last + 1 + keepMillis * 8;
    return end >= samples ? pcm16le8k : Arrays.copyOf(pcm16le8k, 2 * end);
  }

  @Override
  public void say(Prompt prompt, Map<String, Object> values, String language) {
    MediaSession m = media();
    Speaking speaking = speak(m, prompt, values, language);
    try {
      while (speaking.isPlaying()) {
        Optional<MediaEvent> event = m.next(FRAME_WAIT);
        if (event.isPresent() && event.get() instanceof MediaEvent.Hangup) {
          throw new CallerHungUpException(call.callId(), null);
        }
      }
    } finally {
      speaking.abandon();
    }
  }

  @Override
  public CallerInput ask(IvrStep.Ask ask, String language) {
    MediaSession m = media();
    Speaking speaking = speak(m, ask.prompt(), ask.values(), language);
    RecognitionStream recognizer = listen(ask, language);
    try {
      StringBuilder keys = new StringBuilder();
      // The words of a number's earlier groups, while the rest of it is listened for.
      String heard = "";
      // What the order data said of each digit string heard in this answer: asked once.
      Map<String, Boolean> whole = new HashMap<>();
      long deadline = Long.MAX_VALUE;
      long restDeadline = Long.MAX_VALUE;
      while (true) {
        Optional<MediaEvent> event = m.next(FRAME_WAIT);
        if (event.isPresent()) {
          switch (event.get()) {
            case MediaEvent.Hangup h -> throw new CallerHungUpException(call.callId(), null);
            case MediaEvent.Dtmf dtmf -> {
              speaking.stop();
              if (dtmf.digit() == '#') {
                return new CallerInput.Keys(keys.toString());
              }
              keys.append(dtmf.digit());
              if (keys.length() >= ask.maxDigits()) {
                return new CallerInput.Keys(keys.toString());
              }
              deadline = System.nanoTime() + inputTimeout.toNanos();
            }
            case MediaEvent.Audio audio -> {
              if (recognizer != null && keys.isEmpty()) {
                recognizer.accept(audio.pcm(), AudioEncoding.PCM16_8K);
                boolean words = !recognizer.partialText().isBlank();
                if (speaking.isPlaying() && words) {
                  speaking.stop();
                }
                if (words) {
                  restDeadline = Long.MAX_VALUE; // the rest of the number is being said
                }
                if (recognizer.endOfSpeech() || completeAnswer(recognizer, ask, heard, whole)) {
                  Transcript said = recognizer.finish();
                  String text = join(heard, said.text());
                  if (!awaitsRest(text, ask)) {
                    return heard.isEmpty() ? speech(said) : new CallerInput.Speech(text);
                  }
                  heard = text;
                  recognizer.close();
                  recognizer = listen(ask, language);
                  restDeadline = System.nanoTime() + numberPause.toNanos();
                }
              }
            }
          }
        }
        long now = System.nanoTime();
        if (now > restDeadline) {
          // No more digits came: the number as said is the answer (the flow asks again).
          return new CallerInput.Speech(heard);
        }
        if (deadline == Long.MAX_VALUE && !speaking.isPlaying()) {
          deadline = now + inputTimeout.toNanos();
        }
        if (now > deadline) {
          if (!keys.isEmpty()) {
            return new CallerInput.Keys(keys.toString());
          }
          // The timeout is the time to start answering: a caller whose words are being heard is
          // not cut off in the middle of them (the recognizer ends the utterance, at its longest
          // after cc.asrtts.speech.max-utterance).
          boolean answering =
              !heard.isEmpty() || (recognizer != null && !recognizer.partialText().isBlank());
          if (!answering) {
            return new CallerInput.NoInput();
          }
          if (now > deadline + LONGEST_LATE_ANSWER.toNanos()) {
            // The line stopped carrying audio mid-answer: what was heard is the answer.
            return new CallerInput.Speech(join(heard, recognizer.finish().text()));
          }
        }
      }
    } finally {
      speaking.abandon();
      if (recognizer != null) {
        recognizer.close();
      }
    }
  }

  /** A recognition stream for the question's grammar; null for a question of keys only. */
  private RecognitionStream listen(IvrStep.Ask ask, String language) {
    return ask.phrases().isEmpty()
        ? null
        : asr.open(
            RecognitionOptions.grammar(language, ask.phrases())
                .withAlternatives(ask.alternatives()));
  }

  private static String join(String before, String after) {
    return (before + " " + after).strip();
  }

  /**
   * Whether what was said is a number still shorter than the question's fewest digits, to be
   * listened to for the rest: only digit words, at least one, fewer than {@code minDigits}.
   */
  private boolean awaitsRest(String text, IvrStep.Ask ask) {
    if (numberPause.isZero() || ask.maxDigits() <= 1) {
      return false;
    }
    String digits = SpokenDigits.parse(text);
    return !digits.isEmpty() && digits.length() < ask.minDigits();
  }

  /**
   * Whether what the caller said so far is a whole answer and they have paused for {@code
   * earlyEnd}: a phrase of the question's grammar that no longer phrase begins with ("order" is not
   * complete while "order status" is a phrase) unless every such phrase gives the same yes or no
   * ("yes" beside "yes it is"; not "it is" beside "it is not"), or, for a number, its most digits
   * or a number the data knows to be whole ({@link #knownWhole}). Anything the grammar does not
   * know ({@code [unk]}) waits for the recognizer's own end.
   */
  private boolean completeAnswer(
      RecognitionStream recognizer, IvrStep.Ask ask, String heard, Map<String, Boolean> whole) {
    if (earlyEnd.isZero() || recognizer.silenceAfterSpeech().compareTo(earlyEnd) < 0) {
      return false;
    }
    String said = join(heard, recognizer.partialText());
    return complete(said, ask) || knownWhole(said, ask, whole);
  }

  /**
   * Whether a spoken number of at least the question's fewest digits is one the data knows to be
   * whole: an order with exactly these digits and none longer that begins with them. A shorter
   * number, or one that could still grow into another known number, waits for the recognizer's
   * trailing silence (and, below the fewest digits, the number pause).
   */
  private boolean knownWhole(String said, IvrStep.Ask ask, Map<String, Boolean> whole) {
    if (ask.maxDigits() <= 1 || said.contains("[unk]")) {
      return false;
    }
    String digits = SpokenDigits.parse(said);
    if (digits.length() < ask.minDigits() || digits.length() > ask.maxDigits()) {
      return false;
    }
    return whole.computeIfAbsent(digits, wholeNumber::test);
  }

  static boolean complete(String partial, IvrStep.Ask ask) {
    String said = partial.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    if (said.isEmpty() || said.contains("[unk]")) {
      return false;
    }
    if (ask.maxDigits() > 1) {
      // A number's grammar is its digit words: one digit is a phrase, not a whole number.
      return SpokenDigits.parse(said).length() == ask.maxDigits();
    }
    List<String> phrases =
        ask.phrases().stream().map(p -> p.toLowerCase(Locale.ROOT).strip()).toList();
    return phrases.contains(said)
        && phrases.stream()
            .filter(p -> p.startsWith(said + " "))
            .allMatch(longer -> sameYesOrNo(said, longer));
  }

  /**
   * Whether two phrases give the same yes or no: then the longer one going on does not change the
   * answer ("yes" and "yes it is"), while "it is" and "it is not" differ, and so do a menu's
   * "order" and "order status" (neither is a yes or a no).
   */
  private static boolean sameYesOrNo(String phrase, String longer) {
    SpokenYesNo.Answer answer = SpokenYesNo.parse(phrase);
    return answer != SpokenYesNo.Answer.UNCLEAR && answer == SpokenYesNo.parse(longer);
  }

  private static CallerInput.Speech speech(Transcript heard) {
    return new CallerInput.Speech(heard.text(), heard.sharesByText());
  }

  /**
   * A prompt being spoken: its first part queued at once, the others synthesized and queued in
   * order on a virtual thread while it plays; stopped at once by barge-in, and nothing more is
   * queued once the question has its answer.
   */
  private final class Speaking {
    private final MediaSession m;
    private final Object lock = new Object();
    private volatile boolean stopped;
    private volatile boolean queued;

    Speaking(MediaSession m, List<Piece> pieces) {
      this.m = m;
      m.play(audio(pieces.getFirst()));
      if (pieces.size() == 1) {
        queued = true;
      } else {
        List<Piece> rest = List.copyOf(pieces.subList(1, pieces.size()));
        Thread.ofVirtual().name("ivr-prompt-" + call.callId()).start(() -> queue(rest));
      }
    }

    private byte[] audio(Piece piece) {
      byte[] pcm = tts.synthesize(piece.text(), null).pcm16le8k();
      return piece.tight() ? tightTail(pcm, DIGIT_GAP_MILLIS) : pcm;
    }

    private void queue(List<Piece> pieces) {
      try {
        for (Piece piece : pieces) {
          byte[] pcm = audio(piece);
          synchronized (lock) {
            if (stopped) {
              return;
            }
            m.play(pcm);
          }
        }
      } catch (RuntimeException e) {
        // The caller heard the first part; the question still waits for the answer.
        log.warn("call {}: the rest of a prompt could not be spoken", call.callId(), e);
      } finally {
        queued = true;
      }
    }

    /** Whether the prompt is still being spoken or has parts still to come. */
    boolean isPlaying() {
      return !stopped && (!queued || m.isPlaying());
    }

    /** Barge-in: drops what is queued and queues nothing more. */
    void stop() {
      synchronized (lock) {
        stopped = true;
        m.stopPlayback();
      }
    }

    /** Queues nothing more (what is queued plays out). */
    void abandon() {
      stopped = true;
    }
  }

  @Override
  public void close() {
    if (media != null) {
      media.close();
      media = null;
    }
  }
}
