-- Anonymity that holds against a copy of the database (a stolen backup, a curious administrator).
--
-- Before this migration a copy named respondents: survey_invitations.answered_on marked who had
-- answered (and on which day), response rows carried unit and job group in the clear (a cell of one
-- person named them), drafts were keyed by the employee, and code hashes were unkeyed. Now:
--
-- * A response is one sealed blob (ChaCha20-Poly1305 with a key derived from the server's key file,
--   which is outside the database): unit, sector, job group, answers, area scores and open answers
--   are readable only by the running server. The row keeps only its random key and its round.
-- * Who has answered is a keyed hash of round and employee (survey_answer_credentials): without the
--   key nobody can tell whose it is, and it holds no day or cell.
-- * Drafts are stored under a keyed hash of the respondent and sealed.
-- * One-time codes are stored as a keyed hash of their SHA-256, and "used" holds no day.
-- * survey_round_units keeps the unit tree as it was when a round opened: a unit moved later does not
--   change a closed round's figures (which would let anyone difference the before and after).
--
-- The old tables are renamed legacy_* here and converted by the program (it holds the key), which
-- then drops them; see AppDatabase.migrate and LegacySurveyConversion.

-- Which key this database's sealed data belongs to: a keyed hash of a fixed text, so a wrong or
-- replaced key file is refused at start instead of failing on every survey page.
CREATE TABLE server_key_check (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint BLOB NOT NULL
);

-- The unit tree of a round as it was when the round opened.
CREATE TABLE survey_round_units (
    round_id INTEGER NOT NULL REFERENCES survey_rounds(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    parent_id INTEGER REFERENCES units(id),
    sector_id INTEGER REFERENCES sectors(id),
    PRIMARY KEY (round_id, unit_id)
) WITHOUT ROWID;
-- Rounds opened before this migration: the tree as it is now is the best record there is.
INSERT INTO survey_round_units (round_id, unit_id, parent_id, sector_id)
SELECT r.id, u.id, u.parent_id, u.sector_id
FROM survey_rounds r JOIN units u ON u.organisation_id = r.organisation_id
WHERE r.status <> 'draft';

-- Invitations: the population when the round opened, nothing about answering.
DROP INDEX survey_invitations_employee;
DROP INDEX survey_invitations_unit;
ALTER TABLE survey_invitations RENAME TO legacy_survey_invitations;
CREATE TABLE survey_invitations (
    round_id INTEGER NOT NULL REFERENCES survey_rounds(id) ON DELETE CASCADE,
    employee_id INTEGER NOT NULL REFERENCES employees(id),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    job_group TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (round_id, employee_id)
) WITHOUT ROWID;
CREATE INDEX survey_invitations_employee ON survey_invitations (employee_id);
CREATE INDEX survey_invitations_unit ON survey_invitations (round_id, unit_id, job_group);
INSERT INTO survey_invitations (round_id, employee_id, unit_id, job_group)
SELECT round_id, employee_id, unit_id, job_group FROM legacy_survey_invitations;

-- Used answering credentials: HMAC(key, round and employee). Ordered by the hash, which says nothing
-- of when or who.
CREATE TABLE survey_answer_credentials (
    round_id INTEGER NOT NULL REFERENCES survey_rounds(id) ON DELETE CASCADE,
    credential BLOB NOT NULL,
    PRIMARY KEY (round_id, credential)
) WITHOUT ROWID;

-- Responses: a random key, the round, and the sealed content.
DROP TRIGGER survey_response_owners_identified_only;
DROP INDEX survey_response_owners_employee;
ALTER TABLE survey_response_owners RENAME TO legacy_survey_response_owners;
ALTER TABLE survey_open_answers RENAME TO legacy_survey_open_answers;
ALTER TABLE survey_area_scores RENAME TO legacy_survey_area_scores;
DROP TRIGGER survey_responses_version;
DROP INDEX survey_responses_round;
ALTER TABLE survey_responses RENAME TO legacy_survey_responses;

CREATE TABLE survey_responses (
    key INTEGER NOT NULL PRIMARY KEY CHECK (key > 0),
    round_id INTEGER NOT NULL REFERENCES survey_rounds(id) ON DELETE CASCADE,
    sealed BLOB NOT NULL
) WITHOUT ROWID;
CREATE INDEX survey_responses_round ON survey_responses (round_id);

CREATE TRIGGER survey_responses_version AFTER INSERT ON survey_responses
BEGIN UPDATE survey_rounds SET results_version = results_version + 1 WHERE id = NEW.round_id; END;

-- In an identified round (self-assessment for development discussions) the response belongs to the
-- employee, by design. A trigger refuses owners for anonymous rounds.
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

-- Drafts: under a keyed hash of the respondent, sealed, without a date.
ALTER TABLE survey_drafts RENAME TO legacy_survey_drafts;
CREATE TABLE survey_drafts (
    round_id INTEGER NOT NULL REFERENCES survey_rounds(id) ON DELETE CASCADE,
    respondent_key BLOB NOT NULL,
    sealed BLOB NOT NULL,
    PRIMARY KEY (round_id, respondent_key)
) WITHOUT ROWID;

-- One-time codes: keyed hashes; used without a day.
DROP INDEX survey_codes_round;
ALTER TABLE survey_codes RENAME TO legacy_survey_codes;
CREATE TABLE survey_codes (
    code_hash BLOB NOT NULL PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES survey_rounds(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    created_on TEXT NOT NULL,
    used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1))
) WITHOUT ROWID;
CREATE INDEX survey_codes_round ON survey_codes (round_id, unit_id);
