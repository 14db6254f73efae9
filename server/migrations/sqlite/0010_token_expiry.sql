-- API tokens get a public id (to list and revoke them; never part of the secret) and an
-- expiry. Tokens made before this have none and stay valid until revoked.
ALTER TABLE staff_tokens ADD COLUMN id TEXT;
ALTER TABLE staff_tokens ADD COLUMN expires_at INTEGER;
UPDATE staff_tokens SET id = substr(token_hash, 1, 12);
CREATE UNIQUE INDEX staff_tokens_by_id ON staff_tokens (id);
CREATE INDEX staff_sessions_by_expiry ON staff_sessions (expires_at);
