-- Comments on goal conflicts, for moderation. The text also stays in the response it belongs
-- to; this table holds what staff decide about it. Comments go with their response when it is
-- withdrawn.
CREATE TABLE comments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    consultation TEXT NOT NULL REFERENCES consultations (slug),
    response_id  TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
    conflict     TEXT NOT NULL,
    text         TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending', 'approved', 'rejected', 'hidden')),
    reason       TEXT,
    created_at   INTEGER NOT NULL
);

CREATE INDEX comments_by_consultation ON comments (consultation, status);
