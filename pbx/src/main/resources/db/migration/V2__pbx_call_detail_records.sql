-- Call detail records, one row per call leg, written from AMI Hangup events (module pbx).
CREATE TABLE pbx_call_detail_record (
    call_id          TEXT PRIMARY KEY,          -- Asterisk Uniqueid of the channel
    linked_id        TEXT        NOT NULL,      -- shared by all legs of one call
    channel          TEXT        NOT NULL,
    caller           TEXT        NOT NULL,
    callee           TEXT        NOT NULL,
    attempt_id       TEXT,                      -- our outbound attempt id, if we originated it
    cause            INTEGER     NOT NULL,      -- Q.850 hangup cause
    cause_text       TEXT        NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    answered_at      TIMESTAMPTZ,
    ended_at         TIMESTAMPTZ NOT NULL,
    duration_seconds BIGINT      NOT NULL CHECK (duration_seconds >= 0),
    billable_seconds BIGINT      NOT NULL CHECK (billable_seconds >= 0)
);
CREATE INDEX pbx_cdr_ended_at_idx ON pbx_call_detail_record (ended_at DESC);
CREATE INDEX pbx_cdr_linked_id_idx ON pbx_call_detail_record (linked_id);
CREATE INDEX pbx_cdr_attempt_id_idx ON pbx_call_detail_record (attempt_id) WHERE attempt_id IS NOT NULL;
