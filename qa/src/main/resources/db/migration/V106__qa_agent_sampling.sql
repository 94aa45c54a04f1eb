-- A share of their own per agent for random sampling (module qa, ADR 0028): the share of an
-- agent's conversations without an auto-fail or complaint that people review; agents without a
-- row get cc.qa.sampling.share.
CREATE TABLE qa_agent_sampling (
    agent      TEXT PRIMARY KEY,
    share      DOUBLE PRECISION NOT NULL CHECK (share >= 0 AND share <= 1),
    changed_by TEXT             NOT NULL,
    changed_at TIMESTAMPTZ      NOT NULL
);
