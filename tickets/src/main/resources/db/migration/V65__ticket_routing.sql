-- Tickets worked through the ACD (issue 14, ADR 0015): where routing has a ticket (QUEUED: waiting
-- or offered; ASSIGNED: an agent holds it as an open contact; null: not in routing), which agent
-- holds it and since when (for the first-action timeout).
ALTER TABLE ticket ADD COLUMN routing_place varchar(10);
ALTER TABLE ticket ADD COLUMN routed_agent varchar(100);
ALTER TABLE ticket ADD COLUMN routed_at timestamptz;

CREATE INDEX ticket_routed ON ticket (routed_agent, routed_at) WHERE routing_place = 'ASSIGNED';
