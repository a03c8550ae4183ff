-- Competence frameworks (osaamismittari), survey rounds (kysely), responses and one-time codes.
--
-- Anonymity is a property of this schema, not only of the code that uses it. In an anonymous round
-- the response tables hold round, unit, sector and job group, never a person. Who has answered is in
-- survey_invitations.answered_on, a calendar day with no time of day. The response tables are
-- WITHOUT ROWID and keyed by a random key, so neither a rowid, nor storage order, nor a clock, nor a
-- shared column links an invitation to a response.

-- A framework version. HR edits a draft; publishing gives it the next version number of its family
-- (`code`) and freezes it: the triggers below refuse any change to a published framework's rows.
-- organisation_id NULL marks a framework shipped with Taitotutka, usable by every organisation.
CREATE TABLE frameworks (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER REFERENCES organisations(id),
    code TEXT NOT NULL CHECK (code GLOB '[a-z0-9]*' AND code NOT GLOB '*[^a-z0-9-]*'),
    version INTEGER CHECK (version IS NULL OR version > 0),
    status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    name_fi TEXT NOT NULL CHECK (length(trim(name_fi)) > 0),
    name_sv TEXT NOT NULL,
    name_en TEXT NOT NULL,
    scale_min INTEGER NOT NULL DEFAULT 1,
    scale_max INTEGER NOT NULL DEFAULT 5,
    cant_say_fi TEXT NOT NULL DEFAULT 'En osaa sanoa',
    cant_say_sv TEXT NOT NULL DEFAULT 'Kan inte säga',
    cant_say_en TEXT NOT NULL DEFAULT 'Can''t say',
    created_at TEXT NOT NULL,
    published_at TEXT,
    CHECK (scale_min >= 0 AND scale_max > scale_min AND scale_max - scale_min <= 9),
    CHECK ((status = 'draft' AND version IS NULL AND published_at IS NULL)
        OR (status = 'published' AND version IS NOT NULL AND published_at IS NOT NULL))
);
CREATE UNIQUE INDEX frameworks_version ON frameworks (ifnull(organisation_id, 0), code, version)
    WHERE version IS NOT NULL;

-- The label of each point of a framework's scale, e.g. 1 = "strongly disagree".
CREATE TABLE framework_scale_labels (
    framework_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    value INTEGER NOT NULL,
    label_fi TEXT NOT NULL CHECK (length(trim(label_fi)) > 0),
    label_sv TEXT NOT NULL,
    label_en TEXT NOT NULL,
    PRIMARY KEY (framework_id, value)
);

-- An area (osa-alue): a competence area or an influencing factor. The code is stable across versions,
-- so rounds on different versions are compared by it.
CREATE TABLE framework_areas (
    id INTEGER PRIMARY KEY,
    framework_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    code TEXT NOT NULL CHECK (code GLOB '[a-z0-9]*' AND code NOT GLOB '*[^a-z0-9-]*'),
    kind TEXT NOT NULL CHECK (kind IN ('competence', 'factor')),
    position INTEGER NOT NULL,
    name_fi TEXT NOT NULL CHECK (length(trim(name_fi)) > 0),
    name_sv TEXT NOT NULL,
    name_en TEXT NOT NULL,
    description_fi TEXT NOT NULL DEFAULT '',
    description_sv TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    UNIQUE (framework_id, code)
);

-- A statement (väittämä) answered on the framework's scale. Codes are stable like area codes.
CREATE TABLE framework_statements (
    id INTEGER PRIMARY KEY,
    area_id INTEGER NOT NULL REFERENCES framework_areas(id) ON DELETE CASCADE,
    code TEXT NOT NULL CHECK (length(trim(code)) > 0),
    position INTEGER NOT NULL,
    text_fi TEXT NOT NULL CHECK (length(trim(text_fi)) > 0),
    text_sv TEXT NOT NULL,
    text_en TEXT NOT NULL,
    UNIQUE (area_id, code)
);
CREATE INDEX framework_statements_area ON framework_statements (area_id, position);

-- Target level (tavoitetaso) of an area: for everyone (both NULL), a sector, or a job group. The
-- most specific applies: job group, then sector, then everyone.
CREATE TABLE framework_targets (
    id INTEGER PRIMARY KEY,
    area_id INTEGER NOT NULL REFERENCES framework_areas(id) ON DELETE CASCADE,
    sector_id INTEGER REFERENCES sectors(id),
    job_group TEXT CHECK (job_group IS NULL OR length(trim(job_group)) > 0),
    level REAL NOT NULL,
    CHECK (sector_id IS NULL OR job_group IS NULL)
);
CREATE UNIQUE INDEX framework_targets_unique
    ON framework_targets (area_id, ifnull(sector_id, 0), ifnull(job_group, ''));

