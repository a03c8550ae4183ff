-- Required training (issue 13): requirements, their versions, exemptions and minimum levels.
--
-- Nothing here stores anyone's status. A person's status for a requirement on a day is computed when
-- it is read, from the completion history (training_completions), their start and end dates, their
-- exemptions and the requirement's version in force on that day (Metrics/Compliance). So a status
-- cannot go stale, needs no repair script, and "who was valid on 1 March?" is answered from history.

CREATE TABLE compliance_requirements (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    title_fi TEXT NOT NULL CHECK (length(trim(title_fi)) > 0),
    title_sv TEXT NOT NULL DEFAULT '',
    title_en TEXT NOT NULL DEFAULT '',
    description_fi TEXT NOT NULL DEFAULT '',
    description_sv TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    -- A retired requirement is no longer followed from this day on; its history stays.
    retired_on TEXT CHECK (retired_on IS NULL OR retired_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    updated_at TEXT NOT NULL
);
CREATE INDEX compliance_requirements_organisation ON compliance_requirements (organisation_id);

-- The rule of a requirement from a day on. A change is a new version, never an edit: the status on a
-- past day is computed with the version then in force, so audits of past days do not move.
CREATE TABLE compliance_requirement_versions (
    id INTEGER PRIMARY KEY,
    requirement_id INTEGER NOT NULL REFERENCES compliance_requirements(id),
    effective_from TEXT NOT NULL CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- NULL: once, never expires.
    validity_months INTEGER CHECK (validity_months IS NULL OR validity_months BETWEEN 1 AND 120),
    renewal_window_days INTEGER NOT NULL CHECK (renewal_window_days BETWEEN 0 AND 366),
    anchor TEXT NOT NULL CHECK (anchor IN ('completion', 'yearly')),
    anchor_month INTEGER CHECK (anchor_month IS NULL OR anchor_month BETWEEN 1 AND 12),
    anchor_day INTEGER CHECK (anchor_day IS NULL OR anchor_day BETWEEN 1 AND 31),
    new_hire_grace_days INTEGER NOT NULL CHECK (new_hire_grace_days BETWEEN 0 AND 366),
    -- The deadline of staff already employed when the requirement came into force.
    first_due_on TEXT NOT NULL CHECK (first_due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- Whether the audience is everyone; otherwise the rows of compliance_requirement_audience.
    for_everyone INTEGER NOT NULL CHECK (for_everyone IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    UNIQUE (requirement_id, effective_from),
    CHECK ((anchor = 'yearly') = (anchor_month IS NOT NULL AND anchor_day IS NOT NULL))
);
CREATE TRIGGER compliance_requirement_versions_no_update BEFORE UPDATE ON compliance_requirement_versions
BEGIN SELECT RAISE(ABORT, 'requirement versions are kept as they were'); END;
CREATE TRIGGER compliance_requirement_versions_no_delete BEFORE DELETE ON compliance_requirement_versions
BEGIN SELECT RAISE(ABORT, 'requirement versions are kept as they were'); END;

-- Trainings whose completions satisfy a version (equivalents; external evidence is a completion of one
-- of them).
CREATE TABLE compliance_requirement_trainings (
    version_id INTEGER NOT NULL REFERENCES compliance_requirement_versions(id),
    training_id INTEGER NOT NULL REFERENCES trainings(id),
    PRIMARY KEY (version_id, training_id)
) WITHOUT ROWID;
CREATE INDEX compliance_requirement_trainings_training ON compliance_requirement_trainings (training_id);

-- Who a version applies to when not everyone: people of these sectors, job groups or units (with
-- their sub-units), or of a named role. A person in any row is in the audience.
CREATE TABLE compliance_requirement_audience (
    version_id INTEGER NOT NULL REFERENCES compliance_requirement_versions(id),
    sector_id INTEGER REFERENCES sectors(id),
    job_group TEXT,
    unit_id INTEGER REFERENCES units(id),
    role TEXT CHECK (role IS NULL OR role IN ('supervisors', 'digitutors')),
    CHECK ((sector_id IS NOT NULL) + (job_group IS NOT NULL) + (unit_id IS NOT NULL) + (role IS NOT NULL) = 1)
);
CREATE INDEX compliance_requirement_audience_version ON compliance_requirement_audience (version_id);

-- A person excused from a requirement for a time, with the reason. Ending one early records when and
-- by whom; nothing is deleted.
CREATE TABLE compliance_exemptions (
    id INTEGER PRIMARY KEY,
    requirement_id INTEGER NOT NULL REFERENCES compliance_requirements(id),
    employee_id INTEGER NOT NULL REFERENCES employees(id),
    from_on TEXT NOT NULL CHECK (from_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    until_on TEXT NOT NULL CHECK (until_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    ended_on TEXT CHECK (ended_on IS NULL OR ended_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    ended_by INTEGER REFERENCES users(id),
    CHECK (until_on >= from_on)
);
CREATE INDEX compliance_exemptions_requirement ON compliance_exemptions (requirement_id, employee_id);
CREATE INDEX compliance_exemptions_employee ON compliance_exemptions (employee_id);

-- The lowest acceptable level of a competence area for a job group or a sector (or the whole
-- organisation when both are empty), on the framework's scale; shown next to the training status.
CREATE TABLE compliance_minimum_levels (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    area_code TEXT NOT NULL,
    sector_id INTEGER REFERENCES sectors(id),
    job_group TEXT,
    level REAL NOT NULL CHECK (level > 0 AND level <= 10),
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users(id),
    CHECK (sector_id IS NULL OR job_group IS NULL)
);
CREATE UNIQUE INDEX compliance_minimum_levels_key
    ON compliance_minimum_levels (organisation_id, area_code, ifnull(sector_id, 0), ifnull(job_group, ''));
