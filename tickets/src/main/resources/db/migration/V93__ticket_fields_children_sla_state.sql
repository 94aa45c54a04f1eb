-- Tickets (issue 14, ADR 0023): custom fields per category defined as data by admins, their values
-- on the ticket as JSONB (numbers as JSON numbers with their scale, dates as ISO strings), found by
-- exact value through a GIN index; child tickets for other departments; whether any SLA clock of
-- the ticket has breached (for the "breached" list filter, written with the clocks).
CREATE TABLE ticket_field (
    category   varchar(16)  NOT NULL,
    field_key  varchar(40)  NOT NULL,
    label_en   varchar(100) NOT NULL,
    label_zh   varchar(100) NOT NULL,
    type       varchar(10)  NOT NULL,
    choices    text[]       NOT NULL DEFAULT '{}',
    required   boolean      NOT NULL,
    position   int          NOT NULL,
    PRIMARY KEY (category, field_key)
);

ALTER TABLE ticket ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}';
CREATE INDEX ticket_custom_fields ON ticket USING gin (custom_fields jsonb_path_ops);

ALTER TABLE ticket ADD COLUMN parent_id varchar(40) REFERENCES ticket (ticket_id);
CREATE INDEX ticket_parent ON ticket (parent_id) WHERE parent_id IS NOT NULL;

ALTER TABLE ticket ADD COLUMN sla_breached boolean NOT NULL DEFAULT false;
