package io.contactcenter.qa.internal;

import io.contactcenter.asrtts.AudioClip;
import io.contactcenter.qa.Speaker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;

/**
 * Works the transcription queue: claims a due recording under a lease, transcribes it, stores the
 * transcript while it still holds the lease, and has it scored. The lease is renewed while the work
 * goes on; a worker that dies leaves its recording to be taken over when the lease expires, by this
 * instance after a restart or by another. Runs on its own platform threads (the speech engine is
 * native code and keeps a core busy).
 */
final class TranscriptionWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TranscriptionWorker.class);

  /** The most a recording file may hold: about 3 h 40 min of 8 kHz 16-bit audio. */
  static final long MAX_RECORDING_BYTES = 256L * 1024 * 1024;

  private final JdbcTranscriptionQueue queue;
  private final RecordingTranscriber transcriber;
  private final ConversationScoring scoring;
  private final QaProperties.Transcription properties;
  private final Clock clock;
  private final String owner = "qa-" + UUID.randomUUID();
  private volatile ScheduledExecutorService executor;

  TranscriptionWorker(
      JdbcTranscriptionQueue queue,
      RecordingTranscriber transcriber,
      ConversationScoring scoring,
      QaProperties.Transcription properties,
      Clock clock) {
    this.queue = queue;
    this.transcriber = transcriber;
    this.scoring = scoring;
    this.properties = properties;
    this.clock = clock;
  }

  /** Thrown from the progress callback when another worker took the recording over. */
  static final class LeaseLostException extends RuntimeException {
    LeaseLostException(String conversationId) {
      super("lease on " + conversationId + " lost");
    }
  }

  @Override
  public void start() {
    executor =
        Executors.newScheduledThreadPool(
            properties.workers(), Thread.ofPlatform().name("qa-transcription-", 0).factory());
    long poll = properties.pollInterval().toMillis();
    for (int i = 0; i < properties.workers(); i++) {
      executor.scheduleWithFixedDelay(this::drain, poll / 2, poll, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService running = executor;
    executor = null;
    if (running != null) {
      // Interrupts a transcription in progress; its lease then expires and the recording is
      // taken over, so nothing is lost and nothing is stored twice.
      running.shutdownNow();
      try {
        running.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }

  /** Transcribes due recordings until none is left. */
  void drain() {
    try {
      while (!Thread.currentThread().isInterrupted() && workOne()) {
        // next
      }
    } catch (RuntimeException e) {
      // Never let the schedule die (the database may be briefly away); the next poll retries.
      log.warn("transcription queue poll failed: {}", e.toString());
    }
  }

  /** Claims and transcribes one due recording; false when none was due. */
  boolean workOne() {
    Optional<JdbcTranscriptionQueue.Claim> claimed =
        queue.claim(owner, clock.instant(), properties.lease());
    if (claimed.isEmpty()) {
      return false;
    }
    JdbcTranscriptionQueue.Claim claim = claimed.get();
    MDC.put("callId", claim.conversationId());
    try {
      process(claim);
    } finally {
      MDC.remove("callId");
    }
    return true;
  }

  private void process(JdbcTranscriptionQueue.Claim claim) {
    String id = claim.conversationId();
    long started = System.nanoTime();
    RecordingTranscriber.Result result;
    try {
      Lease lease = new Lease(id);
      JdbcTranscriptionQueue.Legs legs = claim.legs();
      if (legs == null) {
        AudioClip clip = AudioClip.fromWav(read(Path.of(claim.recording())));
        result = transcriber.transcribe(clip, claim.language(), Speaker.UNKNOWN, lease::renewIfDue);
      } else {
        // Each direction apart: every word has its speaker, and both speaking at once shows.
        RecordingTranscriber.Result customer =
            transcriber.transcribe(
                AudioClip.fromWav(read(Path.of(legs.received()))),
                claim.language(),
                Speaker.CUSTOMER,
                lease::renewIfDue);
        RecordingTranscriber.Result heard =
            transcriber.transcribe(
                AudioClip.fromWav(read(Path.of(legs.sent()))),
                claim.language(),
                legs.sentSpeaker(),
                lease::renewIfDue);
        result = RecordingTranscriber.Result.merge(customer, heard);
      }
    } catch (LeaseLostException e) {
      log.info("recording {} was taken over by another worker; result dropped", id);
      return;
    } catch (IOException | RuntimeException e) {
      boolean giveUp = claim.tries() >= properties.maxTries();
      log.warn(
          "transcription of {} failed (try {} of {}): {}",
          id,
          claim.tries(),
          properties.maxTries(),
          e.toString());
      Instant retryAt = clock.instant().plus(properties.pollInterval().multipliedBy(claim.tries()));
      queue.failed(id, owner, describe(e), giveUp, retryAt);
      return;
    }
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    if (queue.complete(id, owner, result.words(), result.durationMs(), tookMs, clock.instant())) {
      log.info(
          "transcribed {}: {} words in {} ms of audio, took {} ms",
          id,
          result.words().size(),
          result.durationMs(),
          tookMs);
      scoring.score(id);
    } else {
      log.info("recording {} was taken over by another worker; result dropped", id);
    }
  }

  private static byte[] read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_RECORDING_BYTES) {
      throw new IllegalArgumentException(
          "recording holds " + size + " bytes, more than " + MAX_RECORDING_BYTES);
    }
    return Files.readAllBytes(file);
  }

  private static String describe(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "recording file missing: " + e.getMessage();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Renews the claim when half of the lease has passed. */
  private final class Lease {
    private final String id;
    private Instant renewAt;

    Lease(String id) {
      this.id = id;
      this.renewAt = clock.instant().plus(properties.lease().dividedBy(2));
    }

    void renewIfDue() {
      if (Thread.currentThread().isInterrupted()) {
        throw new LeaseLostException(id);
      }
      Instant now = clock.instant();
      if (now.isBefore(renewAt)) {
        return;
      }
      if (!queue.renew(id, owner, now.plus(properties.lease()))) {
        throw new LeaseLostException(id);
      }
      renewAt = now.plus(properties.lease().dividedBy(2));
    }
  }

  /** This worker's lease owner name (for tests and logs). */
  String owner() {
    return owner;
  }

  Duration lease() {
    return properties.lease();
  }
}
