-- A second factor for sign-ins with a local password (issue 18): an authenticator app's TOTP
-- secret and one-time recovery codes; and, per session, when the person last proved who they are,
-- so security settings can ask for the password again before a change.

-- One authenticator per sign-in. The secret is sealed (AES-GCM) under a key derived from the server
-- key, so a copy of the database alone does not give anyone the codes. `confirmed_at` is NULL while
-- the person is still setting it up; `last_used_step` is the 30-second step of the last code
-- accepted, so no code is accepted twice (RFC 6238 5.2).
CREATE TABLE totp_factors (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    secret_sealed BLOB NOT NULL,
    created_at TEXT NOT NULL,
    confirmed_at TEXT,
    last_used_step INTEGER NOT NULL DEFAULT 0
);

-- Recovery codes, shown once; only a keyed hash of each is stored. A used code stays with its time.
CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash BLOB NOT NULL,
    created_at TEXT NOT NULL,
    used_at TEXT,
    UNIQUE (user_id, code_hash)
);

-- When the person last typed their password (and code) in this session after signing in.
ALTER TABLE sessions ADD COLUMN reauthenticated_at TEXT;
