-- The record of access: who opened which project's tools, when, and who was refused.
-- Never a token, cookie or password.
CREATE TABLE audit_event (
    id             BIGSERIAL    PRIMARY KEY,
    at             TIMESTAMPTZ  NOT NULL,
    kind           VARCHAR(64)  NOT NULL,
    username       VARCHAR(253) NOT NULL,
    project        VARCHAR(253),
    app            VARCHAR(253),
    outcome        VARCHAR(16)  NOT NULL,
    reason         VARCHAR(64)  NOT NULL,
    request_id     VARCHAR(64),
    client_address VARCHAR(64),
    request_count  BIGINT       NOT NULL DEFAULT 1
);

CREATE INDEX audit_event_project_at_idx ON audit_event (project, at DESC);
CREATE INDEX audit_event_user_at_idx ON audit_event (username, at DESC);
CREATE INDEX audit_event_at_idx ON audit_event (at);

-- Keycloak's session id of a login, so a back-channel logout can find it.
ALTER TABLE portal_session ADD COLUMN idp_sid VARCHAR(64);
CREATE INDEX portal_session_idp_sid_idx ON portal_session (idp_sid) WHERE ended_at IS NULL;
