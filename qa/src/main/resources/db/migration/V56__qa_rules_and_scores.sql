-- QA rules as data and each conversation's score card and review (module qa).
CREATE TABLE qa_rule (
    id         UUID PRIMARY KEY,
    name       TEXT        NOT NULL,
    section    TEXT        NOT NULL,
    definition JSONB       NOT NULL,              -- io.contactcenter.qa.RuleDefinition
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE qa_score (
    conversation_id TEXT PRIMARY KEY REFERENCES qa_recording (conversation_id) ON DELETE CASCADE,
    score           DOUBLE PRECISION NOT NULL,
    auto_failed     BOOLEAN          NOT NULL,
    card            JSONB            NOT NULL,    -- io.contactcenter.qa.ConversationScore
    scored_at       TIMESTAMPTZ      NOT NULL,
    sampled         BOOLEAN          NOT NULL,
    reviewer        TEXT,
    reviewed_score  DOUBLE PRECISION,
    review_comment  TEXT,
    reviewed_at     TIMESTAMPTZ
);
CREATE INDEX qa_score_sampled_idx ON qa_score (sampled) WHERE sampled;
