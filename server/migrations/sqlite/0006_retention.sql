-- Data lifecycle: when a consultation was closed, and when its personal data (comment texts,
-- contact emails, receipts) was removed after the retention period its settings give.
ALTER TABLE consultations ADD COLUMN closed_at INTEGER;
ALTER TABLE consultations ADD COLUMN purged_at INTEGER;

-- Receipts are removed with the personal data, so a statement's receipt hash may be empty.
CREATE TABLE statements_new (
    id           TEXT PRIMARY KEY NOT NULL,
    consultation TEXT NOT NULL REFERENCES consultations (slug),
    body         TEXT NOT NULL,
    receipt_hash TEXT UNIQUE,
    publish      INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    published    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO statements_new (id, consultation, body, receipt_hash, publish, created_at, published)
    SELECT id, consultation, body, receipt_hash, publish, created_at, published FROM statements;
DROP TABLE statements;
ALTER TABLE statements_new RENAME TO statements;
CREATE INDEX statements_by_consultation ON statements (consultation);

-- Consultations closed before this migration count as closed now.
UPDATE consultations SET closed_at = CAST(strftime('%s', 'now') AS INTEGER)
    WHERE json_extract(definition, '$.status') = 'closed';
