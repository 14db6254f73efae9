-- Several server processes can share one database; each keeps the tallies in memory. Every
-- change to what is counted bumps its consultation's version and is logged here under that
-- version, in the same transaction. Versions of a consultation are handed out one at a time
-- (the update of its row serialises them), so a process that has applied version n finds
-- everything after it by reading versions n+1, n+2, … here. Bodies are what counting needs
-- (no comment texts, proposals or contact emails); entries are kept for an hour.
ALTER TABLE consultations ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

CREATE TABLE changes (
    consultation TEXT NOT NULL,
    version      INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL
                 CHECK (kind IN ('count', 'uncount', 'count_statement', 'uncount_statement', 'definition')),
    body         TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (consultation, version, seq)
);
CREATE INDEX changes_by_time ON changes (created_at);
