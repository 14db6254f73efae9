-- Consultation definitions, stored as the JSON document the API serves.
CREATE TABLE consultations (
    slug       TEXT PRIMARY KEY NOT NULL,
    definition TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- One row per accepted response. `ballot` is the canonical JSON of the validated response: a
-- replay of the same submission produces the same text, a different one does not.
-- No IP address, user agent or other identifying data is stored.
CREATE TABLE responses (
    id           TEXT PRIMARY KEY NOT NULL,
    consultation TEXT NOT NULL REFERENCES consultations (slug),
    group_id     TEXT NOT NULL,
    ballot       TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);

CREATE INDEX responses_by_consultation ON responses (consultation);

-- Server-wide secrets and settings, e.g. the key receipts are derived with.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value BLOB NOT NULL
);