-- Published frameworks never change.
CREATE TRIGGER frameworks_frozen_update BEFORE UPDATE ON frameworks
WHEN OLD.status = 'published'
BEGIN SELECT RAISE(ABORT, 'published framework is read-only'); END;
CREATE TRIGGER frameworks_frozen_delete BEFORE DELETE ON frameworks
WHEN OLD.status = 'published'
BEGIN SELECT RAISE(ABORT, 'published framework is read-only'); END;
CREATE TRIGGER framework_labels_frozen_insert BEFORE INSERT ON framework_scale_labels
WHEN (SELECT status FROM frameworks WHERE id = NEW.framework_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published framework is read-only'); END;
CREATE TRIGGER framework_labels_frozen_update BEFORE UPDATE ON framework_scale_labels
WHEN (SELECT status FROM frameworks WHERE id = OLD.framework_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published framework is read-only'); END;
CREATE TRIGGER framework_labels_frozen_delete BEFORE DELETE ON framework_scale_labels
WHEN (SELECT status FROM frameworks WHERE id = OLD.framework_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published framework is read-only'); END;
CREATE TRIGGER framework_areas_frozen_insert BEFORE INSERT ON framework_areas
WHEN (SELECT status FROM frameworks WHERE id = NEW.framework_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published framework is read-only'); END;
CREATE TRIGGER framework_areas_frozen_update BEFORE UPDATE ON framework_areas
WHEN (SELECT status FROM frameworks WHERE id = OLD.framework_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published framework is read-only'); END;
CREATE TRIGGER framework_areas_frozen_delete BEFORE DELETE ON framework_areas
WHEN (SELECT status FROM frameworks WHERE id = OLD.framework_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published framework is read-only'); END;
CREATE TRIGGER framework_statements_frozen_insert BEFORE INSERT ON framework_statements
WHEN (SELECT f.status FROM framework_areas a JOIN frameworks f ON f.id = a.framework_id
      WHERE a.id = NEW.area_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published framework is read-only'); END;
CREATE TRIGGER framework_statements_frozen_update BEFORE UPDATE ON framework_statements
WHEN (SELECT f.status FROM framework_areas a JOIN frameworks f ON f.id = a.framework_id
      WHERE a.id = OLD.area_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published framework is read-only'); END;
CREATE TRIGGER framework_statements_frozen_delete BEFORE DELETE ON framework_statements
WHEN (SELECT f.status FROM framework_areas a JOIN frameworks f ON f.id = a.framework_id
      WHERE a.id = OLD.area_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published framework is read-only'); END;
CREATE TRIGGER framework_targets_frozen_insert BEFORE INSERT ON framework_targets
WHEN (SELECT f.status FROM framework_areas a JOIN frameworks f ON f.id = a.framework_id
      WHERE a.id = NEW.area_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published framework is read-only'); END;
CREATE TRIGGER framework_targets_frozen_update BEFORE UPDATE ON framework_targets
WHEN (SELECT f.status FROM framework_areas a JOIN frameworks f ON f.id = a.framework_id
      WHERE a.id = OLD.area_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published framework is read-only'); END;
CREATE TRIGGER framework_targets_frozen_delete BEFORE DELETE ON framework_targets
WHEN (SELECT f.status FROM framework_areas a JOIN frameworks f ON f.id = a.framework_id
      WHERE a.id = OLD.area_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'published framework is read-only'); END;

-- A survey round of one organisation on one published framework version.
-- Lifecycle: draft → open → closed. closes_on may be moved later while the round is open.
CREATE TABLE survey_rounds (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    framework_id INTEGER NOT NULL REFERENCES frameworks(id),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    mode TEXT NOT NULL CHECK (mode IN ('anonymous', 'identified')),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
    opens_on TEXT NOT NULL CHECK (opens_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    closes_on TEXT NOT NULL CHECK (closes_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    minimum_group_size INTEGER NOT NULL DEFAULT 5 CHECK (minimum_group_size BETWEEN 3 AND 100),
    open_answer_threshold INTEGER NOT NULL DEFAULT 10,
    created_at TEXT NOT NULL,
    opened_at TEXT,
    closed_at TEXT,
    -- Bumped by the triggers below whenever the round's results may change (a response, a change of
    -- status), so dashboards can cache what they computed until it does.
    results_version INTEGER NOT NULL DEFAULT 0,
    CHECK (closes_on >= opens_on),
    CHECK (open_answer_threshold >= minimum_group_size)
);
CREATE INDEX survey_rounds_organisation ON survey_rounds (organisation_id, opens_on);

CREATE TRIGGER survey_rounds_published_framework BEFORE INSERT ON survey_rounds
WHEN (SELECT status FROM frameworks WHERE id = NEW.framework_id) IS NOT 'published'
BEGIN SELECT RAISE(ABORT, 'a round needs a published framework'); END;

-- The round's population: whole sectors and single units (with their sub-units). No rows means the
-- whole organisation.
CREATE TABLE survey_round_scope (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES survey_rounds(id) ON DELETE CASCADE,
    sector_id INTEGER REFERENCES sectors(id),
    unit_id INTEGER REFERENCES units(id),
    CHECK ((sector_id IS NULL) <> (unit_id IS NULL))
);
CREATE INDEX survey_round_scope_round ON survey_round_scope (round_id);

-- Optional open questions of a round, shown after the last area.
CREATE TABLE survey_open_questions (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES survey_rounds(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text_fi TEXT NOT NULL CHECK (length(trim(text_fi)) > 0),
    text_sv TEXT NOT NULL,
    text_en TEXT NOT NULL
);
CREATE INDEX survey_open_questions_round ON survey_open_questions (round_id, position);

-- Who was invited when the round opened (the population for response rates) and the calendar day
-- they answered. Unit and job group are as they were at opening.
CREATE TABLE survey_invitations (
    round_id INTEGER NOT NULL REFERENCES survey_rounds(id) ON DELETE CASCADE,
    employee_id INTEGER NOT NULL REFERENCES employees(id),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    job_group TEXT NOT NULL DEFAULT '',
    answered_on TEXT CHECK (answered_on IS NULL OR answered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    PRIMARY KEY (round_id, employee_id)
) WITHOUT ROWID;
CREATE INDEX survey_invitations_employee ON survey_invitations (employee_id);
CREATE INDEX survey_invitations_unit ON survey_invitations (round_id, unit_id, job_group);

-- A submitted response. `key` is a random 63-bit number: the table's order says nothing of the order
-- of submission. job_group is '' when unknown (answers given with a one-time code).
-- `answers` holds one character per statement of the round's framework, in area then statement
-- position order (published frameworks never change, so the order is fixed): '1'…'9' is the value,
-- '-' is "can't say", '.' is unanswered. One short text per response keeps six rounds of 40,000
-- people in megabytes rather than millions of rows.
CREATE TABLE survey_responses (
    key INTEGER NOT NULL PRIMARY KEY CHECK (key > 0),
    round_id INTEGER NOT NULL REFERENCES survey_rounds(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    sector_id INTEGER REFERENCES sectors(id),
    job_group TEXT NOT NULL DEFAULT '',
    answers TEXT NOT NULL CHECK (answers NOT GLOB '*[^1-9.-]*')
) WITHOUT ROWID;
CREATE INDEX survey_responses_round ON survey_responses (round_id, unit_id, job_group);

CREATE TRIGGER survey_responses_version AFTER INSERT ON survey_responses
BEGIN UPDATE survey_rounds SET results_version = results_version + 1 WHERE id = NEW.round_id; END;
CREATE TRIGGER survey_rounds_status_version AFTER UPDATE OF status ON survey_rounds
WHEN OLD.status <> NEW.status
BEGIN UPDATE survey_rounds SET results_version = results_version + 1 WHERE id = NEW.id; END;

-- Area scores computed at submission (mean of answered statements, only when at least half of the
-- area's statements were answered), so dashboards never recompute them.
CREATE TABLE survey_area_scores (
    response_key INTEGER NOT NULL REFERENCES survey_responses(key) ON DELETE CASCADE,
    area_id INTEGER NOT NULL REFERENCES framework_areas(id),
    score REAL NOT NULL,
    PRIMARY KEY (response_key, area_id)
) WITHOUT ROWID;

CREATE TABLE survey_open_answers (
    response_key INTEGER NOT NULL REFERENCES survey_responses(key) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES survey_open_questions(id) ON DELETE CASCADE,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0 AND length(text) <= 4000),
    PRIMARY KEY (response_key, question_id)
) WITHOUT ROWID;

-- In an identified round (self-assessment for development discussions) the response belongs to
-- the employee. A trigger refuses owners for anonymous rounds.
CREATE TABLE survey_response_owners (
    response_key INTEGER NOT NULL PRIMARY KEY REFERENCES survey_responses(key) ON DELETE CASCADE,
    employee_id INTEGER NOT NULL REFERENCES employees(id),
    submitted_on TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX survey_response_owners_employee ON survey_response_owners (employee_id);

CREATE TRIGGER survey_response_owners_identified_only BEFORE INSERT ON survey_response_owners
WHEN (SELECT r.mode FROM survey_responses s JOIN survey_rounds r ON r.id = s.round_id
      WHERE s.key = NEW.response_key) IS NOT 'identified'
BEGIN SELECT RAISE(ABORT, 'anonymous responses have no owner'); END;

-- Answers saved to continue later. Deleted in the transaction that submits the response.
-- respondent is 'employee:ID' or 'code:HASH'; answers are encoded as in survey_responses and
-- open_answers is a JSON object from question id to text.
CREATE TABLE survey_drafts (
    round_id INTEGER NOT NULL REFERENCES survey_rounds(id) ON DELETE CASCADE,
    respondent TEXT NOT NULL,
    answers TEXT NOT NULL DEFAULT '' CHECK (answers NOT GLOB '*[^1-9.-]*'),
    open_answers TEXT NOT NULL DEFAULT '{}',
    updated_on TEXT NOT NULL,
    PRIMARY KEY (round_id, respondent)
) WITHOUT ROWID;

-- One-time codes for staff without a sign-in, printed on slips for a unit. Only a hash is stored,
-- so the database does not let anyone answer. used_on is a day, like answered_on.
CREATE TABLE survey_codes (
    code_hash BLOB NOT NULL PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES survey_rounds(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    created_on TEXT NOT NULL,
    used_on TEXT
) WITHOUT ROWID;
CREATE INDEX survey_codes_round ON survey_codes (round_id, unit_id);
