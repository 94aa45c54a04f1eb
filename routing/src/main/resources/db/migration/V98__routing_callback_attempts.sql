-- ADR 0025: a callback the customer does not answer is tried again by a policy, then given up with
-- the reason stored. Each call of the customer is one attempt, recorded when the agent's phone is
-- rung for it (the ring id is the agent call's channel id), so a restart can tell an attempt that
-- was in progress and never repeats it at once.
ALTER TABLE routing_contact
    ADD COLUMN callback_attempts INTEGER NOT NULL DEFAULT 0,
    -- When the next attempt may start; NULL while the callback is in the waiting order (or done).
    ADD COLUMN callback_due_at TIMESTAMPTZ,
    -- The ring of the agent's phone for the attempt in progress.
    ADD COLUMN callback_ring_id TEXT,
    -- completed, or why it was given up (attempts-exhausted, queue-closed).
    ADD COLUMN callback_result TEXT;

CREATE INDEX routing_contact_callback_due ON routing_contact (callback_due_at)
    WHERE callback_due_at IS NOT NULL;

CREATE TABLE routing_callback_attempt (
    contact_id  TEXT NOT NULL REFERENCES routing_contact (id),
    attempt_no  INTEGER NOT NULL,
    ring_id     TEXT NOT NULL UNIQUE,
    agent_id    TEXT NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    ended_at    TIMESTAMPTZ,
    outcome     TEXT CHECK (outcome IN ('ANSWERED', 'NO_ANSWER', 'BUSY', 'FAILED', 'INTERRUPTED')),
    disposition TEXT,
    notes       TEXT,
    PRIMARY KEY (contact_id, attempt_no)
);
