-- QA transcription queue (module qa): one row per recorded conversation, written when its call
-- ends. A worker claims a row with a lease (lease_owner, lease_until), transcribes the recording
-- and stores the words in the same row only while it still holds the lease, so a crashed worker's
-- row is taken over once its lease expires and the transcript is stored exactly once.
CREATE TABLE qa_recording (
    conversation_id TEXT PRIMARY KEY,             -- the recorded channel's Asterisk unique id
    attempt_id      TEXT,                         -- robot attempt, if a robot call
    recording       TEXT        NOT NULL,         -- absolute path of the WAV
    language        TEXT        NOT NULL,
    ended_at        TIMESTAMPTZ NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('PENDING', 'DONE', 'FAILED')),
    not_before      TIMESTAMPTZ NOT NULL,         -- MixMonitor finishes the file after the hangup
    lease_owner     TEXT,
    lease_until     TIMESTAMPTZ,
    tries           INTEGER     NOT NULL DEFAULT 0,
    failure         TEXT,
    enqueued_at     TIMESTAMPTZ NOT NULL,
    transcribed_at  TIMESTAMPTZ,
    transcribe_ms   BIGINT,                       -- wall-clock time the transcription took
    duration_ms     BIGINT,                       -- the recording's length
    words           JSONB                         -- [{word, startMs, endMs, confidence, speaker}]
);
CREATE INDEX qa_recording_due_idx ON qa_recording (not_before) WHERE state = 'PENDING';
CREATE INDEX qa_recording_ended_idx ON qa_recording (ended_at DESC);
