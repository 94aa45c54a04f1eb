-- Tickets (issue 14): the ticket, every source that reached it, its full history, SLA alerts
-- sent (one per clock cycle, whichever instance sends it), and notifications kept for the run.
CREATE TABLE ticket (
    ticket_id       varchar(40)  PRIMARY KEY,
    subject         varchar(800) NOT NULL,
    subject_key     varchar(800) NOT NULL,
    customer_phone  varchar(16),
    customer_ref    varchar(100),
    tier            varchar(16)  NOT NULL,
    channel         varchar(16)  NOT NULL,
    source_kind     varchar(20)  NOT NULL,
    source_ref      varchar(100),
    category        varchar(16)  NOT NULL,
    priority        varchar(10)  NOT NULL,
    -- The priority it opened with chooses the SLA policy: an escalation does not move the goal.
    sla_priority    varchar(10)  NOT NULL,
    status          varchar(24)  NOT NULL,
    assignee        varchar(100),
    group_name      varchar(100) NOT NULL,
    tags            text[]       NOT NULL DEFAULT '{}',
    sla_due_at      timestamptz,
    -- When the sweep must next look at this ticket (a warning or a breach falls due); null: never.
    sla_check_at    timestamptz,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL
);

CREATE INDEX ticket_assignee ON ticket (assignee, status) WHERE assignee IS NOT NULL;
CREATE INDEX ticket_group ON ticket (group_name, status);
CREATE INDEX ticket_sla_check ON ticket (sla_check_at) WHERE sla_check_at IS NOT NULL;
CREATE INDEX ticket_duplicate_phone ON ticket (customer_phone, subject_key, created_at)
    WHERE customer_phone IS NOT NULL;
CREATE INDEX ticket_duplicate_ref ON ticket (customer_ref, subject_key, created_at)
    WHERE customer_ref IS NOT NULL;

-- A source (robot attempt, call, chat, shop request) opens at most one ticket.
CREATE TABLE ticket_source (
    source_kind  varchar(20)  NOT NULL,
    source_ref   varchar(100) NOT NULL,
    ticket_id    varchar(40)  NOT NULL REFERENCES ticket (ticket_id),
    at           timestamptz  NOT NULL,
    PRIMARY KEY (source_kind, source_ref)
);
CREATE INDEX ticket_source_ticket ON ticket_source (ticket_id);

CREATE TABLE ticket_entry (
    ticket_id   varchar(40)  NOT NULL REFERENCES ticket (ticket_id),
    seq         bigint       NOT NULL,
    kind        varchar(24)  NOT NULL,
    at          timestamptz  NOT NULL,
    actor       varchar(100) NOT NULL,
    body        text,
    status      varchar(24),
    visible     boolean      NOT NULL,
    PRIMARY KEY (ticket_id, seq)
);

CREATE TABLE ticket_sla_alert (
    ticket_id    varchar(40)  NOT NULL REFERENCES ticket (ticket_id),
    metric       varchar(20)  NOT NULL,
    cycle_start  timestamptz  NOT NULL,
    kind         varchar(10)  NOT NULL,
    at           timestamptz  NOT NULL,
    PRIMARY KEY (ticket_id, metric, cycle_start, kind)
);

-- Round robin over each group's members, shared by every instance.
CREATE TABLE ticket_group_cursor (
    group_name  varchar(100) PRIMARY KEY,
    next_index  bigint       NOT NULL
);

-- What the desk would send (to a group lead, an assignee); the embedded default only stores it.
CREATE TABLE ticket_notification (
    id          bigserial    PRIMARY KEY,
    ticket_id   varchar(40)  NOT NULL REFERENCES ticket (ticket_id),
    recipient   varchar(100) NOT NULL,
    kind        varchar(20)  NOT NULL,
    text        text         NOT NULL,
    at          timestamptz  NOT NULL
);
CREATE INDEX ticket_notification_ticket ON ticket_notification (ticket_id);
