-- Digivinkit's lookups by a post's links, which a thread's page makes on every view: the tip made of
-- a question, and the post that shows a photo (without these, each was a scan of every post).
CREATE INDEX board_posts_from_question ON board_posts (from_question_id) WHERE from_question_id IS NOT NULL;
CREATE INDEX board_posts_photo ON board_posts (photo_id) WHERE photo_id IS NOT NULL;
