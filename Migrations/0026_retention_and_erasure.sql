-- Retention and erasure (issue 18, GDPR arts. 5(1)(e) and 17): how long each kind of personal data
-- is kept per organisation, the daily pass that applies it, and erasing a person who has left.
--
-- Erasing keeps every figure about groups as it was: the person's employee and sign-in rows stay
-- as empty shells ("erased-ID", no name, no contact details, no password), so their attendance,
-- completions and survey invitations still count in reports of the past, but nothing in them says
-- who they were. What is only about them (sessions, roles, authenticator, calendar feeds, follows,
-- future enrolments, onboarding, development discussions, mail, the link to their identified
-- self-assessments) is deleted; the sealed responses stay, unlinked, so dashboards do not change.

ALTER TABLE employees ADD COLUMN erased_at TEXT;

-- Per organisation; an organisation without a row has the defaults.
CREATE TABLE retention_policies (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id),
    -- People who left: erased this many months after the end of their employment.
    leavers_months INTEGER NOT NULL DEFAULT 24 CHECK (leavers_months BETWEEN 1 AND 120),
    -- Identified self-assessments: the link to the person removed this many years after answering.
    assessments_years INTEGER NOT NULL DEFAULT 5 CHECK (assessments_years BETWEEN 1 AND 20),
    updated_at TEXT,
    updated_by INTEGER REFERENCES users(id)
);

-- One row per day the pass has run (Helsinki date), with what it did.
CREATE TABLE retention_runs (
    day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    finished_at TEXT NOT NULL,
    people_erased INTEGER NOT NULL,
    assessments_unlinked INTEGER NOT NULL,
    audit_lines_deleted INTEGER NOT NULL
);

-- Signed development discussions stay as they were — until their person is erased.
DROP TRIGGER discussions_no_delete;
CREATE TRIGGER discussions_no_delete BEFORE DELETE ON discussions
WHEN (SELECT erased_at FROM employees WHERE id = OLD.employee_id) IS NULL
BEGIN SELECT RAISE(ABORT, 'discussions are kept'); END;

DROP TRIGGER discussion_answers_signed_delete;
CREATE TRIGGER discussion_answers_signed_delete BEFORE DELETE ON discussion_answers
WHEN (SELECT d.employee_signed_at IS NOT NULL AND d.supervisor_signed_at IS NOT NULL AND e.erased_at IS NULL
      FROM discussions d JOIN employees e ON e.id = d.employee_id WHERE d.id = OLD.discussion_id)
BEGIN SELECT RAISE(ABORT, 'a signed discussion is kept as it was'); END;

DROP TRIGGER discussion_goals_signed_delete;
CREATE TRIGGER discussion_goals_signed_delete BEFORE DELETE ON discussion_goals
WHEN (SELECT d.employee_signed_at IS NOT NULL AND d.supervisor_signed_at IS NOT NULL AND e.erased_at IS NULL
      FROM discussions d JOIN employees e ON e.id = d.employee_id WHERE d.id = OLD.discussion_id)
BEGIN SELECT RAISE(ABORT, 'a signed discussion is kept as it was'); END;

DROP TRIGGER discussion_actions_signed_delete;
CREATE TRIGGER discussion_actions_signed_delete BEFORE DELETE ON discussion_actions
WHEN (SELECT d.employee_signed_at IS NOT NULL AND d.supervisor_signed_at IS NOT NULL AND e.erased_at IS NULL
      FROM discussion_goals g JOIN discussions d ON d.id = g.discussion_id JOIN employees e ON e.id = d.employee_id
      WHERE g.id = OLD.goal_id)
BEGIN SELECT RAISE(ABORT, 'a signed discussion is kept as it was'); END;

DROP TRIGGER discussion_corrections_no_delete;
CREATE TRIGGER discussion_corrections_no_delete BEFORE DELETE ON discussion_corrections
WHEN (SELECT e.erased_at FROM discussions d JOIN employees e ON e.id = d.employee_id WHERE d.id = OLD.discussion_id) IS NULL
BEGIN SELECT RAISE(ABORT, 'a correction is kept as it was'); END;
