-- Callback numbers left by hotline callers the IVR could not serve (closed hours), module ivr.
-- HotlineMessageLeft is published in the same transaction (the event publication registry is the
-- outbox), so the tickets module learns of every row exactly once.
CREATE TABLE ivr_callback_request (
    session_id      UUID        PRIMARY KEY,
    call_id         TEXT        NOT NULL,
    callback_number TEXT        NOT NULL,
    caller          TEXT,                    -- E.164, null when withheld or malformed
    left_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX ivr_callback_request_left_idx ON ivr_callback_request (left_at);
