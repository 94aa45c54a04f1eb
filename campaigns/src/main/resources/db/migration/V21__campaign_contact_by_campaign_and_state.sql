-- The dialer asks, per running campaign and tick, for that campaign's PENDING contacts that are
-- due (JdbcCampaignStore.lockDue), and progress counts a campaign's contacts by state. With only
-- campaign_contact_due_idx (every campaign's pending contacts by time) 200,000 pending contacts
-- of one draft campaign were read and filtered away for every other campaign on every tick.
-- Leading with campaign_id and state, this index finds one campaign's due contacts in time order.
CREATE INDEX campaign_contact_campaign_state_idx
    ON campaign_contact (campaign_id, state, next_dial_at);
