-- Knowledge-base cold-start jobs (issue 13, ADR 0048): a job, its questions and, once clustered,
-- the admin's review are kept here, so a restart loses neither a running job nor a finished one.
-- The instance running a job renews heartbeat_at every few seconds; a RUNNING job whose heartbeat
-- is stale was interrupted (its instance stopped) and is claimed by exactly one instance (a
-- conditional UPDATE), which clusters it again from the stored questions; after max attempts it
-- is FAILED with the reason.
CREATE TABLE chat_cold_start_job (
    job_id          TEXT PRIMARY KEY,
    lang            TEXT             NOT NULL CHECK (lang IN ('en', 'zh')),
    source          TEXT             NOT NULL CHECK (source IN ('CSV', 'JSONL', 'CALLS')),
    state           TEXT             NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    progress        DOUBLE PRECISION NOT NULL DEFAULT 0,
    questions       INTEGER          NOT NULL,
    texts           JSONB            NOT NULL,          -- the questions, by row
    answers         JSONB            NOT NULL,          -- per row the agent's answer, or null
    attempts        INTEGER          NOT NULL DEFAULT 1, -- runs started (1 + resumptions)
    owner           TEXT,                                -- the instance running it
    heartbeat_at    TIMESTAMPTZ,
    error           TEXT,                                -- why it FAILED
    created_at      TIMESTAMPTZ      NOT NULL,
    finished_at     TIMESTAMPTZ,
    review          JSONB,                               -- {clusters: [...], nextId}, once DONE
    unclustered     JSONB,                               -- rows in no cluster, once DONE
    review_version  INTEGER          NOT NULL DEFAULT 0  -- bumped by every stored review action
);
CREATE INDEX chat_cold_start_job_running_idx ON chat_cold_start_job (heartbeat_at)
    WHERE state = 'RUNNING';
CREATE INDEX chat_cold_start_job_created_idx ON chat_cold_start_job (created_at DESC);
