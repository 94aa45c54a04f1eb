-- Attended transfers outlive a change of routing leader (module routing, issue 11, ADR 0044
-- addendum): the consult in progress about a call, stored before the consulted agent's phone rings
-- (the AMI Originate's channel id is cc-ring-<ring_id>) and deleted when the consult ends
-- (completed, cancelled, the consulted phone or the caller gone). agent_channel and agent_call_id
-- are the consulting agent's channel once Asterisk's attended transfer started (the consulted phone
-- answered): a new leader finds a consult still ringing (hung up: the agent keeps the caller) or
-- answered (given back, to be completed or cancelled).
CREATE TABLE routing_consult (
    contact_id    TEXT PRIMARY KEY REFERENCES routing_contact (id) ON DELETE CASCADE,
    from_agent    TEXT NOT NULL,
    to_agent      TEXT NOT NULL,
    to_queue      TEXT NOT NULL,
    ring_id       TEXT NOT NULL UNIQUE,
    agent_channel TEXT,
    agent_call_id TEXT,
    started_at    TIMESTAMPTZ NOT NULL
);
