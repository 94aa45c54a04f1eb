-- Agents' appeals against reviewed scores (module qa): open → accepted or rejected, decided by a
-- reviewer other than the one who reviewed; every change is kept in qa_appeal_event.
CREATE TABLE qa_appeal (
    id              UUID PRIMARY KEY,
    conversation_id TEXT        NOT NULL REFERENCES qa_score (conversation_id) ON DELETE CASCADE,
    appellant       TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('OPEN', 'ACCEPTED', 'REJECTED')),
    opened_at       TIMESTAMPTZ NOT NULL,
    score_before    DOUBLE PRECISION NOT NULL,
    decided_by      TEXT,
    decided_at      TIMESTAMPTZ,
    final_score     DOUBLE PRECISION,
    decision_comment TEXT
);
-- At most one open appeal per conversation.
CREATE UNIQUE INDEX qa_appeal_one_open_idx ON qa_appeal (conversation_id) WHERE state = 'OPEN';
CREATE INDEX qa_appeal_state_idx ON qa_appeal (state, opened_at);

CREATE TABLE qa_appeal_event (
    appeal_id UUID        NOT NULL REFERENCES qa_appeal (id) ON DELETE CASCADE,
    seq       INTEGER     NOT NULL,
    at        TIMESTAMPTZ NOT NULL,
    actor     TEXT        NOT NULL,
    action    TEXT        NOT NULL,               -- OPENED, ACCEPTED, REJECTED
    detail    TEXT        NOT NULL,
    PRIMARY KEY (appeal_id, seq)
);
