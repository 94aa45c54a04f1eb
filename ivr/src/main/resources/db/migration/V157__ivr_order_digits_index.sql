-- Callers say or key an order's digits only ("A2026113" is asked for as 2026113), and a spoken
-- number ends early once the digits heard are a whole known order (ADR 0062): both look orders up
-- by their digits, which without this index read the whole table on every lookup. The "C"
-- collation makes a prefix a plain range of the index (digits sort as bytes).
CREATE INDEX ivr_order_digits_idx
    ON ivr_order ((regexp_replace(order_id, '[^0-9]', '', 'g') COLLATE "C"));
