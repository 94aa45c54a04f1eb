-- Supervisors' reports (issue 12, ADR 0021) read contacts by the time they entered their queue
-- (queue figures) and by the time an agent accepted them (agent figures).
CREATE INDEX routing_contact_enqueued_at ON routing_contact (enqueued_at);
CREATE INDEX routing_contact_answered_at ON routing_contact (answered_at) WHERE answered_at IS NOT NULL;
