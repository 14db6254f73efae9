-- The running tally of each consultation, saved every few seconds while responses come in, so
-- that a restart counts only the changes logged after it (see `changes`) instead of every
-- response. `body` is the tally as JSON in the layout `format` names; its size depends on the
-- numbers of priorities and groups, not on the number of responses (no single ballots above
-- the size where a group is resampled exactly). It can always be thrown away: a restart then
-- counts every stored response afresh.
CREATE TABLE tally_snapshots (
    consultation TEXT PRIMARY KEY NOT NULL,
    version      BIGINT NOT NULL,
    format       BIGINT NOT NULL,
    body         TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
