-- The knowledge base's version (issue 13, ADR 0058): every saved change of the bot's FAQs or of a
-- shop's own synonym groups raises it, after the change commits. Each app instance remembers the
-- version its bot was built at and rebuilds when the stored one differs: at once when another
-- instance announces a change on Redis (cc:chat:kb), else at its next periodic comparison
-- (cc.chat.knowledge-base-check), which reads only this one row.
CREATE TABLE chat_kb_version (
    id          BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (id),   -- one row
    version     BIGINT      NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL
);
INSERT INTO chat_kb_version (id, version, changed_at) VALUES (TRUE, 0, now());
