-- A contact is answered once (module routing, issue 12, ADR 0054, ADR 0021 addendum): a call handed
-- back after its agent's page closed (ADR 0052) waits again with answered_at cleared, and the next
-- agent's answer sets answered_at anew. first_answered_at keeps the first answer of the contact's
-- part, so the reports' speed of answer and service level use it (as the wallboard's live counters
-- do) and a caller who leaves after the hand-back stays answered instead of abandoned. Rows stored
-- before have none: the reports read coalesce(first_answered_at, answered_at).
ALTER TABLE routing_contact ADD COLUMN first_answered_at TIMESTAMPTZ;
ALTER TABLE routing_contact_transfer ADD COLUMN first_answered_at TIMESTAMPTZ;
