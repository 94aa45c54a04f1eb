-- The robot calls list filters by who placed the calls (a campaign's are 'campaign:<id>'), newest
-- first: one index serves the filter and the order.
CREATE INDEX robot_attempt_requested_by_idx ON robot_attempt (requested_by, created_at DESC);
