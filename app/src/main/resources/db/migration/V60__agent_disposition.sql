-- Dispositions agents choose on the agent page after a call (module app, issue 12, ADR 0013).
-- call_id is the caller channel's Asterisk UNIQUEID (the X-CC-Call-Id header on the agent's
-- INVITE), the same id as the CDR's and the recording's.
CREATE TABLE agent_disposition (
  call_id     TEXT        NOT NULL,
  agent       TEXT        NOT NULL,
  caller      TEXT        NOT NULL DEFAULT '',
  disposition TEXT        NOT NULL,
  notes       TEXT        NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
  recorded_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (call_id, agent)
);
CREATE INDEX agent_disposition_caller ON agent_disposition (caller, recorded_at DESC);
