-- Outbound robot calls (module outbound-robot). An attempt is written before it is dialed, so a
-- crash can never lose or repeat it; its id travels to Asterisk as CC_ATTEMPT_ID.
CREATE TABLE robot_attempt (
    attempt_id     TEXT PRIMARY KEY,
    phone          TEXT        NOT NULL,           -- E.164
    script_id      TEXT        NOT NULL,
    script_version INTEGER     NOT NULL,
    language       TEXT        NOT NULL,
    variables      JSONB       NOT NULL,           -- values as given (formatted for speech at call time)
    requested_by   TEXT        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('QUEUED', 'DIALING', 'IN_DIALOGUE', 'FINISHED')),
    dial_outcome   TEXT,                           -- ANSWERED, NO_ANSWER, BUSY, CONGESTION, FAILED
    outcome        TEXT,                           -- DialogueOutcome
    callback_at    TIMESTAMPTZ,
    call_id        TEXT,
    recording      TEXT,
    failure        TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    answered_at    TIMESTAMPTZ,
    ended_at       TIMESTAMPTZ
);
CREATE INDEX robot_attempt_created_idx ON robot_attempt (created_at DESC);

CREATE TABLE robot_turn (
    attempt_id  TEXT             NOT NULL REFERENCES robot_attempt (attempt_id) ON DELETE CASCADE,
    seq         INTEGER          NOT NULL,
    at          TIMESTAMPTZ      NOT NULL,
    step        TEXT             NOT NULL,
    speaker     TEXT             NOT NULL CHECK (speaker IN ('ROBOT', 'CALLEE')),
    text        TEXT             NOT NULL,
    label       TEXT,
    confidence  DOUBLE PRECISION NOT NULL,
    dtmf        TEXT,
    PRIMARY KEY (attempt_id, seq)
);
