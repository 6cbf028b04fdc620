-- The memberships the audit trail has recorded. A replica records a grant or a revocation only
-- when its insert or delete here changed a row, so every replica can report what its watch saw
-- and each change is recorded once; a replica starting up compares the resources with this table
-- to record what changed while no portal was watching.
CREATE TABLE audit_membership (
    username VARCHAR(253) NOT NULL,
    project  VARCHAR(253) NOT NULL,
    since    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (username, project)
);
