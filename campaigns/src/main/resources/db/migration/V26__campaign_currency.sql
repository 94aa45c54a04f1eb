-- The currency of amounts ops upload without one ("199.00"): a campaign setting, CNY unless chosen.
ALTER TABLE campaign ADD COLUMN currency CHAR(3) NOT NULL DEFAULT 'CNY'
    CHECK (currency IN ('CNY', 'USD', 'EUR'));
