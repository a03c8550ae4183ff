-- Trainings: a catalogue of series and trainings, their sessions, enrolment with a waiting list,
-- attendance, an append-only completion history, anonymous feedback and calendar feeds.
--
-- Times of sessions are instants (UTC, as GRDB writes dates); pages show them in Europe/Helsinki.
-- Competence areas are named by their code, which survives framework versions.

-- People HR names as trainers of the organisation: they may keep the catalogue and mark attendance.
CREATE TABLE trainers (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (organisation_id, user_id)
) WITHOUT ROWID;

-- A recurring format, e.g. Digivinkkituokio (15-minute digi-tips).
CREATE TABLE training_series (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    title_fi TEXT NOT NULL CHECK (length(trim(title_fi)) > 0),
    title_sv TEXT NOT NULL DEFAULT '',
    title_en TEXT NOT NULL DEFAULT '',
    description_fi TEXT NOT NULL DEFAULT '',
    description_sv TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    UNIQUE (organisation_id, title_fi)
);

-- A catalogue entry. `organisation_id` owns it; `training_offers` lists other organisations of the
-- installation it is offered to (regional cooperation), each seeing only its own people.
CREATE TABLE trainings (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    series_id INTEGER REFERENCES training_series(id),
    title_fi TEXT NOT NULL CHECK (length(trim(title_fi)) > 0),
    title_sv TEXT NOT NULL DEFAULT '',
    title_en TEXT NOT NULL DEFAULT '',
    description_fi TEXT NOT NULL DEFAULT '',
    description_sv TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 10080),
    format TEXT NOT NULL CHECK (format IN ('remote', 'on_site', 'hybrid', 'recording', 'self_study')),
    language TEXT NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
    owner_user_id INTEGER REFERENCES users(id),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX trainings_organisation ON trainings (organisation_id, active);
CREATE INDEX trainings_series ON trainings (series_id);

CREATE TABLE training_offers (
    training_id INTEGER NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (training_id, organisation_id)
) WITHOUT ROWID;
CREATE INDEX training_offers_organisation ON training_offers (organisation_id);

-- The competence areas a training develops, by area code.
CREATE TABLE training_areas (
    training_id INTEGER NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
    area_code TEXT NOT NULL CHECK (area_code GLOB '[a-z0-9]*' AND area_code NOT GLOB '*[^a-z0-9-]*'),
    PRIMARY KEY (training_id, area_code)
) WITHOUT ROWID;
CREATE INDEX training_areas_code ON training_areas (area_code);

-- Who a training is for: no rows means everyone; otherwise anyone in one of the listed sectors or
-- job groups.
CREATE TABLE training_audience (
    training_id INTEGER NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
    sector_id INTEGER REFERENCES sectors(id),
    job_group TEXT CHECK (job_group IS NULL OR length(trim(job_group)) > 0),
    CHECK ((sector_id IS NULL) <> (job_group IS NULL))
);
CREATE INDEX training_audience_training ON training_audience (training_id);

-- Materials as links, in order.
CREATE TABLE training_materials (
    id INTEGER PRIMARY KEY,
    training_id INTEGER NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    url TEXT NOT NULL CHECK (url GLOB 'http://*' OR url GLOB 'https://*')
);
CREATE INDEX training_materials_training ON training_materials (training_id, position);

