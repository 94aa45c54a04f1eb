-- The SLA sweep claims due tickets batch by batch in (sla_check_at, ticket_id) order, each batch
-- after the last one's place (ADR 0035). After a restart every active ticket has the same check
-- time: an index on the time alone kept every batch's updated rows as dead entries of one key at
-- the front, which each next batch read again (100,000 tickets: seconds of PostgreSQL CPU).
CREATE INDEX ticket_sla_check_order ON ticket (sla_check_at, ticket_id) WHERE sla_check_at IS NOT NULL;
DROP INDEX ticket_sla_check;
