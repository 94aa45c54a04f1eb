-- Saved ticket list views (issue 14, ADR 0023): a named filter of one user, or shared with the
-- team by a supervisor. The filter is kept as JSON so new criteria need no migration.
CREATE TABLE ticket_view (
    view_id     varchar(40)  PRIMARY KEY,
    owner       varchar(100) NOT NULL,
    name        varchar(100) NOT NULL,
    shared      boolean      NOT NULL,
    filter      jsonb        NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    UNIQUE (owner, name)
);
CREATE INDEX ticket_view_shared ON ticket_view (shared) WHERE shared;
