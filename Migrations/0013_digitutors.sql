-- Digitutors (issue 14): peer helpers in the units, their topics, office hours, status over time,
-- the coordinator's news line, and a help log that never names the person helped.

-- The topics tutors help with, kept per organisation by the coordinator.
CREATE TABLE tutor_topics (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    name_fi TEXT NOT NULL CHECK (length(trim(name_fi)) > 0),
    name_sv TEXT NOT NULL DEFAULT '',
    name_en TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX tutor_topics_organisation ON tutor_topics (organisation_id, position);

-- A tutor: an employee of the organisation, at most once.
CREATE TABLE tutors (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    employee_id INTEGER NOT NULL UNIQUE REFERENCES employees(id),
    coordinator_user_id INTEGER REFERENCES users(id),
    -- Languages the tutor helps in: a comma-separated subset of fi, sv, en.
    languages TEXT NOT NULL DEFAULT 'fi',
    -- "Ask me anytime" besides (or instead of) office hours.
    ask_anytime INTEGER NOT NULL DEFAULT 0 CHECK (ask_anytime IN (0, 1)),
    -- How to reach them, as they want it shown (e.g. "Teams or the break room").
    contact_note TEXT NOT NULL DEFAULT '',
    -- When the tutoring is planned to end (for "ending within 60 days"); the status history says
    -- when it did.
    planned_end_on TEXT CHECK (planned_end_on IS NULL OR planned_end_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX tutors_organisation ON tutors (organisation_id);

-- Status over time: each change from a day on. Kept as history (never updated or deleted), so
-- coverage on any past day, and its trend, come from it.
CREATE TABLE tutor_status_changes (
    id INTEGER PRIMARY KEY,
    tutor_id INTEGER NOT NULL REFERENCES tutors(id),
    status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'ended')),
    from_on TEXT NOT NULL CHECK (from_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    recorded_at TEXT NOT NULL,
    recorded_by INTEGER REFERENCES users(id)
);
CREATE INDEX tutor_status_changes_tutor ON tutor_status_changes (tutor_id, from_on);
CREATE TRIGGER tutor_status_changes_no_update BEFORE UPDATE ON tutor_status_changes
BEGIN SELECT RAISE(ABORT, 'tutor status history is kept as it was'); END;
CREATE TRIGGER tutor_status_changes_no_delete BEFORE DELETE ON tutor_status_changes
BEGIN SELECT RAISE(ABORT, 'tutor status history is kept as it was'); END;

-- The units a tutor serves; a parent unit's tutor covers its sub-units only when the coordinator
-- says so.
CREATE TABLE tutor_units (
    tutor_id INTEGER NOT NULL REFERENCES tutors(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    includes_subunits INTEGER NOT NULL DEFAULT 0 CHECK (includes_subunits IN (0, 1)),
    PRIMARY KEY (tutor_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX tutor_units_unit ON tutor_units (unit_id);

CREATE TABLE tutor_topic_links (
    tutor_id INTEGER NOT NULL REFERENCES tutors(id) ON DELETE CASCADE,
    topic_id INTEGER NOT NULL REFERENCES tutor_topics(id),
    PRIMARY KEY (tutor_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX tutor_topic_links_topic ON tutor_topic_links (topic_id);

-- Recurring office hours: a weekday (1 = Monday … 7 = Sunday), a time and a place.
CREATE TABLE tutor_office_hours (
    id INTEGER PRIMARY KEY,
    tutor_id INTEGER NOT NULL REFERENCES tutors(id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    starts TEXT NOT NULL CHECK (starts GLOB '[0-2][0-9]:[0-5][0-9]'),
    ends TEXT NOT NULL CHECK (ends GLOB '[0-2][0-9]:[0-5][0-9]' AND ends > starts),
    place TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tutor_office_hours_tutor ON tutor_office_hours (tutor_id, weekday, starts);

-- The coordinator's news line for tutors: short notes, newest first.
CREATE TABLE tutor_news (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    body TEXT NOT NULL CHECK (length(trim(body)) > 0 AND length(body) <= 1000),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id)
);
CREATE INDEX tutor_news_organisation ON tutor_news (organisation_id, created_at);

-- Help given, logged by the tutor in a few taps. By design there is no column for the person helped
-- and no free text: only the day (no time of day), topic, about how long, the channel and the unit
-- helped. Figures per unit are shown only under the anonymity rule.
CREATE TABLE tutor_help_log (
    id INTEGER PRIMARY KEY,
    tutor_id INTEGER NOT NULL REFERENCES tutors(id),
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    topic_id INTEGER NOT NULL REFERENCES tutor_topics(id),
    minutes INTEGER NOT NULL CHECK (minutes IN (5, 15, 30, 60)),
    channel TEXT NOT NULL CHECK (channel IN ('in_person', 'phone', 'teams')),
    unit_id INTEGER NOT NULL REFERENCES units(id)
);
CREATE INDEX tutor_help_log_tutor ON tutor_help_log (tutor_id, day);
CREATE INDEX tutor_help_log_day ON tutor_help_log (day);
