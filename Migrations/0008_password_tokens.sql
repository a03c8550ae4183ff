-- One-time set-password links and printed sign-in slips: HR gives a person a way to choose their
-- own password instead of typing one for them. Only the SHA-256 of the token is stored; a token
-- works once, until `expires_at`, and issuing a new one for the same user ends the old ones.
CREATE TABLE password_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    token_hash BLOB NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    created_by INTEGER REFERENCES users(id)
);
CREATE INDEX password_tokens_user ON password_tokens (user_id);
