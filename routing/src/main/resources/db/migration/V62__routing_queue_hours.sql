-- Issue 11: opening hours per queue (not only per hotline), edited through the queue admin API.
-- NULL: always open. Otherwise {"zone": "Asia/Shanghai", "weekly": {"mon": ["09:00-18:00"], ...},
-- "holidays": ["2026-10-01"], "workdays": ["2026-10-11"], "workdayHours": ["09:00-18:00"]}
-- (workdays: make-up working days, 调休).
ALTER TABLE routing_queue ADD COLUMN hours JSONB;
ALTER TABLE routing_queue ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();
