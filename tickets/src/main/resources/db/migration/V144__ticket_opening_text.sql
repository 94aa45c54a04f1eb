-- A common short Chinese word in the ticket search (issue 14, ADR 0042 second addendum,
-- docs/benchmarks.md run 6). A one- or two-character text found in thousands of tickets (订单, 退款)
-- is checked row by row in list order; the opening text lived only in the OPENED history entry,
-- so each row not matched by its subject cost a lookup in ticket_entry, and the list's capped
-- total (10,000 matches, ~33,000 rows read) took 150-190 ms at a million tickets. The ticket row
-- now carries the text it was opened with (written once, with the row; the OPENED entry keeps it
-- for the history), so both texts are checked on the row, and the gram index of the opening text
-- moves to the ticket, beside the subject's (V130): a rare short text is one bitmap of the ticket.
ALTER TABLE ticket ADD COLUMN opening_text text;

-- Existing tickets: one pass over the table (at a million tickets it rewrites every row once;
-- VACUUM reclaims the old versions).
UPDATE ticket t SET opening_text = e.body
FROM ticket_entry e
WHERE e.ticket_id = t.ticket_id AND e.kind = 'OPENED';

CREATE INDEX ticket_opening_cjk ON ticket USING gin (ticket_cjk_grams(opening_text));
DROP INDEX ticket_entry_opened_cjk;
