-- Ministry staff who run consultations. Passwords are stored as argon2id hashes only.
CREATE TABLE staff (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'moderator')),
    password_hash TEXT NOT NULL,
    created_at    INTEGER NOT NULL
);

-- Bearer tokens for API clients, made on the command line; only their SHA-256 is stored.
CREATE TABLE staff_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    staff_id   INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
);

-- Dashboard sessions (cookie); only the SHA-256 of the session secret is stored.
CREATE TABLE staff_sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    staff_id   INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
);
