package io.contactcenter.qa.internal;

import io.contactcenter.pbx.CallEnded;
import io.contactcenter.pbx.CallRecordings;
import io.contactcenter.qa.Speaker;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Queues the recording of every answered call leg that has one for transcription. Runs after the
 * publisher's transaction, in one of its own; the event publication registry delivers the event
 * again until this succeeds, and queuing twice changes nothing.
 */
class RecordingIntake {

  private static final Logger log = LoggerFactory.getLogger(RecordingIntake.class);

  private final CallRecordings recordings;
  private final JdbcTranscriptionQueue queue;
  private final RecordingLanguages languages;
  private final QaProperties.Transcription properties;
  private final Clock clock;

  RecordingIntake(
      CallRecordings recordings,
      JdbcTranscriptionQueue queue,
      RecordingLanguages languages,
      QaProperties.Transcription properties,
      Clock clock) {
    this.recordings = recordings;
    this.queue = queue;
    this.languages = languages;
    this.properties = properties;
    this.clock = clock;
  }

  @ApplicationModuleListener
  public void on(CallEnded ended) {
    if (ended.answeredAt() == null) {
      return;
    }
    Optional<Path> recording = recordings.find(ended.callId());
    if (recording.isEmpty()) {
      return;
    }
    Optional<String> robotLanguage = languages.of(ended.attemptId());
    String language = robotLanguage.orElse(properties.defaultLanguage());
    // On a robot call the recorded channel is the callee's: what it heard is the robot.
    Speaker heard = robotLanguage.isPresent() ? Speaker.ROBOT : Speaker.AGENT;
    JdbcTranscriptionQueue.Legs legs =
        recordings
            .legs(ended.callId())
            .map(
                l ->
                    new JdbcTranscriptionQueue.Legs(
                        l.received().toAbsolutePath().toString(),
                        l.sent().toAbsolutePath().toString(),
                        heard))
            .orElse(null);
    boolean queued =
        queue.enqueue(
            ended.callId(),
            ended.attemptId(),
            recording.get().toAbsolutePath().toString(),
            legs,
            language,
            ended.endedAt(),
            ended.endedAt().plus(properties.settle()),
            clock.instant());
    if (queued) {
      log.info(
          "recording of call {} queued for transcription ({}, {})",
          ended.callId(),
          language,
          legs == null ? "mixed" : "two legs");
    }
  }

  /** The language of a call, when the call says (a robot attempt's script language). */
  interface RecordingLanguages {
    Optional<String> of(String attemptId);
  }
}