-- One occurrence of a training. `sequence` grows on every change (iCalendar SEQUENCE) and `uid` is
-- the stable iCalendar UID. A cancelled session keeps its record, with the reason.
CREATE TABLE training_sessions (
    id INTEGER PRIMARY KEY,
    training_id INTEGER NOT NULL REFERENCES trainings(id),
    uid TEXT NOT NULL UNIQUE,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    meeting_url TEXT CHECK (meeting_url IS NULL OR meeting_url GLOB 'http://*' OR meeting_url GLOB 'https://*'),
    trainer_name TEXT NOT NULL DEFAULT '',
    capacity INTEGER CHECK (capacity IS NULL OR capacity > 0),
    enrolment TEXT NOT NULL CHECK (enrolment IN ('open', 'registration', 'assigned')),
    status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    cancel_reason TEXT,
    cancelled_at TEXT,
    recording_url TEXT CHECK (recording_url IS NULL OR recording_url GLOB 'http://*' OR recording_url GLOB 'https://*'),
    recording_until TEXT CHECK (recording_until IS NULL OR recording_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    check_in_key TEXT NOT NULL,
    sequence INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
CREATE INDEX training_sessions_start ON training_sessions (starts_at);
CREATE INDEX training_sessions_training ON training_sessions (training_id, starts_at);

-- Target units of a session (each with its sub-units); no rows means the whole organisation.
CREATE TABLE training_session_units (
    session_id INTEGER NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    PRIMARY KEY (session_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX training_session_units_unit ON training_session_units (unit_id);

-- Enrolment in a registration or assigned session. `waiting` holds the queue in `enrolled_at`
-- order; when a place frees, the first waiting is promoted in the same transaction.
CREATE TABLE training_enrolments (
    session_id INTEGER NOT NULL REFERENCES training_sessions(id),
    employee_id INTEGER NOT NULL REFERENCES employees(id),
    kind TEXT NOT NULL CHECK (kind IN ('registered', 'assigned')),
    state TEXT NOT NULL CHECK (state IN ('enrolled', 'waiting', 'cancelled')),
    enrolled_at TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    assigned_by INTEGER REFERENCES users(id),
    PRIMARY KEY (session_id, employee_id)
) WITHOUT ROWID;
CREATE INDEX training_enrolments_employee ON training_enrolments (employee_id, state);
CREATE INDEX training_enrolments_queue ON training_enrolments (session_id, state, enrolled_at);

-- Open sessions a person chose to follow in their calendar.
CREATE TABLE training_follows (
    employee_id INTEGER NOT NULL REFERENCES employees(id),
    session_id INTEGER NOT NULL REFERENCES training_sessions(id),
    PRIMARY KEY (employee_id, session_id)
) WITHOUT ROWID;

-- Who was at a session: marked by the trainer, HR or the supervisor, or a self check-in.
CREATE TABLE training_attendance (
    session_id INTEGER NOT NULL REFERENCES training_sessions(id),
    employee_id INTEGER NOT NULL REFERENCES employees(id),
    source TEXT NOT NULL CHECK (source IN ('marked', 'check_in')),
    recorded_at TEXT NOT NULL,
    recorded_by INTEGER REFERENCES users(id),
    PRIMARY KEY (session_id, employee_id)
) WITHOUT ROWID;
CREATE INDEX training_attendance_employee ON training_attendance (employee_id);

-- The completion history, append-only: a correction is a new entry naming the entry it corrects
-- (`corrects_id`) and either replacing it or withdrawing it. The entries in force are those no later
-- entry corrects, less the withdrawals.
CREATE TABLE training_completions (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees(id),
    training_id INTEGER NOT NULL REFERENCES trainings(id),
    session_id INTEGER REFERENCES training_sessions(id),
    kind TEXT NOT NULL CHECK (kind IN ('attended', 'recording', 'external')),
    completed_on TEXT NOT NULL CHECK (completed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    note TEXT NOT NULL DEFAULT '',
    withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
    corrects_id INTEGER REFERENCES training_completions(id),
    recorded_at TEXT NOT NULL,
    recorded_by INTEGER REFERENCES users(id),
    CHECK (withdrawn = 0 OR corrects_id IS NOT NULL)
);
CREATE INDEX training_completions_employee ON training_completions (employee_id, completed_on);
CREATE INDEX training_completions_training ON training_completions (training_id, completed_on);
CREATE UNIQUE INDEX training_completions_corrects ON training_completions (corrects_id) WHERE corrects_id IS NOT NULL;
CREATE TRIGGER training_completions_no_update BEFORE UPDATE ON training_completions
BEGIN SELECT RAISE(ABORT, 'completion history is append-only'); END;
CREATE TRIGGER training_completions_no_delete BEFORE DELETE ON training_completions
BEGIN SELECT RAISE(ABORT, 'completion history is append-only'); END;

-- Feedback after a session, never linked to the person: rows are keyed by a random id (no rowid,
-- no time, so neither order nor a clock links a row to an attendee), and whether someone has given
-- feedback is a keyed hash of session and employee, like a survey's answer credential.
CREATE TABLE training_feedback (
    session_id INTEGER NOT NULL REFERENCES training_sessions(id),
    random_id BLOB NOT NULL,
    usefulness INTEGER NOT NULL CHECK (usefulness BETWEEN 1 AND 5),
    can_use INTEGER CHECK (can_use IS NULL OR can_use IN (0, 1)),
    comment TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, random_id)
) WITHOUT ROWID;
CREATE TABLE training_feedback_credentials (
    session_id INTEGER NOT NULL REFERENCES training_sessions(id),
    credential BLOB NOT NULL,
    PRIMARY KEY (session_id, credential)
) WITHOUT ROWID;

-- Calendar subscription feeds. The address carries a random token; only its SHA-256 is kept. One
-- live feed per person and scope ('personal': their sessions; 'catalogue': the organisation's).
CREATE TABLE calendar_feeds (
    id INTEGER PRIMARY KEY,
    token_hash BLOB NOT NULL UNIQUE,
    employee_id INTEGER NOT NULL REFERENCES employees(id),
    scope TEXT NOT NULL CHECK (scope IN ('personal', 'catalogue')),
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE UNIQUE INDEX calendar_feeds_live ON calendar_feeds (employee_id, scope) WHERE revoked_at IS NULL;
