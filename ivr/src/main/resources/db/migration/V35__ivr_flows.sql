-- Hotline IVR flows saved by admins (module ivr): every save is a new version; the built-in flow
-- is version 1 of its id and lives in the jar. At most one version of a flow is active; with none
-- active, calls run the built-in.
CREATE TABLE ivr_flow (
    flow_id    TEXT        NOT NULL,
    version    INTEGER     NOT NULL CHECK (version >= 2),
    source     TEXT        NOT NULL,          -- YAML or JSON as saved
    saved_by   TEXT        NOT NULL,
    saved_at   TIMESTAMPTZ NOT NULL,
    active     BOOLEAN     NOT NULL DEFAULT false,
    PRIMARY KEY (flow_id, version)
);
CREATE UNIQUE INDEX ivr_flow_one_active ON ivr_flow (flow_id) WHERE active;
