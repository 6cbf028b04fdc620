-- Events that every replica observes (a desktop stopped by the operator, seen through each
-- replica's watch) carry a key; the unique index keeps one row per key. Rows without a key
-- (NULL) never conflict.
ALTER TABLE audit_event ADD COLUMN event_key VARCHAR(200);
CREATE UNIQUE INDEX audit_event_event_key_idx ON audit_event (event_key);
