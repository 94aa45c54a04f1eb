-- Dialogue scripts saved by ops (module outbound-robot): every save is a new version; the
-- built-in scripts are version 1 of their ids and live in the jar. Attempts and campaigns name
-- the (script_id, version) they run, so a later edit never changes a call already planned.
CREATE TABLE robot_script (
    script_id  TEXT        NOT NULL,
    version    INTEGER     NOT NULL CHECK (version >= 1),
    context    TEXT        NOT NULL,          -- campaign type: balance, delay, reactivate
    source     TEXT        NOT NULL,          -- YAML or JSON as saved
    saved_by   TEXT        NOT NULL,
    saved_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (script_id, version)
);
CREATE INDEX robot_script_context_idx ON robot_script (context, saved_at DESC);
