-- What became of a consultation's input (subject ''), and the indicators of its priorities
-- (subject: the priority id). Every published version is kept as it was sent, checked; what
-- stands now and the history are replayed from them, so nothing is ever rewritten.
CREATE TABLE published_versions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    consultation TEXT NOT NULL REFERENCES consultations (slug),
    subject      TEXT NOT NULL,
    document     TEXT NOT NULL,
    published_at INTEGER NOT NULL
);

CREATE INDEX published_versions_by_consultation ON published_versions (consultation, id);
