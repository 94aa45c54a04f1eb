-- Retention (module qa): a conversation's recording files and transcript are deleted once older
-- than the configured retention, unless an appeal is open; the row, its score and its review stay.
ALTER TABLE qa_recording
    ADD COLUMN recording_deleted_at  TIMESTAMPTZ,
    ADD COLUMN transcript_deleted_at TIMESTAMPTZ;
