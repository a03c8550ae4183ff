-- The audit log as HR and administrators read it (issue 18): each line names the organisation it
-- concerns, so HR sees their own organisation's; the log is append-only in the database itself; and
-- how long lines are kept is a setting.

-- The organisation a line concerns: the target's when it belongs to one (an employee, a round…),
-- else the actor's. NULL: the installation's own (an administrator's setting, an unknown login).
ALTER TABLE audit_log ADD COLUMN organisation_id INTEGER REFERENCES organisations(id);

UPDATE audit_log SET organisation_id = coalesce(
    (SELECT e.organisation_id FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.id = audit_log.user_id),
    (SELECT r.organisation_id FROM role_assignments r
      WHERE r.user_id = audit_log.user_id AND r.organisation_id IS NOT NULL ORDER BY r.id LIMIT 1),
    (SELECT un.organisation_id FROM role_assignments r JOIN units un ON un.id = r.unit_id
      WHERE r.user_id = audit_log.user_id ORDER BY r.id LIMIT 1))
WHERE user_id IS NOT NULL;

CREATE INDEX audit_log_organisation ON audit_log (organisation_id, id);

-- How many months audit lines are kept (one row). Six months at least: the log is where a breach
-- is investigated, and ten years at most.
CREATE TABLE audit_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    retention_months INTEGER NOT NULL DEFAULT 24 CHECK (retention_months BETWEEN 6 AND 120),
    updated_at TEXT
);
INSERT INTO audit_settings (id, retention_months) VALUES (1, 24);

-- Append-only: a line is never changed, except that the personal part of it (who, from where) may
-- be cleared when the person is erased; and it is deleted only once past its retention.
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
WHEN NOT (NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.action = OLD.action AND NEW.target IS OLD.target
          AND NEW.organisation_id IS OLD.organisation_id AND NEW.detail IS OLD.detail
          AND NEW.user_id IS NULL AND NEW.login IS NULL AND NEW.client_address IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_kept_until_retention BEFORE DELETE ON audit_log
WHEN OLD.at >= strftime('%Y-%m-%d %H:%M:%f', 'now',
                        '-' || (SELECT retention_months FROM audit_settings WHERE id = 1) || ' months')
BEGIN
    SELECT RAISE(ABORT, 'an audit line is kept until its retention has passed');
END;
