package io.contactcenter.outboundrobot.internal.domain;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells an answering machine (a voicemail greeting, a network announcement) from a person, from
 * what the callee sends while the robot plays its opening disclosure. A person who picks up says
 * "hello?" and waits; a machine talks on regardless.
 *
 * <p>Machine when either:
 *
 * <ul>
 *   <li>the callee speaks continuously, with no pause of {@link Settings#pause()} or longer, for
 *       {@link Settings#continuousSpeech()} or longer (synthesized and recorded greetings pause
 *       about 0.4 to 0.7 s between sentences; a person waiting for an answer pauses longer);
 *   <li>or what was recognized contains a phrase greetings and announcements use: "leave a
 *       message", "after the tone", "voicemail", "not available", 留言, 语音信箱, 无法接通, 请在提示音后, ...
 *       ({@link #VOICEMAIL_PHRASES}).
 * </ul>
 *
 * <p>Never decides "person": a callee who is not found to be a machine is treated as one. Fed in
 * audio order; not thread-safe, one instance per call.
 */
public final class AnsweringMachineDetector {

  /**
   * How the detector decides.
   *
   * @param continuousSpeech speech without a pause at least this long means a machine
   * @param pause silence at least this long ends a stretch of speech
   * @param speechLevel frame level in dBFS above which a frame counts as speech
   */
  public record Settings(Duration continuousSpeech, Duration pause, double speechLevel) {

    /** 3.5 s of speech, 800 ms pauses, -42 dBFS (the recognizer's own speech threshold). */
    public static final Settings DEFAULT =
        new Settings(Duration.ofMillis(3500), Duration.ofMillis(800), -42);

    public Settings {
      Objects.requireNonNull(continuousSpeech, "continuousSpeech is required");
      Objects.requireNonNull(pause, "pause is required");
      if (continuousSpeech.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException(
            "continuousSpeech must be at least 1 s, was " + continuousSpeech);
      }
      if (pause.compareTo(Duration.ofMillis(100)) < 0 || pause.compareTo(continuousSpeech) >= 0) {
        throw new IllegalArgumentException(
            "pause must be at least 100 ms and shorter than continuousSpeech, was " + pause);
      }
      if (!(speechLevel < 0 && speechLevel > -96)) {
        throw new IllegalArgumentException(
            "speechLevel must be between -96 and 0 dBFS, was " + speechLevel);
      }
    }
  }

  /**
   * Phrases of voicemail greetings and network announcements, English (whole words, in the
   * recognizer's lower-case output) and Chinese (spaces between recognized words ignored).
   */
  static final List<String> VOICEMAIL_PHRASES =
      List.of(
          "voicemail",
          "voice mail",
          "mailbox",
          "leave a message",
          "leave your message",
          "leave me a message",
          "record your message",
          "after the tone",
          "after the beep",
          "at the tone",
          "not available",
          "unavailable",
          "can't take your call",
          "cannot take your call",
          "留言",
          "语音信箱",
          "无法接通",
          "无法接听",
          "请在提示音后",
          "请在嘀声后",
          "不在服务区",
          "已关机");

  private static final Pattern ENGLISH_PHRASES =
      Pattern.compile(
          "\\b("
              + String.join(
                  "|",
                  VOICEMAIL_PHRASES.stream()
                      .filter(p -> p.chars().allMatch(c -> c < 0x80))
                      .map(Pattern::quote)
                      .toList())
              + ")\\b");
  private static final List<String> CHINESE_PHRASES =
      VOICEMAIL_PHRASES.stream().filter(p -> p.chars().anyMatch(c -> c >= 0x80)).toList();

  private static final int SAMPLE_RATE = 8000;

  private final Settings settings;
  private long position; // samples of callee audio seen
  private long speechStart = -1; // sample where the current stretch of speech began, -1 if none
  private long lastSpeech = -1; // sample after the last speech frame
  private String heard = "";
  private String reason;

  public AnsweringMachineDetector(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings are required");
  }

  /**
   * The next piece of the callee's audio, usually one 20 ms frame.
   *
   * @param pcm16le8k signed 16-bit little-endian PCM, 8 kHz, mono
   */
  public void audio(byte[] pcm16le8k) {
    int samples = pcm16le8k.length / 2;
    if (samples == 0) {
      return;
    }
    long start = position;
    position += samples;
    if (level(pcm16le8k) >= settings.speechLevel()) {
      if (speechStart < 0
          || samplesToDuration(start - lastSpeech).compareTo(settings.pause()) >= 0) {
        speechStart = start;
      }
      lastSpeech = position;
      Duration stretch = samplesToDuration(lastSpeech - speechStart);
      if (reason == null && stretch.compareTo(settings.continuousSpeech()) >= 0) {
        reason =
            "spoke "
                + stretch.toMillis()
                + " ms without a pause of "
                + settings.pause().toMillis()
                + " ms";
      }
    }
  }

  /** What the recognizer has made of the callee's audio so far (replaces what it said before). */
  public void heard(String text) {
    heard = text == null ? "" : text.strip();
    if (reason == null) {
      phraseIn(heard).ifPresent(phrase -> reason = "said \"" + phrase + "\"");
    }
  }

  /** Whether a machine answered. Once true, stays true. */
  public boolean isMachine() {
    return reason != null;
  }

  /** Why it is a machine, for logs and the call record; empty while it is not. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /** Whether the callee is in a stretch of speech now (spoke less than a pause ago). */
  public boolean speaking() {
    return speechStart >= 0
        && samplesToDuration(position - lastSpeech).compareTo(settings.pause()) < 0;
  }

  /** Everything recognized so far. */
  public String heard() {
    return heard;
  }

  /** The first voicemail or announcement phrase in a transcript, if there is one. */
  static Optional<String> phraseIn(String transcript) {
    String text = transcript.toLowerCase(Locale.ROOT).replace('’', '\'');
    var english = ENGLISH_PHRASES.matcher(text.replaceAll("[^\\p{L}\\p{N}']+", " "));
    if (english.find()) {
      return Optional.of(english.group(1));
    }
    String joined = text.replaceAll("\\s+", "");
    return CHINESE_PHRASES.stream().filter(joined::contains).findFirst();
  }

  /** The RMS level of a frame in dBFS; silence is -96. */
  static double level(byte[] pcm16le) {
    int samples = pcm16le.length / 2;
    double sum = 0;
    for (int i = 0; i < samples; i++) {
      int sample = (short) ((pcm16le[2 * i] & 0xff) | (pcm16le[2 * i + 1] << 8));
      sum += (double) sample * sample;
    }
    double rms = Math.sqrt(sum / samples);
    return rms < 1 ? -96 : 20 * Math.log10(rms / 32768);
  }

  private static Duration samplesToDuration(long samples) {
    return Duration.ofMillis(samples * 1000 / SAMPLE_RATE);
  }
}
