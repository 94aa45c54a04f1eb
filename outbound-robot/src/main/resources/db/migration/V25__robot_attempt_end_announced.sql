-- RobotAttemptEnded is published once per attempt: the transaction that finds the attempt over
-- (dialogue finished and call down) and this column still empty sets it and publishes the event.
-- Version 25 leaves room for migrations other branches add meanwhile.
ALTER TABLE robot_attempt ADD COLUMN end_announced_at TIMESTAMPTZ;

-- Attempts over before this column existed were settled by the campaigns already.
UPDATE robot_attempt SET end_announced_at = ended_at
 WHERE status = 'FINISHED' AND ended_at IS NOT NULL;

CREATE INDEX robot_attempt_unannounced_idx ON robot_attempt (ended_at)
 WHERE end_announced_at IS NULL AND status = 'FINISHED';
