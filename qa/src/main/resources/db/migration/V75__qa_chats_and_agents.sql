-- Chats are scored like calls (module qa): a chat's messages are its transcript, so it has no
-- recording and is stored already transcribed. Each conversation names the agent scored for it
-- (the chat's agent; for a call, the agent routing connected), so agents see their own scores.
ALTER TABLE qa_recording ALTER COLUMN recording DROP NOT NULL;
ALTER TABLE qa_recording
    ADD COLUMN channel TEXT NOT NULL DEFAULT 'CALL' CHECK (channel IN ('CALL', 'CHAT')),
    ADD COLUMN agent   TEXT;
CREATE INDEX qa_recording_agent_idx ON qa_recording (agent, ended_at DESC) WHERE agent IS NOT NULL;

-- The agent who accepted a call (routing's ContactAccepted), which may arrive before or after the
-- call's recording is queued.
CREATE TABLE qa_call_agent (
    conversation_id TEXT PRIMARY KEY,
    agent           TEXT        NOT NULL,
    accepted_at     TIMESTAMPTZ NOT NULL
);
