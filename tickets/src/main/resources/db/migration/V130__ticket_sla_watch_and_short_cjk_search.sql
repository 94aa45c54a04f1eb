-- Ticket list "breached" and "breaching soon" at a million tickets (issue 14, ADR 0042,
-- docs/benchmarks.md). V123's two partial indexes answered them through a bitmap of scattered
-- heap pages: counting 10,000 breached tickets read ~10,000 pages (≈ 300-430 ms on the shared
-- benchmark machine). One index over every ticket with a deadline or the breached flag, carrying the
-- flag and the list order's other columns, lets PostgreSQL count both filters from the index alone
-- (an index-only scan: "breached" is sla_breached OR sla_due_at <= now, which implies the index's
-- predicate) and still serves the deadline range of "breaching soon". It replaces both V123 indexes.
CREATE INDEX ticket_sla_watch ON ticket (sla_due_at, priority_rank, created_at, ticket_id)
    INCLUDE (sla_breached) WHERE sla_breached OR sla_due_at IS NOT NULL;
DROP INDEX ticket_sla_due;
DROP INDEX ticket_sla_breached;

-- Ticket text search of 1-2 Chinese (or Japanese, Korean) characters (ADR 0042). Chinese words are
-- often two characters (退款, 发票) or one (货); pg_trgm has no trigram in them (V125 serves 3 and
-- more), so such a query read the whole table, and it looked at the subject only. Every run of
-- CJK characters in the subject and in the ticket's opening text (its description, the OPENED
-- history entry) gives its single characters and pairs as an array of "grams", indexed by GIN: a
-- query of one or two such characters is the gram itself, found exactly (a pair of characters is
-- in the text if and only if it is one of its grams). The function is plain SQL, in every
-- PostgreSQL. Building both indexes over 1,000,000 tickets takes ~15 s each on the shared 2-core
-- benchmark machine (writes to ticket wait that long).
CREATE FUNCTION ticket_cjk_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT COALESCE(array_agg(DISTINCT substr(m.run, i, n)), '{}')
  FROM regexp_matches(t, '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+', 'g')
         AS r(a),
       LATERAL (SELECT r.a[1] AS run) AS m,
       LATERAL generate_series(1, char_length(m.run)) AS i,
       LATERAL (VALUES (1), (2)) AS k(n)
  WHERE i + n - 1 <= char_length(m.run)
$$;
CREATE INDEX ticket_subject_cjk ON ticket USING gin (ticket_cjk_grams(subject));
CREATE INDEX ticket_entry_opened_cjk ON ticket_entry USING gin (ticket_cjk_grams(body))
    WHERE kind = 'OPENED';
