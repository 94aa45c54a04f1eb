-- Every change of an agent's presence as routing announced it (AgentStateChanged), so that
-- supervisors' reports can sum the time agents spent ready, on contacts, in after-call work and
-- not ready by reason over any past days (issue 12, ADR 0029). Rows are only ever added; a state
-- lasts until the agent's next row.
CREATE TABLE routing_agent_state_log (
    id        BIGSERIAL PRIMARY KEY,
    agent_id  TEXT NOT NULL,
    state     TEXT NOT NULL,
    reason    TEXT NOT NULL DEFAULT '',
    at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX routing_agent_state_log_agent_at ON routing_agent_state_log (agent_id, at);
CREATE INDEX routing_agent_state_log_at ON routing_agent_state_log (at);
