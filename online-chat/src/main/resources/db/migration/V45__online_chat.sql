-- Online chat (module online-chat): conversations, their messages, the FAQ knowledge base the bot
-- answers from, and the visitor's satisfaction rating.
--
-- A message is stored before it is acknowledged. Its seq is the conversation's next number, taken
-- under the conversation row's lock, so a reconnecting client asks for "everything after n" and
-- gets each message once. (conversation, sender, client_message_id) is unique: a client that
-- resends a message whose acknowledgement it never saw gets the stored one back, not a duplicate.
CREATE TABLE chat_conversation (
    conversation_id  TEXT PRIMARY KEY,
    site             TEXT        NOT NULL,
    visitor_id       TEXT        NOT NULL,
    customer_id      TEXT,                          -- from the shop's signed token, if any
    customer_name    TEXT,
    customer_phone   TEXT,                          -- E.164
    customer_tier    TEXT,
    language         TEXT        NOT NULL CHECK (language IN ('en', 'zh')),
    -- BOT: the bot answers; WAITING: handed over, no agent yet; AGENT: an agent took it.
    state            TEXT        NOT NULL CHECK (state IN ('BOT', 'WAITING', 'AGENT', 'ENDED')),
    agent            TEXT,
    failed_answers   INTEGER     NOT NULL DEFAULT 0,
    last_seq         BIGINT      NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL,
    handoff_at       TIMESTAMPTZ,
    ended_at         TIMESTAMPTZ
);
CREATE INDEX chat_conversation_waiting_idx ON chat_conversation (handoff_at) WHERE state = 'WAITING';
CREATE INDEX chat_conversation_visitor_idx ON chat_conversation (visitor_id);

CREATE TABLE chat_message (
    conversation_id    TEXT        NOT NULL REFERENCES chat_conversation (conversation_id)
                                   ON DELETE CASCADE,
    seq                BIGINT      NOT NULL,
    sender             TEXT        NOT NULL CHECK (sender IN ('VISITOR', 'BOT', 'AGENT', 'SYSTEM')),
    author             TEXT,                        -- the agent's user name for AGENT
    client_message_id  TEXT        NOT NULL,
    body               TEXT        NOT NULL,        -- as typed; escaped wherever it is shown
    faq_id             TEXT,                        -- the FAQ a bot answer came from
    sent_at            TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (conversation_id, seq),
    UNIQUE (conversation_id, sender, client_message_id)
);

-- One FAQ in one language: rows sharing faq_id across languages are the same question.
CREATE TABLE chat_faq (
    faq_id      TEXT        NOT NULL,
    lang        TEXT        NOT NULL CHECK (lang IN ('en', 'zh')),
    question    TEXT        NOT NULL,
    answer      TEXT        NOT NULL,
    category    TEXT,
    enabled     BOOLEAN     NOT NULL DEFAULT TRUE,
    version     INTEGER     NOT NULL DEFAULT 1,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (faq_id, lang)
);

CREATE TABLE chat_faq_example (
    faq_id   TEXT NOT NULL,
    lang     TEXT NOT NULL,
    example  TEXT NOT NULL,
    PRIMARY KEY (faq_id, lang, example),
    FOREIGN KEY (faq_id, lang) REFERENCES chat_faq (faq_id, lang) ON DELETE CASCADE
);

CREATE TABLE chat_csat (
    conversation_id  TEXT PRIMARY KEY REFERENCES chat_conversation (conversation_id) ON DELETE CASCADE,
    score            INTEGER     NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment          TEXT,
    agent            TEXT,                          -- who served the chat when it was rated
    rated_at         TIMESTAMPTZ NOT NULL
);

-- The latest order event per order, read from cc.orders.v1 by the chat's own consumer group, so
-- "where is my order 12345" is answered from what the platform last said about it.
CREATE TABLE chat_order_status (
    order_id     TEXT PRIMARY KEY,
    event_type   TEXT        NOT NULL,
    customer_phone TEXT,
    details      JSONB       NOT NULL DEFAULT '{}',
    updated_at   TIMESTAMPTZ NOT NULL
);
