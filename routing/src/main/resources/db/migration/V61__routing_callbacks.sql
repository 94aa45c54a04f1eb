-- Issue 11: a caller waiting in the ACD may ask to be called back while keeping the place. The
-- number stays with the contact, so a callback survives a restart of the instance (held calls
-- do not: their channel ended with it).
ALTER TABLE routing_contact ADD COLUMN callback_number TEXT;
