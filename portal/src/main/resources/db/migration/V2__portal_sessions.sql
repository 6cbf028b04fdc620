-- Portal logins by stable id (sid). Project tokens carry the sid, so ending a row here revokes
-- every token of that login on every replica.
CREATE TABLE portal_session (
    sid             VARCHAR(32)  NOT NULL PRIMARY KEY,
    http_session_id VARCHAR(64)  NOT NULL,
    username        VARCHAR(253) NOT NULL,
    started_at      TIMESTAMPTZ  NOT NULL,
    last_seen_at    TIMESTAMPTZ  NOT NULL,
    user_agent      VARCHAR(200) NOT NULL DEFAULT '',
    ended_at        TIMESTAMPTZ,
    end_reason      VARCHAR(64)
);

CREATE INDEX portal_session_username_idx ON portal_session (username) WHERE ended_at IS NULL;
CREATE INDEX portal_session_ended_idx ON portal_session (ended_at);

-- One row per login whose Keycloak refresh succeeded lately: replicas that waited on the same
-- lock reuse the outcome instead of calling Keycloak again.
CREATE TABLE session_refresh (
    sid          VARCHAR(32) NOT NULL PRIMARY KEY REFERENCES portal_session (sid) ON DELETE CASCADE,
    refreshed_at TIMESTAMPTZ NOT NULL
);
