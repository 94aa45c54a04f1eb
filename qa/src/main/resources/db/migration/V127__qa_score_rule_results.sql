-- Each conversation's result per rule, beside its score card (module qa): the rule report ("most
-- often broken") read every card's JSONB hits and counted distinct conversations per rule, which
-- took seconds over a month (docs/benchmarks.md). JdbcScores rewrites a conversation's rows with
-- its card; the report sums these narrow rows instead. One row per rule applied.
CREATE TABLE qa_score_rule (
    conversation_id TEXT    NOT NULL REFERENCES qa_score (conversation_id) ON DELETE CASCADE,
    rule_name       TEXT,
    kind            TEXT,
    section         TEXT,
    failed_hits     INTEGER NOT NULL              -- places broken; 0: the rule was met
);

-- The cards scored so far, in the order their conversations ended, so that a range of days is
-- read from neighbouring pages as the rows written from now on will be.
INSERT INTO qa_score_rule (conversation_id, rule_name, kind, section, failed_hits)
SELECT s.conversation_id, h."ruleName", h.kind, h.section, count(*) FILTER (WHERE NOT h.passed)
FROM qa_score s
JOIN qa_recording r ON r.conversation_id = s.conversation_id
CROSS JOIN LATERAL jsonb_to_recordset(s.card->'hits')
    AS h("ruleName" TEXT, kind TEXT, section TEXT, passed BOOLEAN)
GROUP BY r.ended_at, s.conversation_id, h."ruleName", h.kind, h.section
ORDER BY r.ended_at, s.conversation_id;

CREATE INDEX qa_score_rule_conversation_idx ON qa_score_rule (conversation_id);
