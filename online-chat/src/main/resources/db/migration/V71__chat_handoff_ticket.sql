-- A handed-over chat that no agent could take became this ticket (tickets module, source CHAT).
ALTER TABLE chat_conversation ADD COLUMN ticket_id TEXT;
