-- Transfers to a queue (module routing, issue 12, ADR 0041): the agent's part of a contact that
-- waits again in another queue. routing_contact then describes the contact's next part (its row is
-- reused with the same id), so the transferring agent's answer time, end and wrap-up live here.
CREATE TABLE routing_contact_transfer (
    id             BIGSERIAL PRIMARY KEY,
    contact_id     TEXT        NOT NULL,
    from_queue     TEXT        NOT NULL,
    to_queue       TEXT        NOT NULL,
    agent_id       TEXT        NOT NULL,
    answered_at    TIMESTAMPTZ,
    transferred_at TIMESTAMPTZ NOT NULL,
    disposition    TEXT,
    notes          TEXT
);
CREATE INDEX routing_contact_transfer_by_contact ON routing_contact_transfer (contact_id, id);
CREATE INDEX routing_contact_transfer_by_agent ON routing_contact_transfer (agent_id, transferred_at);
