-- Users and roles (module app). Passwords are stored only as {bcrypt} hashes.
CREATE TABLE app_user (
    username      TEXT PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    password_hash TEXT        NOT NULL,
    enabled       BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE app_user_role (
    username TEXT NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('ADMIN', 'SUPERVISOR', 'AGENT', 'OPS', 'QA')),
    PRIMARY KEY (username, role)
);

-- Spring Modulith's event publication registry: the transactional outbox. An event published in
-- a transaction is stored here with it and marked complete once every listener (and the Kafka
-- externalizer) has handled it; incomplete ones are resubmitted after a restart.
CREATE TABLE event_publication (
    id               UUID                     NOT NULL,
    listener_id      TEXT                     NOT NULL,
    event_type       TEXT                     NOT NULL,
    serialized_event TEXT                     NOT NULL,
    publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
