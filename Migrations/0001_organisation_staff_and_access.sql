-- Organisations, their sectors, units and staff; sign-ins, roles, sessions and the audit log.
-- Timestamps are UTC text 'YYYY-MM-DD HH:MM:SS.SSS' (GRDB's Date encoding), calendar dates are
-- 'YYYY-MM-DD'. Booleans are 0/1. Rows with history are deactivated, never deleted.

-- A municipality or welfare area; one installation may hold several (regional cooperation).
CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*'),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    created_at TEXT NOT NULL
);

-- Toimiala, e.g. early education. Named as in the HR system's export.
CREATE TABLE sectors (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    UNIQUE (organisation_id, name)
);

-- Työyksikkö, e.g. one daycare centre. Units may nest; names are unique within an organisation,
-- because the HR export names units rather than numbering them.
CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    sector_id INTEGER REFERENCES sectors(id),
    parent_id INTEGER REFERENCES units(id),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (organisation_id, name),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX units_parent ON units (parent_id);
CREATE INDEX units_sector ON units (sector_id);

-- A person on the staff roster, imported from the HR system and identified by HR number.
CREATE TABLE employees (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    hr_number TEXT NOT NULL CHECK (length(trim(hr_number)) > 0),
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    unit_id INTEGER REFERENCES units(id),
    job_title TEXT,
    job_group TEXT,
    start_date TEXT CHECK (start_date IS NULL OR start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    end_date TEXT CHECK (end_date IS NULL OR end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    language TEXT NOT NULL DEFAULT 'fi' CHECK (language IN ('fi', 'sv', 'en')),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (organisation_id, hr_number)
);
CREATE INDEX employees_unit ON employees (unit_id);
CREATE INDEX employees_name ON employees (organisation_id, last_name, first_name);

-- A sign-in. The password hash carries its own algorithm and parameters, so they can be raised.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(login)) > 0),
    email TEXT UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    employee_id INTEGER UNIQUE REFERENCES employees(id),
    created_at TEXT NOT NULL
);

-- What a user may do, and where: employee (self, through employee_id), supervisor (a unit and its
-- sub-units), hr and tutor_coordinator (an organisation), admin (the installation).
CREATE TABLE role_assignments (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('employee', 'supervisor', 'hr', 'tutor_coordinator', 'admin')),
    organisation_id INTEGER REFERENCES organisations(id),
    unit_id INTEGER REFERENCES units(id),
    CHECK (
        (role = 'supervisor' AND unit_id IS NOT NULL AND organisation_id IS NULL)
        OR (role IN ('hr', 'tutor_coordinator') AND organisation_id IS NOT NULL AND unit_id IS NULL)
        OR (role IN ('employee', 'admin') AND organisation_id IS NULL AND unit_id IS NULL)
    )
);
CREATE UNIQUE INDEX role_assignments_unique
    ON role_assignments (user_id, role, ifnull(organisation_id, 0), ifnull(unit_id, 0));

-- Signed-in sessions. Only a hash of the identifier is stored, so a copy of the database does not
-- let anyone sign in.
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    token_hash BLOB NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    client_address TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

-- One line per security-relevant event (sign-in success and failure, role changes, imports…).
-- `login` is what was typed at a failed sign-in; never a password.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id),
    login TEXT,
    action TEXT NOT NULL,
    target TEXT,
    client_address TEXT,
    detail TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
