-- The shop's webhook on ticket status changes (issue 14, ADR 0023): one row per event, written by
-- the idempotent listener (the event's key is the primary key) and delivered by every instance's
-- delivery loop (SKIP LOCKED) with retries and backoff until the shop answers 2xx.
CREATE TABLE ticket_webhook_delivery (
    event_key        varchar(120) PRIMARY KEY,
    ticket_id        varchar(40)  NOT NULL REFERENCES ticket (ticket_id),
    payload          text         NOT NULL,
    attempts         int          NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    delivered_at     timestamptz,
    last_error       varchar(300),
    created_at       timestamptz  NOT NULL
);
CREATE INDEX ticket_webhook_due ON ticket_webhook_delivery (next_attempt_at)
    WHERE next_attempt_at IS NOT NULL;
