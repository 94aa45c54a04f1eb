package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.CallerHungUpException;
import io.contactcenter.pbx.ChannelFailedException;
import io.contactcenter.pbx.MediaEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Inbound events of one media session between the socket reader and the consumer.
 *
 * <p>The reader must never wait for the consumer (Asterisk would stall the channel behind a full
 * socket), so audio is bounded by dropping the oldest frame: a late recognizer loses stale audio,
 * not the words being spoken now. Key presses and the end are never dropped.
 */
final class InboundMedia {

  private final String callId;
  private final int maxAudioFrames;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<MediaEvent> events = new ArrayDeque<>();
  private int audioFrames;
  private long dropped;
  private boolean ended;
  private boolean endDelivered;

  InboundMedia(String callId, int maxAudioFrames) {
    this.callId = callId;
    this.maxAudioFrames = maxAudioFrames;
  }

  /** A frame that arrived at {@code receivedNanos} ({@link System#nanoTime()}). */
  void audio(byte[] pcm, long receivedNanos) {
    lock.lock();
    try {
      if (ended) {
        return;
      }
      if (audioFrames >= maxAudioFrames) {
        dropOldestAudio();
      }
      events.add(new MediaEvent.Audio(pcm, receivedNanos));
      audioFrames++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void dtmf(char digit) {
    lock.lock();
    try {
      if (!ended) {
        events.add(new MediaEvent.Dtmf(digit));
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** No more events will come; queued ones are still delivered, then {@link MediaEvent.Hangup}. */
  void end() {
    lock.lock();
    try {
      ended = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Audio frames dropped so far because the consumer fell behind. */
  long dropped() {
    lock.lock();
    try {
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  Optional<MediaEvent> next(Duration timeout) {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (events.isEmpty() && !ended && remaining > 0) {
        remaining = changed.awaitNanos(remaining);
      }
      MediaEvent event = events.poll();
      if (event != null) {
        if (event instanceof MediaEvent.Audio) {
          audioFrames--;
        }
        return Optional.of(event);
      }
      if (ended) {
        if (endDelivered) {
          throw new CallerHungUpException(callId, null);
        }
        endDelivered = true;
        return Optional.of(new MediaEvent.Hangup());
      }
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelFailedException("interrupted while waiting for media on call " + callId, e);
    } finally {
      lock.unlock();
    }
  }

  private void dropOldestAudio() {
    for (Iterator<MediaEvent> it = events.iterator(); it.hasNext(); ) {
      if (it.next() instanceof MediaEvent.Audio) {
        it.remove();
        audioFrames--;
        dropped++;
        return;
      }
    }
  }

  static int framesFor(Duration buffer) {
    return (int) Math.max(1, buffer.toNanos() / TimeUnit.MILLISECONDS.toNanos(20));
  }
}
