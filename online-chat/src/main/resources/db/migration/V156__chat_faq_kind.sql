-- A knowledge-base entry is an FAQ the bot answers with, or examples of questions it must hand
-- over instead ('out_of_scope', ADR 0061: no answer is shown, its answer is stored empty).
ALTER TABLE chat_faq
    ADD COLUMN kind TEXT NOT NULL DEFAULT 'faq' CHECK (kind IN ('faq', 'out_of_scope'));
