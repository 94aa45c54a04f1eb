-- A test call from the prompt editor (ADR 0038) speaks prompt texts that may not be saved yet: the
-- attempt keeps the texts it spoke (by prompt path, then language; NULL: the version's own) and
-- says it was a test, which no campaign counts.
ALTER TABLE robot_attempt ADD COLUMN prompt_texts JSONB;
ALTER TABLE robot_attempt ADD COLUMN test_call BOOLEAN NOT NULL DEFAULT FALSE;

-- One test call in flight per user: a second one while the first is not finished is refused by
-- this index, also when two requests race.
CREATE UNIQUE INDEX robot_attempt_one_test_call_idx ON robot_attempt (requested_by)
    WHERE test_call AND status <> 'FINISHED';
