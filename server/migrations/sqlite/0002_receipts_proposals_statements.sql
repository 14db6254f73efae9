-- Receipts: a response can be found by the hash of its receipt code (never the code itself).
ALTER TABLE responses ADD COLUMN receipt_hash TEXT;
CREATE UNIQUE INDEX responses_by_receipt ON responses (receipt_hash);

-- Ids of withdrawn responses and statements, so that a late retry from a participant's outbox
-- cannot bring a withdrawn submission back. Only the id is kept.
CREATE TABLE withdrawn (
    id           TEXT PRIMARY KEY NOT NULL,
    consultation TEXT NOT NULL,
    withdrawn_at INTEGER NOT NULL
);

-- Proposals for missing priorities or conflicts, waiting for moderation. They go with their
-- response when it is withdrawn.
CREATE TABLE proposals (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    consultation TEXT NOT NULL REFERENCES consultations (slug),
    response_id  TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('priority', 'conflict')),
    title        TEXT NOT NULL,
    reason       TEXT,
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    created_at   INTEGER NOT NULL
);

CREATE INDEX proposals_by_consultation ON proposals (consultation, status);

-- Organisation statements, kept apart from individual responses.
CREATE TABLE statements (
    id           TEXT PRIMARY KEY NOT NULL,
    consultation TEXT NOT NULL REFERENCES consultations (slug),
    body         TEXT NOT NULL,
    receipt_hash TEXT NOT NULL UNIQUE,
    publish      INTEGER NOT NULL,
    created_at   INTEGER NOT NULL
);

CREATE INDEX statements_by_consultation ON statements (consultation);
