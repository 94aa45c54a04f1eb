-- Images in chat (issue 13): checked by content, limited in bytes and pixels, re-encoded without
-- metadata (EXIF) before they are stored. A message that carries one names it.
CREATE TABLE chat_attachment (
    attachment_id    TEXT PRIMARY KEY,                -- random, unguessable: the image's URL
    conversation_id  TEXT        NOT NULL REFERENCES chat_conversation (conversation_id)
                                 ON DELETE CASCADE,
    content_type     TEXT        NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
    width            INTEGER     NOT NULL,
    height           INTEGER     NOT NULL,
    bytes            BYTEA       NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL
);
ALTER TABLE chat_message ADD COLUMN attachment_id TEXT REFERENCES chat_attachment (attachment_id);
