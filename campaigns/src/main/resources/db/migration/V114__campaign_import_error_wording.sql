-- A rejected row's reason (and a refused file's) by message key and arguments, so that the console
-- and the API show it in the reader's language: {"key": ..., "english": ..., "args": [text or a
-- nested wording]}. NULL for imports made before; those keep their English sentence.
ALTER TABLE campaign_import_error ADD COLUMN reason_wording JSONB;
ALTER TABLE campaign_import ADD COLUMN error_wording JSONB;
