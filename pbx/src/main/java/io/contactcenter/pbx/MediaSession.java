package io.contactcenter.pbx;

import java.time.Duration;
import java.util.Optional;

/**
 * The live audio of one answered call, both directions, in real time: what the caller says arrives
 * as 20 ms frames while the robot speaks, so a recognizer can listen during a prompt and the prompt
 * can be cut off the moment the caller talks (barge-in). Opened with {@link
 * ChannelSession#openMedia()}.
 *
 * <p>Audio is signed 16-bit little-endian PCM, 8 kHz, mono (320 bytes per 20 ms) both ways.
 *
 * <p>Threading: {@link #next} is for one consuming thread at a time; {@link #play}, {@link
 * #stopPlayback}, {@link #isPlaying}, {@link #played} and {@link #close} are thread-safe and never
 * block on the network, so a recognizer thread may stop a prompt another thread started. Inbound
 * audio is buffered for about two seconds; a consumer that falls further behind loses the oldest
 * frames, never the newest. Outbound audio is sent at real-time pace by the session itself.
 *
 * <p>While the session is open the call's channel is busy streaming: use no other {@link
 * ChannelSession} operation until {@link #close()} has returned.
 */
public interface MediaSession extends AutoCloseable {

  /** Asterisk's unique id of the call's channel (the same as {@link ChannelSession#callId()}). */
  String callId();

  /**
   * Waits up to {@code timeout} for the next inbound event.
   *
   * @return the event, or empty if nothing arrived in time; {@link MediaEvent.Hangup} once when the
   *     stream has ended
   * @throws CallerHungUpException when called again after {@link MediaEvent.Hangup} was returned
   * @throws IllegalStateException after {@link #close()}
   */
  Optional<MediaEvent> next(Duration timeout);

  /**
   * Queues audio to be spoken after whatever is already queued, and returns at once. An odd last
   * byte is not allowed; a partial last frame is padded with silence.
   *
   * @param pcm16le8k signed 16-bit little-endian PCM, 8 kHz, mono
   * @throws IllegalArgumentException if the length is odd
   */
  void play(byte[] pcm16le8k);

  /** Drops all queued audio at once (barge-in); the caller hears at most one more frame. */
  void stopPlayback();

  /** Whether queued audio is still being spoken. */
  boolean isPlaying();

  /**
   * How much of the current prompt the caller has heard: audio sent since {@link #play} was called
   * on an idle session. Kept after the prompt ends or is stopped, until the next prompt starts.
   */
  Duration played();

  /**
   * Ends the stream and waits (a few seconds at most) until Asterisk has released the channel, so
   * that {@link ChannelSession} operations (set a variable, transfer, hang up) work again.
   * Idempotent.
   */
  @Override
  void close();
}
