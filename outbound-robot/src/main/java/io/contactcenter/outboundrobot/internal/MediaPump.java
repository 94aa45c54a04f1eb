package io.contactcenter.outboundrobot.internal;

import io.contactcenter.pbx.CallerHungUpException;
import io.contactcenter.pbx.MediaEvent;
import io.contactcenter.pbx.MediaSession;
import java.time.Duration;
import java.util.Optional;

/**
 * The one loop that reads a robot call's media events (audio frames, keys, the hang-up, and the
 * timeouts in between) and hands each to the handler of the step that is running: the disclosure, a
 * prompt, a listening turn. The handler says when its step is over and with what.
 *
 * <p>The hang-up is the same for every step: it ends the call at once with {@link
 * CallerHungUpException}. One per call, run by the call's thread.
 */
final class MediaPump {

  /**
   * How long one wait for the next event lasts: short enough that a step's clocks (the end of a
   * prompt, the no-speech timeout) are looked at every 40 ms even when no audio comes.
   */
  static final Duration FRAME_WAIT = Duration.ofMillis(40);

  /**
   * What one step does with the call's media events. Every method returns the step's result to end
   * it, or empty to go on; the defaults ignore the event.
   *
   * @param <T> what the step ends with
   */
  interface Handler<T> {

    /**
     * Looked at before each wait for an event, so also when none came within {@link #FRAME_WAIT}:
     * whether the step is over by its own clock or state (the prompt has played, the callee fell
     * silent, the recognizer ended the utterance).
     */
    default Optional<T> check() {
      return Optional.empty();
    }

    /** A 20 ms frame of the callee's audio. */
    default Optional<T> audio(MediaEvent.Audio audio) {
      return Optional.empty();
    }

    /** A key the callee pressed. */
    default Optional<T> dtmf(char digit) {
      return Optional.empty();
    }
  }

  private final MediaSession media;

  MediaPump(MediaSession media) {
    this.media = media;
  }

  MediaSession media() {
    return media;
  }

  /**
   * Feeds the call's events to {@code handler} until it ends its step.
   *
   * @return what the step ended with
   * @throws CallerHungUpException when the callee hangs up first
   */
  <T> T run(Handler<T> handler) {
    while (true) {
      Optional<T> done = handler.check();
      if (done.isPresent()) {
        return done.get();
      }
      Optional<MediaEvent> next = media.next(FRAME_WAIT);
      if (next.isEmpty()) {
        continue;
      }
      done =
          switch (next.get()) {
            case MediaEvent.Audio audio -> handler.audio(audio);
            case MediaEvent.Dtmf dtmf -> handler.dtmf(dtmf.digit());
            case MediaEvent.Hangup hangup -> throw new CallerHungUpException(media.callId(), null);
          };
      if (done.isPresent()) {
        return done.get();
      }
    }
  }

  /**
   * Waits until the prompt playing has been heard to the end; audio and keys meanwhile are lost.
   */
  void untilPlayed() {
    run(
        new Handler<Boolean>() {
          @Override
          public Optional<Boolean> check() {
            return media.isPlaying() ? Optional.empty() : Optional.of(true);
          }
        });
  }
}
