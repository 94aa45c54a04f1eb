-- Ticket text search (issue 14, ADR 0035, docs/benchmarks.md): the list searches the subject with
-- ILIKE '%text%' OR ticket_id = text. A GIN trigram index on the subject serves the ILIKE (a BitmapOr
-- with the primary key for the id), in English and in Chinese alike: pg_trgm hashes multibyte
-- characters into trigrams, so a query of 3 or more characters (e.g. 破损包) is found through the
-- index. Queries of 1-2 characters have no trigram and still scan (the count is capped, ADR 0035).
-- pg_trgm ships with PostgreSQL's contrib (also in the embedded test PostgreSQL) and is a trusted
-- extension, so the database owner can create it. Where it cannot be created (a server without
-- contrib, or no right to create it) the migration warns and goes on: the search works unindexed,
-- as before; an operator can run this file's statements later by hand.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXECUTE 'CREATE INDEX IF NOT EXISTS ticket_subject_trgm ON ticket USING gin (subject gin_trgm_ops)';
EXCEPTION WHEN OTHERS THEN
  RAISE WARNING 'ticket text search stays unindexed: pg_trgm unavailable (%)', SQLERRM;
END
$$;
