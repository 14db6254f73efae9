-- A public id per response and statement, for exports and the staff API. The id a client
-- made is its idempotency key: whoever sends it again gets the receipt back, so it never
-- leaves the server again.
ALTER TABLE responses ADD COLUMN public_id TEXT;
ALTER TABLE statements ADD COLUMN public_id TEXT;
UPDATE responses SET public_id = gen_random_uuid()::text;
UPDATE statements SET public_id = gen_random_uuid()::text;
CREATE UNIQUE INDEX responses_by_public_id ON responses (public_id);
CREATE UNIQUE INDEX statements_by_public_id ON statements (public_id);

-- The priority an approved proposal became, so that adopting it again changes nothing.
ALTER TABLE proposals ADD COLUMN adopted_as TEXT;
