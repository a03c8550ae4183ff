-- Single sign-on with OpenID Connect (issue 18): each organisation's identity provider, and the
-- sign-ins in progress between the redirect to the provider and its answer.

-- One provider per organisation, set by an administrator. The client secret is never stored: only
-- where the server finds it (a file's path, or an environment variable's name).
CREATE TABLE identity_providers (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id),
    enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    -- What the sign-in page's button says: "Sign in with <display_name>".
    display_name TEXT NOT NULL CHECK (length(trim(display_name)) BETWEEN 1 AND 80),
    issuer TEXT NOT NULL CHECK (issuer GLOB 'http*://?*' AND length(issuer) <= 500),
    client_id TEXT NOT NULL CHECK (length(trim(client_id)) BETWEEN 1 AND 300),
    secret_source TEXT NOT NULL CHECK (secret_source IN ('file', 'environment')),
    secret_reference TEXT NOT NULL CHECK (length(trim(secret_reference)) BETWEEN 1 AND 500),
    -- Lower-case domains separated by spaces; the person's e-mail must be in one of them.
    allowed_domains TEXT NOT NULL CHECK (length(trim(allowed_domains)) > 0),
    -- Which claim names the person (their e-mail, or their HR number in a claim named hr_number_claim).
    match_claim TEXT NOT NULL CHECK (match_claim IN ('email', 'hr_number')),
    hr_number_claim TEXT NOT NULL CHECK (length(hr_number_claim) <= 100),
    -- HR, tutor coordinators and administrators must show multi-factor authentication (amr, or one
    -- of the acr values, separated by spaces).
    require_mfa INTEGER NOT NULL CHECK (require_mfa IN (0, 1)),
    mfa_acr_values TEXT NOT NULL CHECK (length(mfa_acr_values) <= 500),
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES users(id)
) WITHOUT ROWID;

-- A sign-in sent to the provider and not yet back: found by a hash of its `state`, bound to the
-- browser by a hash of a cookie's value, used once (deleted when the answer comes) and refused
-- after ten minutes.
CREATE TABLE oidc_sign_ins (
    state_hash BLOB PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    browser_hash BLOB NOT NULL,
    nonce TEXT NOT NULL,
    code_verifier TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    return_path TEXT NOT NULL,
    created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX oidc_sign_ins_created ON oidc_sign_ins (created_at);
