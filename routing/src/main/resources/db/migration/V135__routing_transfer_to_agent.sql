-- Attended transfer (module routing, issue 12, ADR 0044): a part that ended with the call handed to
-- a consulted agent names that agent; NULL for a transfer back into a queue (ADR 0041).
ALTER TABLE routing_contact_transfer ADD COLUMN to_agent TEXT;
