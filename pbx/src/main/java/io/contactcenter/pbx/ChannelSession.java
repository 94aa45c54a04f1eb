package io.contactcenter.pbx;

import java.time.Duration;
import java.util.Optional;

/**
 * One live call as seen by a {@link io.contactcenter.pbx.spi.CallHandler}: the operations an IVR
 * flow or the robot needs, with Asterisk hidden behind them.
 *
 * <p>Not thread-safe: one handler thread drives one session. Every method blocks until Asterisk
 * answers. When the caller hangs up, the next call on the session throws {@link
 * CallerHungUpException}; any other failure throws {@link ChannelFailedException}. Sound names are
 * Asterisk sound files without extension (letters, digits, {@code _ - /}), never paths with {@code
 * ..}.
 */
public interface ChannelSession {

  /** Asterisk's unique id of this channel. */
  String callId();

  /** The caller id number as Asterisk reports it (may be empty or not a phone number). */
  String callerNumber();

  /** The number the caller dialed (the extension that reached this handler). */
  String dialedNumber();

  /** Our attempt id, when the call was originated by us. */
  Optional<String> attemptId();

  void answer();

  /** Plays a sound to the end; the caller cannot interrupt it. */
  void play(String sound);

  /**
   * Plays a sound that the caller may interrupt with one of {@code escapeDigits}.
   *
   * @return the digit that interrupted it, or empty if it played to the end
   */
  Optional<Character> playInterruptible(String sound, String escapeDigits);

  /** Speaks each digit of {@code digits} (0-9, *, #). */
  void sayDigits(String digits);

  void sayNumber(long number);

  /**
   * Plays {@code prompt} (interruptible by the first key) and collects DTMF digits until {@code
   * maxDigits} are pressed, '#' is pressed, or {@code timeout} passes without a key.
   */
  DtmfInput collectDigits(String prompt, int maxDigits, Duration timeout);

  /**
   * Records the caller to {@code fileName} (a name, no path) in WAV format until silence, a key, or
   * {@code maxDuration}.
   */
  void record(String fileName, Duration maxDuration);

  void setVariable(String name, String value);

  Optional<String> getVariable(String name);

  /** Leaves the handler and puts the caller into the named queue once the handler returns. */
  void transferToQueue(String queue);

  /** Leaves the handler and continues the call at {@code extension} in {@code context}. */
  void transferTo(String context, String extension);

  void hangup();

  /**
   * Opens the call's live audio in both directions (streaming recognition, barge-in). The call must
   * be answered. Until the returned session is closed, no other operation may be used on this
   * session; close it in try-with-resources.
   *
   * @throws ChannelFailedException if Asterisk did not connect the stream in time
   * @throws IllegalStateException if media is already open on this call
   */
  MediaSession openMedia();
}
