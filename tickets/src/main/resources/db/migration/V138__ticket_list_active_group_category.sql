-- Ticket list "group + category + priority, active" at a million tickets (issue 14, ADR 0027,
-- docs/benchmarks.md). The group index (V40's ticket_group, group and status) found a group's
-- ~7,600 active tickets and read each one's heap page (~6,700 pages) to keep the ~240 of one
-- category and priority, then sorted them: ~20 ms with the pages cached, 360 ms without (185 ms at
-- p95 in a benchmark run on the shared machine). This index holds only active tickets (15 % of the
-- table), keyed by group, category and the list order, so the filter (priority asked as
-- priority_rank, TicketQuery) is one range in list order: the first page reads 51 entries and
-- their rows, the next page continues from its key, and the count is an index-only scan. The
-- list's status filter implies the predicate whenever it asks active statuses only (the default).
CREATE INDEX ticket_list_active_group_category
    ON ticket (group_name, category, priority_rank, sla_due_order, created_at, ticket_id)
    WHERE status IN ('NEW', 'OPEN', 'PENDING_CUSTOMER', 'PENDING_THIRD_PARTY');
