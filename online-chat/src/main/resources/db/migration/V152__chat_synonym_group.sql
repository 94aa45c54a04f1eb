-- A shop's own synonym groups for the FAQ bot (issue 13, ADR 0048 fifth addendum), edited by admins
-- while the app runs, over the configured lexicon (cc.chat.synonyms.<lang>). A group is one word and
-- the other ways shoppers say it; saving a language replaces all its groups.
CREATE TABLE chat_synonym_group (
    lang        TEXT        NOT NULL CHECK (lang IN ('en', 'zh')),
    position    INTEGER     NOT NULL,                -- the admin's order
    canonical   TEXT        NOT NULL,
    variants    TEXT[]      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (lang, position)
);
