-- The SLA sweep's queue in a narrow table of its own (issue 14, ADR 0042, docs/benchmarks.md).
-- The check time was a column of ticket: each sweep rewrote every ticket it looked at (an update
-- of an indexed column is not HOT, so every one of the table's ~15 indexes, the trigram index
-- among them, got a new entry per ticket), and a restart's recheck rewrote every active ticket
-- twice. 100,000 open tickets cost ~10 s of PostgreSQL CPU though nothing about them had changed.
-- Now the sweep writes a ticket row only when its deadline or breached flag changed, and the check
-- time here (two small indexes). A ticket without a row needs no check (was: sla_check_at null).
CREATE TABLE ticket_sla_check (
    ticket_id  varchar(40)  PRIMARY KEY REFERENCES ticket (ticket_id),
    check_at   timestamptz  NOT NULL
);
INSERT INTO ticket_sla_check (ticket_id, check_at)
    SELECT ticket_id, sla_check_at FROM ticket WHERE sla_check_at IS NOT NULL;
-- Claimed in (check_at, ticket_id) order, each batch after the last one's place (as V124).
CREATE INDEX ticket_sla_check_queue ON ticket_sla_check (check_at, ticket_id);
ALTER TABLE ticket DROP COLUMN sla_check_at;
