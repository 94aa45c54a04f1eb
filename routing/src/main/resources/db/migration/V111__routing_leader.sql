-- ADR 0030: one instance routes at a time. The leader holds a PostgreSQL advisory lock on a
-- session of its own and writes itself here; the other instances read here whom to forward to.
-- epoch counts the terms: every new leader raises it, and the leader's reservations of contacts
-- (WAITING -> OFFERED) hold only while this row still names it (the fencing token).
CREATE TABLE routing_leader (
    id         SMALLINT PRIMARY KEY CHECK (id = 1),
    leader_id  TEXT,
    epoch      BIGINT NOT NULL DEFAULT 0,
    since      TIMESTAMPTZ
);

INSERT INTO routing_leader (id) VALUES (1);
