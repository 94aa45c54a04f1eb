-- Knowledge-base cold start from the chat history (issue 13, ADR 0024): FAQs suggested from the
-- visitors' questions the bot could not answer and agents did. An admin accepts one (it becomes an
-- FAQ), edits it before accepting, or dismisses it; a dismissed suggestion's questions are not
-- suggested again. Refreshing a language replaces its OPEN suggestions; decided ones stay as the
-- record of who decided what.
CREATE TABLE chat_faq_suggestion (
    suggestion_id   TEXT PRIMARY KEY,
    lang            TEXT        NOT NULL CHECK (lang IN ('en', 'zh')),
    title           TEXT        NOT NULL,                -- the group's most central question
    answer          TEXT        NOT NULL,                -- the agents' most common answer
    size            INTEGER     NOT NULL,                -- questions in the group
    conversations   INTEGER     NOT NULL,                -- conversations they came from
    answer_votes    INTEGER     NOT NULL,                -- of those, how many had this answer
    state           TEXT        NOT NULL CHECK (state IN ('OPEN', 'ACCEPTED', 'DISMISSED')),
    faq_id          TEXT,                                -- the FAQ an accepted one became
    created_at      TIMESTAMPTZ NOT NULL,
    decided_at      TIMESTAMPTZ,
    decided_by      TEXT
);
CREATE INDEX chat_faq_suggestion_open_idx ON chat_faq_suggestion (lang) WHERE state = 'OPEN';

-- The group's distinct wordings, the title first (position 0).
CREATE TABLE chat_faq_suggestion_question (
    suggestion_id  TEXT    NOT NULL REFERENCES chat_faq_suggestion (suggestion_id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    question       TEXT    NOT NULL,
    PRIMARY KEY (suggestion_id, position)
);
