-- The privacy notice (tietosuojaseloste, GDPR arts. 13 and 14) per organisation, issue 18: HR keeps
-- its text, starting from the template the product ships; anyone can read it, signed in or not.
CREATE TABLE privacy_notices (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id),
    -- Markdown, shown only through cmark's safe mode.
    body TEXT NOT NULL CHECK (length(trim(body)) > 0 AND length(body) <= 30000),
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users(id)
) WITHOUT ROWID;
