-- The robot attempts that called a number, newest first (RobotCalls.toNumber), for the agent's
-- timeline and screen pop (issue 12); before this, a scan of every attempt.
CREATE INDEX robot_attempt_phone_idx ON robot_attempt (phone, created_at DESC);
