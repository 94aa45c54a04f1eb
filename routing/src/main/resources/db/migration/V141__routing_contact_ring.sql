-- Calls outlive a change of routing leader (module routing, issue 11, ADR 0043 addendum): the ring
-- of the agent's phone for a call's offer (the AMI Originate's channel id is cc-ring-<ring_id>),
-- stored before the phone rings and cleared when the offer ends, so a new leader can stop a ring
-- the old one left behind or give a call the phone answered to its agent. Callbacks keep theirs in
-- callback_ring_id (ADR 0025).
ALTER TABLE routing_contact ADD COLUMN ring_id TEXT;
