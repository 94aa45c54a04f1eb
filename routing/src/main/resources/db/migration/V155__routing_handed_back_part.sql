-- The agent's part of a call handed back when their page was lost (module routing, issue 12,
-- ADR 0052, ADR 0021 second addendum): routing_contact's row is reused for the call's next answer,
-- so the first agent's answer and the moment it was lost live here. Agent figures count it as
-- handled (not completed); queue figures do not (the call counts once, at its first answer).
CREATE TABLE routing_contact_handback (
    id             BIGSERIAL PRIMARY KEY,
    contact_id     TEXT        NOT NULL,
    agent_id       TEXT        NOT NULL,
    answered_at    TIMESTAMPTZ NOT NULL,
    handed_back_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX routing_contact_handback_by_agent ON routing_contact_handback (agent_id, answered_at);
CREATE INDEX routing_contact_handback_by_contact ON routing_contact_handback (contact_id);
