-- Staff mark statements for publication; only statements whose organisation consented can be.
ALTER TABLE statements ADD COLUMN published INTEGER NOT NULL DEFAULT 0;
