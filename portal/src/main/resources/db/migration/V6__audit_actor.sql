-- Who acted, when that is not the person the event is about (a platform admin ending someone
-- else's session). NULL when the person acted themselves.
ALTER TABLE audit_event ADD COLUMN actor VARCHAR(253);
