-- The training views' data version (TrainingReportStore.version) is read on every view of a unit's
-- trainings and of HR's report, to know whether the cached figures and pages still hold: the newest
-- change of sessions, trainings and places answers from these indexes instead of a scan.
CREATE INDEX training_sessions_updated ON training_sessions (updated_at);
CREATE INDEX trainings_updated ON trainings (updated_at);
CREATE INDEX training_enrolments_changed ON training_enrolments (changed_at);
