-- Exports read a consultation's responses page by page in the order they arrived (keyset
-- pagination on arrival time and id), so that an export of a million responses never holds
-- them all in memory; this index serves each page directly.
CREATE INDEX responses_by_time ON responses (consultation, created_at, id);
