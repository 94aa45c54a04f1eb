-- Routing (issue 11): queue definitions, agent profiles and every contact's life in routing.

CREATE TABLE routing_queue (
    id                     TEXT PRIMARY KEY,
    skill                  TEXT NOT NULL,
    weight                 INTEGER NOT NULL DEFAULT 0,
    strategy               TEXT NOT NULL CHECK (strategy IN ('LONGEST_IDLE', 'FEWEST_CONTACTS_TODAY', 'SKILL_LEVEL_FIRST')),
    service_level_seconds  INTEGER NOT NULL DEFAULT 20 CHECK (service_level_seconds > 0)
);

-- Steps that widen the agents a contact may go to as it waits; step 1 starts at 0 s.
CREATE TABLE routing_queue_step (
    queue_id        TEXT NOT NULL REFERENCES routing_queue (id) ON DELETE CASCADE,
    after_seconds   INTEGER NOT NULL CHECK (after_seconds >= 0),
    minimum_level   INTEGER NOT NULL CHECK (minimum_level BETWEEN 1 AND 5),
    overflow_queue  TEXT REFERENCES routing_queue (id),
    PRIMARY KEY (queue_id, after_seconds)
);

CREATE TABLE routing_agent (
    id               TEXT PRIMARY KEY,
    chats            INTEGER NOT NULL DEFAULT 3 CHECK (chats BETWEEN 0 AND 20),
    tickets          INTEGER NOT NULL DEFAULT 5 CHECK (tickets BETWEEN 0 AND 50),
    wrap_up_seconds  INTEGER NOT NULL DEFAULT 30 CHECK (wrap_up_seconds BETWEEN 0 AND 3600),
    phone            TEXT NOT NULL DEFAULT '',
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE routing_agent_skill (
    agent_id  TEXT NOT NULL REFERENCES routing_agent (id) ON DELETE CASCADE,
    skill     TEXT NOT NULL,
    level     INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    PRIMARY KEY (agent_id, skill)
);

-- One row per contact. An offer moves WAITING -> OFFERED with a conditional UPDATE, so two
-- instances can never reserve the same contact (ADR 0007).
CREATE TABLE routing_contact (
    id            TEXT PRIMARY KEY,
    channel       TEXT NOT NULL CHECK (channel IN ('VOICE', 'CHAT', 'TICKET')),
    reference     TEXT NOT NULL,
    queue_id      TEXT NOT NULL REFERENCES routing_queue (id),
    vip           BOOLEAN NOT NULL DEFAULT false,
    priority      INTEGER NOT NULL,
    customer      TEXT NOT NULL DEFAULT '',
    state         TEXT NOT NULL CHECK (state IN ('WAITING', 'OFFERED', 'CONNECTED', 'COMPLETED', 'ABANDONED', 'CANCELLED')),
    agent_id      TEXT,
    enqueued_at   TIMESTAMPTZ NOT NULL,
    offered_at    TIMESTAMPTZ,
    answered_at   TIMESTAMPTZ,
    ended_at      TIMESTAMPTZ,
    disposition   TEXT,
    notes         TEXT
);
CREATE INDEX routing_contact_open ON routing_contact (state) WHERE state IN ('WAITING', 'OFFERED', 'CONNECTED');

-- The shop's default queues: general support, orders (overflows to support after 60 s) and VIP.
INSERT INTO routing_queue (id, skill, weight, strategy, service_level_seconds) VALUES
    ('support', 'support', 0, 'LONGEST_IDLE', 20),
    ('orders', 'orders', 0, 'LONGEST_IDLE', 20),
    ('vip', 'support', 50, 'SKILL_LEVEL_FIRST', 10);
INSERT INTO routing_queue_step (queue_id, after_seconds, minimum_level, overflow_queue) VALUES
    ('support', 0, 1, NULL),
    ('orders', 0, 3, NULL),
    ('orders', 30, 2, NULL),
    ('orders', 60, 2, 'support'),
    ('vip', 0, 3, NULL),
    ('vip', 30, 1, NULL);
