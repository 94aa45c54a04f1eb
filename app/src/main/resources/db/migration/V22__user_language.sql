-- Each user's language for the pages (module app): null until they choose one with the switch,
-- then their browser's Accept-Language no longer decides.
ALTER TABLE app_user ADD COLUMN language TEXT CHECK (language IN ('en', 'zh-CN'));
