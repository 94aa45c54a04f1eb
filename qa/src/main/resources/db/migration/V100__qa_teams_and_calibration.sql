-- QA reports by team and calibration (module qa, ADR 0026).
-- Each agent's team for QA reports; a conversation counts under its agent's team as it is now.
CREATE TABLE qa_agent_team (
    agent      TEXT PRIMARY KEY,
    team       TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX qa_agent_team_team_idx ON qa_agent_team (team);

-- A QA lead's calibration of one scored conversation: its items are the rules on the score card
-- when it started; each person (the lead's is the reference) scores it once.
CREATE TABLE qa_calibration (
    id              UUID PRIMARY KEY,
    conversation_id TEXT        NOT NULL REFERENCES qa_score (conversation_id) ON DELETE CASCADE,
    lead            TEXT        NOT NULL,
    note            TEXT        NOT NULL,
    items           JSONB       NOT NULL,         -- [{ruleId, ruleName, section, automaticallyMet}]
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX qa_calibration_created_idx ON qa_calibration (created_at DESC);

CREATE TABLE qa_calibration_score (
    calibration_id UUID             NOT NULL REFERENCES qa_calibration (id) ON DELETE CASCADE,
    reviewer       TEXT             NOT NULL,
    score          DOUBLE PRECISION NOT NULL,
    items          JSONB            NOT NULL,     -- {ruleId: met}
    comment        TEXT             NOT NULL,
    submitted_at   TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (calibration_id, reviewer)
);
