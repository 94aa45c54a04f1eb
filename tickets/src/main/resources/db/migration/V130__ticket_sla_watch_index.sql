-- Ticket list "breached" and "breaching soon" at a million tickets (issue 14, ADR 0042,
-- docs/benchmarks.md). V123's two partial indexes answered them through a bitmap of scattered
-- heap pages: counting 10,000 breached tickets read ~10,000 pages (≈ 300-430 ms on the shared
-- benchmark machine). One index over every ticket with a deadline or the breached flag, carrying the
-- flag and the list order's other columns, lets PostgreSQL count both filters from the index alone
-- (an index-only scan: "breached" is sla_breached OR sla_due_at <= now, which implies the index's
-- predicate) and still serves the deadline range of "breaching soon". It replaces both V123 indexes.
CREATE INDEX ticket_sla_watch ON ticket (sla_due_at, priority_rank, created_at, ticket_id)
    INCLUDE (sla_breached) WHERE sla_breached OR sla_due_at IS NOT NULL;
DROP INDEX ticket_sla_due;
DROP INDEX ticket_sla_breached;
