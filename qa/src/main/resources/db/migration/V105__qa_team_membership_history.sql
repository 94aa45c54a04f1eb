-- Team memberships with their validity (module qa, ADR 0028): a conversation counts under the team
-- its agent was in when it ended, so moving an agent no longer moves their past.
-- valid_from NULL: since always (an agent's first team covers their earlier conversations);
-- valid_to NULL: still a member. Memberships of one agent never overlap (JdbcQaReports serializes
-- changes per agent and closes the open one first).
CREATE TABLE qa_team_membership (
    id         BIGSERIAL PRIMARY KEY,
    agent      TEXT        NOT NULL,
    team       TEXT        NOT NULL,
    valid_from TIMESTAMPTZ,
    valid_to   TIMESTAMPTZ,
    changed_by TEXT        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from < valid_to)
);
CREATE UNIQUE INDEX qa_team_membership_open_idx ON qa_team_membership (agent) WHERE valid_to IS NULL;
CREATE INDEX qa_team_membership_agent_idx ON qa_team_membership (agent, valid_from);
CREATE INDEX qa_team_membership_team_idx ON qa_team_membership (team);

-- Today's teams become memberships since always: that is how reports counted them until now.
INSERT INTO qa_team_membership (agent, team, valid_from, valid_to, changed_by, changed_at)
SELECT agent, team, NULL, NULL, 'migration', updated_at FROM qa_agent_team;

DROP TABLE qa_agent_team;
