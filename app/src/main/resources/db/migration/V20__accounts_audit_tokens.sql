-- Accounts lifecycle (module app): forced password change, a session epoch that ends every session
-- of a user when it changes (disable, password reset, delete), personal access tokens for API
-- clients, and the audit log of who changed what.
ALTER TABLE app_user
    ADD COLUMN must_change_password BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN session_epoch        INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN updated_at           TIMESTAMPTZ NOT NULL DEFAULT now();

-- A token is shown once; only HMAC-SHA256(server secret, token) is kept, so a leaked table does
-- not give working tokens and a lookup costs one fast hash, not a password hash.
CREATE TABLE api_token (
    id           UUID PRIMARY KEY,
    username     TEXT        NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    name         TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash   TEXT        NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ
);
CREATE INDEX api_token_by_user ON api_token (username);

-- Kept when the user it names is deleted: the log says who did what, not who still exists.
CREATE TABLE audit_event (
    id             BIGSERIAL PRIMARY KEY,
    at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor          TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    target         TEXT,
    detail         TEXT,
    source_address TEXT
);
CREATE INDEX audit_event_by_target ON audit_event (target, id);
