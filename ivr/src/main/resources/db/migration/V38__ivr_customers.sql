-- Hotline callers the IVR recognises by number (module ivr): a caller whose number (E.164) is
-- here is handed to an agent with CC_PRIORITY set to the tier (vip callers first in the queue).
CREATE TABLE ivr_customer (
    phone       TEXT        PRIMARY KEY,     -- E.164
    customer_id TEXT        NOT NULL,
    tier        TEXT        NOT NULL DEFAULT 'normal' CHECK (tier IN ('normal', 'vip')),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
