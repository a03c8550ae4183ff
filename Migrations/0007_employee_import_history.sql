-- What each staff import did, so HR can see recent imports and undo a deactivation an import made.
-- `source` is 'web' or 'command line'; `user_id`/`login` say who (none from the command line).
CREATE TABLE employee_imports (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    user_id INTEGER REFERENCES users(id),
    login TEXT,
    source TEXT NOT NULL CHECK (source IN ('web', 'command line')),
    file_name TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    created INTEGER NOT NULL,
    changed INTEGER NOT NULL,
    unchanged INTEGER NOT NULL,
    deactivated INTEGER NOT NULL,
    sectors_created INTEGER NOT NULL,
    units_created INTEGER NOT NULL
);
CREATE INDEX employee_imports_recent ON employee_imports (organisation_id, id);

-- Each employee an import deactivated, and why: 'missing' (not in a full roster export; can be
-- undone) or 'ended' (the file's end date had passed). `reactivated_at` is set when undone.
CREATE TABLE employee_import_deactivations (
    import_id INTEGER NOT NULL REFERENCES employee_imports(id),
    employee_id INTEGER NOT NULL REFERENCES employees(id),
    reason TEXT NOT NULL CHECK (reason IN ('missing', 'ended')),
    reactivated_at TEXT,
    PRIMARY KEY (import_id, employee_id)
) WITHOUT ROWID;
