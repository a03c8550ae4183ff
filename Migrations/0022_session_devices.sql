-- The sessions page (issue 18): each session's browser and system as the person would name them
-- ("Chrome, Android"), from the User-Agent at sign-in, so they can tell their sessions apart and end
-- one they do not recognise. The raw header is not kept.
ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '' CHECK (length(device) <= 100);
