package io.contactcenter.qa;

/** Where a recording is in the transcription queue. */
public enum TranscriptionState {
  /** Waiting for, or being worked on by, a transcription worker. */
  PENDING,
  /** Transcribed (and scored). */
  DONE,
  /** Given up on after the configured tries (unreadable or unsupported audio); see the failure. */
  FAILED
}
