-- A customer's earlier calls for the agent's timeline and screen pop (issue 12): CallDetailRecords
-- .involving asks for caller = ? OR callee = ?, newest first. Without these PostgreSQL read the
-- whole table (or walked pbx_cdr_ended_at_idx backwards past every other caller's call).
CREATE INDEX pbx_cdr_caller_idx ON pbx_call_detail_record (caller, ended_at DESC);
CREATE INDEX pbx_cdr_callee_idx ON pbx_call_detail_record (callee, ended_at DESC);
