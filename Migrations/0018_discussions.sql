-- Development discussions (kehityskeskustelu) with a personal development plan.
--
-- A cycle is a year's round of discussions in an organisation, opened by HR. A discussion is one
-- employee's meeting with their supervisor in a cycle: both prepare, the supervisor records the plan
-- (at most three goals, each tied to a competence area, with concrete actions and a follow-up date),
-- and both sign off. After both have signed, the record does not change (triggers below); a
-- correction is a new entry. Nothing here refers to an anonymous survey answer: the prepared picture
-- reads only identified self-assessments, through their owner table.

-- What HR lets HR see of discussions: only whether they were held and plans made (counts per unit),
-- or also their content. The page tells the employee which it is.
CREATE TABLE discussion_settings (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id),
    hr_sees_content INTEGER NOT NULL DEFAULT 0 CHECK (hr_sees_content IN (0, 1)),
    updated_at TEXT NOT NULL
);

-- The preparation questions the employee answers before the meeting (3–5 per organisation, edited
-- by HR). Retired questions keep the answers given to them readable.
CREATE TABLE discussion_questions (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    position INTEGER NOT NULL,
    text_fi TEXT NOT NULL CHECK (length(trim(text_fi)) > 0 AND length(text_fi) <= 300),
    text_sv TEXT NOT NULL DEFAULT '' CHECK (length(text_sv) <= 300),
    text_en TEXT NOT NULL DEFAULT '' CHECK (length(text_en) <= 300),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX discussion_questions_organisation ON discussion_questions (organisation_id, active, position);

CREATE TABLE discussion_cycles (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0 AND length(title) <= 200),
    starts_on TEXT NOT NULL CHECK (starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    ends_on TEXT NOT NULL CHECK (ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    CHECK (ends_on >= starts_on)
);
CREATE INDEX discussion_cycles_organisation ON discussion_cycles (organisation_id, starts_on);

-- The units a cycle covers, each with its sub-units; a cycle without rows covers the organisation.
CREATE TABLE discussion_cycle_units (
    cycle_id INTEGER NOT NULL REFERENCES discussion_cycles(id),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    PRIMARY KEY (cycle_id, unit_id)
) WITHOUT ROWID;

CREATE TABLE discussions (
    id INTEGER PRIMARY KEY,
    cycle_id INTEGER NOT NULL REFERENCES discussion_cycles(id),
    employee_id INTEGER NOT NULL REFERENCES employees(id),
    -- The unit when the discussion was opened: HR's counts are by it.
    unit_id INTEGER REFERENCES units(id),
    planned_on TEXT CHECK (planned_on IS NULL OR planned_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    held_on TEXT CHECK (held_on IS NULL OR held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    supervisor_notes TEXT NOT NULL DEFAULT '' CHECK (length(supervisor_notes) <= 4000),
    -- The employee's comment on the record; they may disagree and say so.
    employee_comment TEXT NOT NULL DEFAULT '' CHECK (length(employee_comment) <= 2000),
    employee_disagrees INTEGER NOT NULL DEFAULT 0 CHECK (employee_disagrees IN (0, 1)),
    employee_signed_at TEXT,
    supervisor_signed_at TEXT,
    supervisor_signed_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    updated_at TEXT NOT NULL,
    UNIQUE (cycle_id, employee_id)
);
CREATE INDEX discussions_employee ON discussions (employee_id, cycle_id);
CREATE INDEX discussions_unit ON discussions (unit_id, cycle_id);

CREATE TRIGGER discussions_signed_read_only BEFORE UPDATE ON discussions
WHEN OLD.employee_signed_at IS NOT NULL AND OLD.supervisor_signed_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a signed discussion is kept as it was'); END;
CREATE TRIGGER discussions_no_delete BEFORE DELETE ON discussions
BEGIN SELECT RAISE(ABORT, 'discussions are kept'); END;

-- Preparation: the employee's answers to the questions (the supervisor prepares in their notes).
CREATE TABLE discussion_answers (
    discussion_id INTEGER NOT NULL REFERENCES discussions(id),
    question_id INTEGER NOT NULL REFERENCES discussion_questions(id),
    answer TEXT NOT NULL CHECK (length(answer) <= 2000),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (discussion_id, question_id)
) WITHOUT ROWID;

-- The plan: at most three goals, each tied to a competence area of the framework.
CREATE TABLE discussion_goals (
    id INTEGER PRIMARY KEY,
    discussion_id INTEGER NOT NULL REFERENCES discussions(id),
    position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 3),
    area_id INTEGER NOT NULL REFERENCES framework_areas(id),
    goal TEXT NOT NULL CHECK (length(trim(goal)) > 0 AND length(goal) <= 500),
    follow_up_on TEXT CHECK (follow_up_on IS NULL OR follow_up_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    UNIQUE (discussion_id, position)
);
CREATE INDEX discussion_goals_area ON discussion_goals (area_id);

-- A goal's concrete actions: a session of the catalogue (the employee is enrolled), time with the
-- unit's digitutor, an instruction of the library, or practice at work.
CREATE TABLE discussion_actions (
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES discussion_goals(id),
    kind TEXT NOT NULL CHECK (kind IN ('session', 'tutor', 'instruction', 'practice')),
    training_id INTEGER REFERENCES trainings(id),
    session_id INTEGER REFERENCES training_sessions(id),
    instruction_id INTEGER REFERENCES instructions(id),
    note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    CHECK (kind <> 'session' OR training_id IS NOT NULL),
    CHECK (kind <> 'instruction' OR instruction_id IS NOT NULL)
);
CREATE INDEX discussion_actions_goal ON discussion_actions (goal_id);

-- Signed records do not change: their answers, goals and actions neither.
CREATE TRIGGER discussion_answers_signed BEFORE INSERT ON discussion_answers
WHEN (SELECT employee_signed_at IS NOT NULL AND supervisor_signed_at IS NOT NULL FROM discussions WHERE id = NEW.discussion_id)
BEGIN SELECT RAISE(ABORT, 'a signed discussion is kept as it was'); END;
CREATE TRIGGER discussion_answers_signed_update BEFORE UPDATE ON discussion_answers
WHEN (SELECT employee_signed_at IS NOT NULL AND supervisor_signed_at IS NOT NULL FROM discussions WHERE id = OLD.discussion_id)
BEGIN SELECT RAISE(ABORT, 'a signed discussion is kept as it was'); END;
CREATE TRIGGER discussion_answers_signed_delete BEFORE DELETE ON discussion_answers
WHEN (SELECT employee_signed_at IS NOT NULL AND supervisor_signed_at IS NOT NULL FROM discussions WHERE id = OLD.discussion_id)
BEGIN SELECT RAISE(ABORT, 'a signed discussion is kept as it was'); END;
CREATE TRIGGER discussion_goals_signed BEFORE INSERT ON discussion_goals
WHEN (SELECT employee_signed_at IS NOT NULL AND supervisor_signed_at IS NOT NULL FROM discussions WHERE id = NEW.discussion_id)
BEGIN SELECT RAISE(ABORT, 'a signed discussion is kept as it was'); END;
CREATE TRIGGER discussion_goals_signed_update BEFORE UPDATE ON discussion_goals
WHEN (SELECT employee_signed_at IS NOT NULL AND supervisor_signed_at IS NOT NULL FROM discussions WHERE id = OLD.discussion_id)
BEGIN SELECT RAISE(ABORT, 'a signed discussion is kept as it was'); END;
CREATE TRIGGER discussion_goals_signed_delete BEFORE DELETE ON discussion_goals
WHEN (SELECT employee_signed_at IS NOT NULL AND supervisor_signed_at IS NOT NULL FROM discussions WHERE id = OLD.discussion_id)
BEGIN SELECT RAISE(ABORT, 'a signed discussion is kept as it was'); END;
CREATE TRIGGER discussion_actions_signed BEFORE INSERT ON discussion_actions
WHEN (SELECT d.employee_signed_at IS NOT NULL AND d.supervisor_signed_at IS NOT NULL
      FROM discussion_goals g JOIN discussions d ON d.id = g.discussion_id WHERE g.id = NEW.goal_id)
BEGIN SELECT RAISE(ABORT, 'a signed discussion is kept as it was'); END;
CREATE TRIGGER discussion_actions_signed_delete BEFORE DELETE ON discussion_actions
WHEN (SELECT d.employee_signed_at IS NOT NULL AND d.supervisor_signed_at IS NOT NULL
      FROM discussion_goals g JOIN discussions d ON d.id = g.discussion_id WHERE g.id = OLD.goal_id)
BEGIN SELECT RAISE(ABORT, 'a signed discussion is kept as it was'); END;
CREATE TRIGGER discussion_actions_no_update BEFORE UPDATE ON discussion_actions
BEGIN SELECT RAISE(ABORT, 'an action is removed and added, not changed'); END;

-- Corrections to a signed record: new entries, never edits.
CREATE TABLE discussion_corrections (
    id INTEGER PRIMARY KEY,
    discussion_id INTEGER NOT NULL REFERENCES discussions(id),
    body TEXT NOT NULL CHECK (length(trim(body)) > 0 AND length(body) <= 2000),
    written_at TEXT NOT NULL,
    written_by INTEGER REFERENCES users(id)
);
CREATE INDEX discussion_corrections_discussion ON discussion_corrections (discussion_id);
CREATE TRIGGER discussion_corrections_no_update BEFORE UPDATE ON discussion_corrections
BEGIN SELECT RAISE(ABORT, 'a correction is kept as it was'); END;
CREATE TRIGGER discussion_corrections_no_delete BEFORE DELETE ON discussion_corrections
BEGIN SELECT RAISE(ABORT, 'a correction is kept as it was'); END;
