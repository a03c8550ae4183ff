-- A completed training ticks the onboarding items it stands for when the completion is written, not
-- when a page is read: the pages that show checklists (the new hire's, the supervisor's, HR's) then
-- only read, and every path that records a completion (attendance, the bulk import, the demo) ticks
-- alike. An item ticked this way has no `done_by` and `done_by_evidence` = 1; it is done on the
-- completion's day. A later withdrawal leaves the tick (the hire did take the training).

-- A completion, or a correction that replaces one, ticks the employee's open items for its training.
CREATE TRIGGER onboarding_evidence_from_completion AFTER INSERT ON training_completions
WHEN NEW.withdrawn = 0
BEGIN
    UPDATE onboarding_checklist_items
    SET done_on = NEW.completed_on, done_at = strftime('%Y-%m-%d %H:%M:%f', 'now'), done_by = NULL, done_by_evidence = 1
    WHERE training_id = NEW.training_id AND done_on IS NULL AND removed_at IS NULL
      AND checklist_id IN (SELECT id FROM onboarding_checklists WHERE employee_id = NEW.employee_id);
END;

-- An item that stands for a training the hire has already completed is done from the start.
CREATE TRIGGER onboarding_evidence_on_new_item AFTER INSERT ON onboarding_checklist_items
WHEN NEW.training_id IS NOT NULL AND NEW.done_on IS NULL AND NEW.removed_at IS NULL
BEGIN
    UPDATE onboarding_checklist_items
    SET done_on = (SELECT min(t.completed_on) FROM training_completions t JOIN onboarding_checklists c ON c.employee_id = t.employee_id
                   WHERE c.id = NEW.checklist_id AND t.training_id = NEW.training_id AND t.withdrawn = 0),
        done_at = strftime('%Y-%m-%d %H:%M:%f', 'now'), done_by = NULL, done_by_evidence = 1
    WHERE id = NEW.id AND EXISTS (
        SELECT 1 FROM training_completions t JOIN onboarding_checklists c ON c.employee_id = t.employee_id
        WHERE c.id = NEW.checklist_id AND t.training_id = NEW.training_id AND t.withdrawn = 0);
END;

-- Items of checklists that ran before this change and have evidence the pages had not yet read.
UPDATE onboarding_checklist_items
SET done_on = (SELECT min(t.completed_on) FROM training_completions t JOIN onboarding_checklists c ON c.employee_id = t.employee_id
               WHERE c.id = onboarding_checklist_items.checklist_id AND t.training_id = onboarding_checklist_items.training_id
                 AND t.withdrawn = 0),
    done_at = strftime('%Y-%m-%d %H:%M:%f', 'now'), done_by = NULL, done_by_evidence = 1
WHERE training_id IS NOT NULL AND done_on IS NULL AND removed_at IS NULL AND EXISTS (
    SELECT 1 FROM training_completions t JOIN onboarding_checklists c ON c.employee_id = t.employee_id
    WHERE c.id = onboarding_checklist_items.checklist_id AND t.training_id = onboarding_checklist_items.training_id
      AND t.withdrawn = 0);
