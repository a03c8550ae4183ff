-- Digital onboarding (issue 15): layered templates with versions, and one checklist per new hire
-- composed from them, its items copied at the start so that a later edit of a template never
-- changes a running checklist.

-- A template of one layer: the organisation's, a sector's, a unit's or a job group's add-on.
CREATE TABLE onboarding_templates (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    layer TEXT NOT NULL CHECK (layer IN ('organisation', 'sector', 'unit', 'job_group')),
    sector_id INTEGER REFERENCES sectors(id),
    unit_id INTEGER REFERENCES units(id),
    job_group TEXT,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0 AND length(name) <= 200),
    -- Who edits it besides HR for the organisation and sector layers (a sector owner); a unit's
    -- template is its supervisors'.
    owner_user_id INTEGER REFERENCES users(id),
    review_by TEXT CHECK (review_by IS NULL OR review_by GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (
        (layer = 'organisation' AND sector_id IS NULL AND unit_id IS NULL AND job_group IS NULL)
        OR (layer = 'sector' AND sector_id IS NOT NULL AND unit_id IS NULL AND job_group IS NULL)
        OR (layer = 'unit' AND unit_id IS NOT NULL AND sector_id IS NULL AND job_group IS NULL)
        OR (layer = 'job_group' AND job_group IS NOT NULL AND length(trim(job_group)) > 0 AND sector_id IS NULL AND unit_id IS NULL)
    )
);
-- One template per layer and scope.
CREATE UNIQUE INDEX onboarding_templates_scope
    ON onboarding_templates (organisation_id, layer, ifnull(sector_id, 0), ifnull(unit_id, 0), ifnull(job_group, ''));

-- Each edit of a template is a new version; versions and their items are never changed.
CREATE TABLE onboarding_template_versions (
    id INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES onboarding_templates(id),
    version INTEGER NOT NULL CHECK (version >= 1),
    changelog TEXT NOT NULL DEFAULT '' CHECK (length(changelog) <= 500),
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    UNIQUE (template_id, version)
);

CREATE TABLE onboarding_template_items (
    id INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES onboarding_template_versions(id),
    -- The same thing in two layers has the same key; the more specific layer's item is used.
    item_key TEXT NOT NULL CHECK (length(item_key) BETWEEN 1 AND 60),
    position INTEGER NOT NULL,
    title_fi TEXT NOT NULL CHECK (length(trim(title_fi)) > 0 AND length(title_fi) <= 200),
    title_sv TEXT NOT NULL DEFAULT '' CHECK (length(title_sv) <= 200),
    title_en TEXT NOT NULL DEFAULT '' CHECK (length(title_en) <= 200),
    instructions_fi TEXT NOT NULL DEFAULT '' CHECK (length(instructions_fi) <= 2000),
    instructions_sv TEXT NOT NULL DEFAULT '' CHECK (length(instructions_sv) <= 2000),
    instructions_en TEXT NOT NULL DEFAULT '' CHECK (length(instructions_en) <= 2000),
    responsible TEXT NOT NULL CHECK (responsible IN ('employee', 'supervisor', 'digitutor', 'it', 'hr')),
    offset_days INTEGER NOT NULL CHECK (offset_days BETWEEN -365 AND 365),
    required INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
    -- Evidence: completing the training ticks the item; the instruction or link helps do it.
    training_id INTEGER REFERENCES trainings(id),
    instruction_id INTEGER REFERENCES instructions(id),
    link_url TEXT CHECK (link_url IS NULL OR (length(link_url) <= 500 AND (link_url GLOB 'https://*' OR link_url GLOB 'http://*'))),
    UNIQUE (version_id, item_key)
);
CREATE INDEX onboarding_template_items_version ON onboarding_template_items (version_id, position);

