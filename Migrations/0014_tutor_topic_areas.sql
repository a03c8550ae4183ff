-- Digitutors (issue 14): a topic may name the competence area it belongs to, by the framework's area
-- code (as trainings do in `training_areas`), so "top topics this month" can be shown next to the
-- catalogue's trainings in those areas. Codes survive framework versions; no area is fine too.
ALTER TABLE tutor_topics ADD COLUMN area_code TEXT
    CHECK (area_code IS NULL OR (area_code GLOB '[a-z0-9]*' AND area_code NOT GLOB '*[^a-z0-9-]*'));

-- The aggregates page reads an organisation's help log for a period tutor by tutor (through
-- `tutors_organisation`); this covering index gives each tutor's entries from a day on without
-- touching the table, so a year of entries is grouped from the index alone.
CREATE INDEX tutor_help_log_tutor_covering ON tutor_help_log (tutor_id, day, topic_id, channel, unit_id, minutes);
