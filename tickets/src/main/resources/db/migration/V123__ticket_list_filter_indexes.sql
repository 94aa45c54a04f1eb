-- Ticket list filters at a million tickets (issue 14, ADR 0035, docs/benchmarks.md): without these
-- "breaching soon", "breached" and a tag read the whole table to count their matches (and, when the
-- matches are rare, to fill a page along the list order). Only active tickets have a deadline, so
-- the deadline index is small; "breached" is the flag or a deadline passed (a bitmap OR of both);
-- a tag is asked as tags @> ARRAY[tag], which the GIN index serves.
CREATE INDEX ticket_sla_due ON ticket (sla_due_at) WHERE sla_due_at IS NOT NULL;
CREATE INDEX ticket_sla_breached ON ticket (sla_due_at) WHERE sla_breached;
CREATE INDEX ticket_tags ON ticket USING gin (tags);