CREATE TRIGGER onboarding_template_versions_no_update BEFORE UPDATE ON onboarding_template_versions
BEGIN SELECT RAISE(ABORT, 'a template version is kept as it was'); END;
CREATE TRIGGER onboarding_template_items_no_update BEFORE UPDATE ON onboarding_template_items
BEGIN SELECT RAISE(ABORT, 'a template version is kept as it was'); END;

-- One checklist per new hire and start date; kept after it is finished.
CREATE TABLE onboarding_checklists (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    employee_id INTEGER NOT NULL REFERENCES employees(id),
    -- The unit at the start (the supervisor's view of new hires reads by it).
    unit_id INTEGER REFERENCES units(id),
    start_date TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- How it was started: by the HR import, a manual add, or by hand.
    started_how TEXT NOT NULL CHECK (started_how IN ('import', 'added', 'by_hand', 'demo')),
    started_at TEXT NOT NULL,
    started_by INTEGER REFERENCES users(id),
    UNIQUE (employee_id, start_date)
);
CREATE INDEX onboarding_checklists_unit ON onboarding_checklists (unit_id, start_date);
CREATE INDEX onboarding_checklists_organisation ON onboarding_checklists (organisation_id, start_date);

-- The template versions a checklist was made from.
CREATE TABLE onboarding_checklist_versions (
    checklist_id INTEGER NOT NULL REFERENCES onboarding_checklists(id),
    version_id INTEGER NOT NULL REFERENCES onboarding_template_versions(id),
    PRIMARY KEY (checklist_id, version_id)
) WITHOUT ROWID;

-- A checklist's items, copied from the templates at the start (or added for this hire by the
-- supervisor), with the due day and the responsible person resolved.
CREATE TABLE onboarding_checklist_items (
    id INTEGER PRIMARY KEY,
    checklist_id INTEGER NOT NULL REFERENCES onboarding_checklists(id),
    template_item_id INTEGER REFERENCES onboarding_template_items(id),
    item_key TEXT NOT NULL,
    position INTEGER NOT NULL,
    title_fi TEXT NOT NULL CHECK (length(trim(title_fi)) > 0 AND length(title_fi) <= 200),
    title_sv TEXT NOT NULL DEFAULT '',
    title_en TEXT NOT NULL DEFAULT '',
    instructions_fi TEXT NOT NULL DEFAULT '',
    instructions_sv TEXT NOT NULL DEFAULT '',
    instructions_en TEXT NOT NULL DEFAULT '',
    -- Resolved: a digitutor item without an active tutor in the unit is the supervisor's.
    responsible TEXT NOT NULL CHECK (responsible IN ('employee', 'supervisor', 'digitutor', 'it', 'hr')),
    -- The tutor who does a digitutor item.
    responsible_employee_id INTEGER REFERENCES employees(id),
    due_on TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    required INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
    training_id INTEGER REFERENCES trainings(id),
    instruction_id INTEGER REFERENCES instructions(id),
    link_url TEXT,
    done_on TEXT CHECK (done_on IS NULL OR done_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    done_at TEXT,
    -- Who ticked it; NULL with `done_by_evidence` when a completed training did.
    done_by INTEGER REFERENCES users(id),
    done_by_evidence INTEGER NOT NULL DEFAULT 0 CHECK (done_by_evidence IN (0, 1)),
    -- A per-hire addition by the supervisor.
    added_by INTEGER REFERENCES users(id),
    added_at TEXT,
    -- A per-hire removal: kept, marked, so the record says what was taken away and by whom.
    removed_at TEXT,
    removed_by INTEGER REFERENCES users(id),
    CHECK (responsible <> 'digitutor' OR responsible_employee_id IS NOT NULL)
);
CREATE INDEX onboarding_checklist_items_checklist ON onboarding_checklist_items (checklist_id, due_on, position);
CREATE INDEX onboarding_checklist_items_tutor ON onboarding_checklist_items (responsible_employee_id)
    WHERE responsible_employee_id IS NOT NULL;
