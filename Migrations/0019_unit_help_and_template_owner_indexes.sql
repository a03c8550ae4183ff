-- A unit's help log over a period, by topic (the development discussion's prepared picture reads
-- the help topics of the employee's unit), and the templates a person owns (their home page).
CREATE INDEX tutor_help_log_unit ON tutor_help_log (unit_id, day, topic_id);
CREATE INDEX onboarding_templates_owner ON onboarding_templates (owner_user_id) WHERE owner_user_id IS NOT NULL;
