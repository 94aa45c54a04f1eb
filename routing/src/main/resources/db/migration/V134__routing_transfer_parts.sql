-- A transferred call in the reports (module routing, issue 12, ADR 0041): each transfer row is one
-- agent's part of a contact, routing_contact its latest part. The reports need, for every part, when
-- it entered its queue (speed of answer and service level of the queue the caller left) and whether
-- it began with a transfer (the agent's transfers in).
ALTER TABLE routing_contact_transfer ADD COLUMN enqueued_at TIMESTAMPTZ;
ALTER TABLE routing_contact_transfer ADD COLUMN transfer_in_id BIGINT;
ALTER TABLE routing_contact ADD COLUMN transfer_in_id BIGINT;

-- Transfers stored before: a part began with the contact's previous transfer, if any. Their
-- enqueue times are lost (the row was reused); the reports then count them by the answer time.
UPDATE routing_contact_transfer t SET transfer_in_id =
    (SELECT max(p.id) FROM routing_contact_transfer p WHERE p.contact_id = t.contact_id AND p.id < t.id);
UPDATE routing_contact c SET transfer_in_id =
    (SELECT max(t.id) FROM routing_contact_transfer t
     WHERE t.contact_id = c.id AND t.to_queue = c.queue_id AND t.transferred_at <= c.enqueued_at)
WHERE EXISTS (SELECT 1 FROM routing_contact_transfer t WHERE t.contact_id = c.id);
