-- Crash recovery and the stuck-call watchdog (ADR 0019) look for attempts still under way: a
-- handful among many finished ones.
CREATE INDEX robot_attempt_under_way_idx ON robot_attempt (created_at) WHERE status <> 'FINISHED';
