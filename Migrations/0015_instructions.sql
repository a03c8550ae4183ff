-- The instructions library ("Digiohjeet", issue 15): short guides with links, an owner and a review
-- date, searchable in Finnish and Swedish; and the key-user (pääkäyttäjä) directory per system.

-- An instruction. The body is Markdown, shown only through cmark's safe mode (never raw HTML).
CREATE TABLE instructions (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0 AND length(title) <= 200),
    body TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 20000),
    -- The digitutor topic it belongs to (so a topic leads to its instructions), and the system it is
    -- about in free text (e.g. "Outlook", "Daisy"), which also finds the system's key users.
    topic_id INTEGER REFERENCES tutor_topics(id),
    system_name TEXT NOT NULL DEFAULT '' CHECK (length(system_name) <= 100),
    -- NULL: for everyone in the organisation.
    sector_id INTEGER REFERENCES sectors(id),
    language TEXT NOT NULL DEFAULT 'fi' CHECK (language IN ('fi', 'sv', 'en')),
    -- The same instruction in another language points at the original.
    translation_of INTEGER REFERENCES instructions(id),
    -- The owner: a named team (IT by default); users who may edit it are in instruction_owners.
    owner_team TEXT NOT NULL DEFAULT 'IT' CHECK (length(owner_team) <= 100),
    pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    reviewed_on TEXT NOT NULL CHECK (reviewed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    review_interval_months INTEGER NOT NULL DEFAULT 12 CHECK (review_interval_months BETWEEN 1 AND 60),
    -- reviewed_on plus the interval (the last day of a shorter month), written by the store: the
    -- "needs review" filter reads it.
    review_due_on TEXT NOT NULL CHECK (review_due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users(id)
);
CREATE INDEX instructions_organisation ON instructions (organisation_id, retired, pinned, updated_at);
CREATE INDEX instructions_topic ON instructions (topic_id);
CREATE INDEX instructions_translation ON instructions (translation_of);

-- Links to videos or files: title and an http(s) address, in order.
CREATE TABLE instruction_links (
    instruction_id INTEGER NOT NULL REFERENCES instructions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0 AND length(title) <= 200),
    url TEXT NOT NULL CHECK ((url LIKE 'http://%' OR url LIKE 'https://%') AND length(url) <= 1000),
    PRIMARY KEY (instruction_id, position)
) WITHOUT ROWID;

-- Users HR named to keep an instruction up to date (they may edit it).
CREATE TABLE instruction_owners (
    instruction_id INTEGER NOT NULL REFERENCES instructions(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (instruction_id, user_id)
) WITHOUT ROWID;
CREATE INDEX instruction_owners_user ON instruction_owners (user_id);

-- The search index: title, the body as plain text, and the system, folded for Finnish and Swedish
-- (ä, ö, å match a, o). Its rowid is the instruction's id; the store writes it in the same
-- transaction as the instruction.
CREATE VIRTUAL TABLE instructions_search USING fts5(
    title, body, system_name,
    tokenize = "unicode61 remove_diacritics 2"
);

-- A system with key users (pääkäyttäjät) who help others with it.
CREATE TABLE key_user_systems (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0 AND length(name) <= 100),
    purpose TEXT NOT NULL DEFAULT '' CHECK (length(purpose) <= 500),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX key_user_systems_name ON key_user_systems (organisation_id, name COLLATE NOCASE);

-- A key user: an employee of the organisation with a free note (e.g. "Tuesdays at the office").
-- E-mail and phone come from the staff record.
CREATE TABLE key_users (
    system_id INTEGER NOT NULL REFERENCES key_user_systems(id) ON DELETE CASCADE,
    employee_id INTEGER NOT NULL REFERENCES employees(id),
    note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (system_id, employee_id)
) WITHOUT ROWID;
CREATE INDEX key_users_employee ON key_users (employee_id);
