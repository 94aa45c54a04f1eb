-- Permissions granted per user beside the roles (module app, issue 12): listen, whisper and barge
-- on live calls are separate rights, so a supervisor may listen without being able to barge in.
-- Every supervisor there is keeps all three, as before.
CREATE TABLE app_user_permission (
    username   TEXT NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    permission TEXT NOT NULL CHECK (permission IN ('MONITOR_LISTEN', 'MONITOR_WHISPER', 'MONITOR_BARGE')),
    PRIMARY KEY (username, permission)
);

INSERT INTO app_user_permission (username, permission)
SELECT r.username, p.permission
FROM app_user_role r
CROSS JOIN (VALUES ('MONITOR_LISTEN'), ('MONITOR_WHISPER'), ('MONITOR_BARGE')) AS p (permission)
WHERE r.role = 'SUPERVISOR';
