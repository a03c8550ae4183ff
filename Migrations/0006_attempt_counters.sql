-- Counters of failed attempts (sign-in per account and per address, survey codes per address), so
-- that throttling survives a restart. Keys are keyed hashes, never the login or address itself: a
-- copy of the database does not say who mistyped or from where. A counter decays with time; rows
-- that have decayed to nothing are deleted when the server starts.
CREATE TABLE attempt_counters (
    kind TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    failures REAL NOT NULL CHECK (failures >= 0),
    last_failure_at REAL NOT NULL,
    PRIMARY KEY (kind, key_hash)
) WITHOUT ROWID;
