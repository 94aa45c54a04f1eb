-- Outbound campaigns (module campaigns): campaigns, their contacts, the dial attempts made for
-- them, imports with their per-row errors, the do-not-call list and consent records.
--
-- Crash safety rests on two keys: campaign_attempt (contact_id, attempt_no) is unique, so a
-- contact's n-th attempt exists once; its attempt_id is the robot attempt's id and Asterisk's
-- CC_ATTEMPT_ID, and the robot stores it before dialing with ON CONFLICT DO NOTHING, so an attempt
-- is dialed at most once however often a recovering node asks for it.
CREATE TABLE campaign (
    campaign_id      TEXT PRIMARY KEY,
    name             TEXT        NOT NULL,
    type             TEXT        NOT NULL CHECK (type IN ('balance', 'delay', 'reactivate')),
    script_id        TEXT        NOT NULL,
    script_version   INTEGER     NOT NULL,
    language         TEXT        NOT NULL,
    state            TEXT        NOT NULL CHECK (state IN ('DRAFT', 'SCHEDULED', 'RUNNING', 'PAUSED',
                                                           'COMPLETED', 'STOPPED')),
    call_window      TEXT        NOT NULL,          -- CallWindow text, e.g. 'MON-SUN 09:00-21:00'
    holidays         DATE[]      NOT NULL DEFAULT '{}',
    max_concurrent   INTEGER     NOT NULL CHECK (max_concurrent BETWEEN 1 AND 1000),
    max_per_second   DOUBLE PRECISION NOT NULL CHECK (max_per_second > 0 AND max_per_second <= 500),
    max_attempts     INTEGER     NOT NULL CHECK (max_attempts BETWEEN 1 AND 10),
    starts_at        TIMESTAMPTZ,
    variables        JSONB       NOT NULL DEFAULT '{}',   -- e.g. merchant; contacts may override
    created_by       TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE campaign_contact (
    contact_id     BIGSERIAL PRIMARY KEY,
    campaign_id    TEXT        NOT NULL REFERENCES campaign (campaign_id) ON DELETE CASCADE,
    phone          TEXT        NOT NULL,            -- E.164
    name           TEXT,
    zone           TEXT        NOT NULL,            -- the callee's time zone for the call window
    variables      JSONB       NOT NULL,
    dedupe_key     TEXT        NOT NULL,            -- same contact and order re-uploaded: same key
    order_id       TEXT,                            -- set for order-triggered reminders
    source         TEXT        NOT NULL,            -- 'csv:<import id>' or 'kafka:<topic>'
    -- PENDING: waits for next_dial_at; CALLING: an attempt is in flight; DONE: final outcome;
    -- CANCELLED: the order was paid/delivered, the number opted out, or the campaign stopped.
    state          TEXT        NOT NULL CHECK (state IN ('PENDING', 'CALLING', 'DONE', 'CANCELLED')),
    next_dial_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts       INTEGER     NOT NULL DEFAULT 0,
    callbacks      INTEGER     NOT NULL DEFAULT 0,
    last_outcome   TEXT,
    cancel_reason  TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (campaign_id, dedupe_key)
);
CREATE INDEX campaign_contact_due_idx ON campaign_contact (next_dial_at) WHERE state = 'PENDING';
CREATE INDEX campaign_contact_phone_idx ON campaign_contact (phone);
CREATE INDEX campaign_contact_order_idx ON campaign_contact (order_id) WHERE order_id IS NOT NULL;

CREATE TABLE campaign_attempt (
    attempt_id    TEXT PRIMARY KEY,                 -- = robot_attempt.attempt_id = CC_ATTEMPT_ID
    campaign_id   TEXT        NOT NULL REFERENCES campaign (campaign_id) ON DELETE CASCADE,
    contact_id    BIGINT      NOT NULL REFERENCES campaign_contact (contact_id) ON DELETE CASCADE,
    attempt_no    INTEGER     NOT NULL,
    phone         TEXT        NOT NULL,
    -- DIALING: handed to the robot (or about to be); FINISHED: its result is applied.
    state         TEXT        NOT NULL CHECK (state IN ('DIALING', 'FINISHED')),
    claimed_by    TEXT        NOT NULL,             -- the node that dialed it
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    answered_at   TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    dial_outcome  TEXT,
    outcome       TEXT,
    callback_at   TIMESTAMPTZ,
    UNIQUE (contact_id, attempt_no)
);
CREATE INDEX campaign_attempt_open_idx ON campaign_attempt (created_at) WHERE state = 'DIALING';
CREATE INDEX campaign_attempt_phone_idx ON campaign_attempt (phone, created_at);
CREATE INDEX campaign_attempt_campaign_idx ON campaign_attempt (campaign_id, created_at DESC);

CREATE TABLE campaign_import (
    import_id     TEXT PRIMARY KEY,
    campaign_id   TEXT        NOT NULL REFERENCES campaign (campaign_id) ON DELETE CASCADE,
    file_name     TEXT        NOT NULL,
    charset       TEXT,
    rows_read     INTEGER     NOT NULL DEFAULT 0,
    added         INTEGER     NOT NULL DEFAULT 0,
    duplicates    INTEGER     NOT NULL DEFAULT 0,
    rejected      INTEGER     NOT NULL DEFAULT 0,
    error         TEXT,                             -- the whole file was refused, and why
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE campaign_import_error (
    import_id     TEXT        NOT NULL REFERENCES campaign_import (import_id) ON DELETE CASCADE,
    row_number    INTEGER     NOT NULL,
    reason        TEXT        NOT NULL,
    PRIMARY KEY (import_id, row_number)
);

-- Numbers that must never be called by any campaign.
CREATE TABLE do_not_call (
    phone      TEXT PRIMARY KEY,                    -- E.164
    source     TEXT        NOT NULL,                -- 'robot:<attempt id>', 'ops:<user>', ...
    added_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Re-activation offers go only to numbers that agreed to marketing calls.
CREATE TABLE call_consent (
    phone      TEXT PRIMARY KEY,
    source     TEXT        NOT NULL,
    granted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
