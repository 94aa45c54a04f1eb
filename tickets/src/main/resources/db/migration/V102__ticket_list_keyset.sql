-- Ticket lists page by keyset (ADR 0027): the list order (most urgent first: priority, the
-- earliest SLA deadline with none last, the oldest, the id) as columns, so that one index serves
-- both the order and "the page after this ticket", however deep the page and however big the table.
ALTER TABLE ticket
    ADD COLUMN priority_rank smallint GENERATED ALWAYS AS (
        CASE priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END
    ) STORED,
    ADD COLUMN sla_due_order timestamptz GENERATED ALWAYS AS (
        COALESCE(sla_due_at, 'infinity'::timestamptz)
    ) STORED;

CREATE INDEX ticket_list_order ON ticket (priority_rank, sla_due_order, created_at, ticket_id);
-- "Mine" and "my group(s)": the same order within an assignee or a group.
CREATE INDEX ticket_list_assignee ON ticket (assignee, priority_rank, sla_due_order, created_at, ticket_id)
    WHERE assignee IS NOT NULL;
CREATE INDEX ticket_list_group ON ticket (group_name, priority_rank, sla_due_order, created_at, ticket_id);
