-- Proof-of-work challenges already used, each for one submission only (a retry of the same
-- submission may bring its proof again). Kept until the challenge expires.
CREATE TABLE proofs_used (
    challenge     TEXT PRIMARY KEY NOT NULL,
    submission_id TEXT NOT NULL,
    expires_at    BIGINT NOT NULL
);
