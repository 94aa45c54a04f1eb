-- Each direction of a recorded call leg apart (MixMonitor r()/t()), so every word has its speaker.
ALTER TABLE qa_recording
    ADD COLUMN leg_received TEXT,                 -- what the channel's party said (the customer)
    ADD COLUMN leg_sent     TEXT,                 -- what it heard (agent, IVR or robot)
    ADD COLUMN sent_speaker TEXT CHECK (sent_speaker IN ('AGENT', 'ROBOT'));
