-- Every hotline IVR session (module ivr): the path taken, what the caller keyed or said in each
-- node and how long it stayed there, the self-service result and how the session ended. The
-- containment report per intent is computed from this table.
CREATE TABLE ivr_session (
    session_id    UUID        PRIMARY KEY,
    call_id       TEXT        NOT NULL,
    flow_id       TEXT        NOT NULL,
    flow_version  INTEGER     NOT NULL,
    caller        TEXT,                      -- E.164, null when withheld or malformed
    language      TEXT        NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    ended_at      TIMESTAMPTZ NOT NULL,
    path          TEXT        NOT NULL,      -- node ids joined by ' > '
    visits        JSONB       NOT NULL,      -- [{nodeId, enteredAt, millis, inputs: [...]}]
    intent        TEXT,
    self_service  TEXT,                      -- FOUND, NOT_FOUND, UNAVAILABLE
    outcome       TEXT        NOT NULL       -- CONTAINED, TO_AGENT, ABANDONED
);
CREATE INDEX ivr_session_call_idx ON ivr_session (call_id);
CREATE INDEX ivr_session_caller_idx ON ivr_session (caller, started_at DESC);
CREATE INDEX ivr_session_started_idx ON ivr_session (started_at);

-- What the IVR can tell callers about orders, fed by the platform's order events (cc.orders.v1)
-- and, for demos, by the demo data set. Keyed by the order id as callers key it.
CREATE TABLE ivr_order (
    order_id        TEXT        PRIMARY KEY,
    state           TEXT        NOT NULL,    -- AWAITING_PAYMENT, PAID, SHIPPED, DELAYED, DELIVERED, CANCELLED
    eta             DATE,
    carrier         TEXT,
    tracking_number TEXT,
    updated_at      TIMESTAMPTZ NOT NULL,
    last_event_id   TEXT
);
