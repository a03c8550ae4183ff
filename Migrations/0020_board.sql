-- Digivinkit (issue 17): one board for tips, questions and practices (development deeds, as in
-- Kunteko's "Tekojen tori"), with answers, "useful", "we adopted this", reports and moderation.
-- Counters and the "solved" flag are kept by triggers, so every page only reads them.

-- A photo attached to a post: JPEG or PNG only, checked by its bytes and stripped of metadata
-- before it is stored (PhotoSanitiser); served only to those who may read the post.
CREATE TABLE board_photos (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    bytes BLOB NOT NULL CHECK (length(bytes) BETWEEN 1 AND 5242880),
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    uploaded_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL
);

CREATE TABLE board_posts (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL CHECK (kind IN ('tip', 'question', 'practice')),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0 AND length(title) <= 200),
    -- A small Markdown subset, shown only through cmark's safe mode (never raw HTML).
    body TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 10000),
    -- A practice's own fields: how it was done, with what, how long it took, whom to ask.
    how TEXT NOT NULL DEFAULT '' CHECK (length(how) <= 5000),
    tools TEXT NOT NULL DEFAULT '' CHECK (length(tools) <= 300),
    time_taken TEXT NOT NULL DEFAULT '' CHECK (length(time_taken) <= 200),
    contact TEXT NOT NULL DEFAULT '' CHECK (length(contact) <= 200),
    unit_id INTEGER REFERENCES units(id),
    -- Themes: the sector it is about, a competence area of the framework, a tool such as Teams.
    sector_id INTEGER REFERENCES sectors(id),
    area_code TEXT CHECK (area_code IS NULL OR length(area_code) BETWEEN 1 AND 60),
    tool TEXT NOT NULL DEFAULT '' CHECK (length(tool) <= 60),
    language TEXT NOT NULL DEFAULT 'fi' CHECK (language IN ('fi', 'sv', 'en')),
    -- Kept for anonymous questions too: moderators see who asked, and the form says so. NULL once
    -- the person's data is erased.
    author_user_id INTEGER REFERENCES users(id),
    anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1) AND (anonymous = 0 OR kind = 'question')),
    -- Shared with the other organisations of the installation (regional cooperation).
    shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
    photo_id INTEGER REFERENCES board_photos(id),
    -- A tip made from a solved question points at the question.
    from_question_id INTEGER REFERENCES board_posts(id),
    locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    hidden_reason TEXT NOT NULL DEFAULT '' CHECK (length(hidden_reason) <= 500),
    hidden_by INTEGER REFERENCES users(id),
    hidden_at TEXT,
    -- Kept by the triggers below.
    solved INTEGER NOT NULL DEFAULT 0,
    answer_count INTEGER NOT NULL DEFAULT 0,
    useful_count INTEGER NOT NULL DEFAULT 0,
    adoption_count INTEGER NOT NULL DEFAULT 0,
    last_activity_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- The front page and its sorts read the newest (or most useful, most adopted) visible posts in order.
CREATE INDEX board_posts_newest ON board_posts (hidden, created_at);
CREATE INDEX board_posts_organisation ON board_posts (organisation_id, hidden, created_at);
CREATE INDEX board_posts_useful ON board_posts (hidden, useful_count, created_at);
CREATE INDEX board_posts_adopted ON board_posts (hidden, adoption_count, created_at) WHERE kind = 'practice';
-- Digitutors' unanswered questions of their sector.
CREATE INDEX board_posts_unanswered ON board_posts (sector_id, created_at) WHERE kind = 'question' AND answer_count = 0 AND hidden = 0;
-- Rate limits and the person's own posts.
CREATE INDEX board_posts_author ON board_posts (author_user_id, created_at);

CREATE TABLE board_answers (
    id INTEGER PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES board_posts(id) ON DELETE CASCADE,
    body TEXT NOT NULL CHECK (length(trim(body)) > 0 AND length(body) <= 5000),
    author_user_id INTEGER REFERENCES users(id),
    -- Marked by the asker, a digitutor or a moderator as solving the question.
    solves INTEGER NOT NULL DEFAULT 0 CHECK (solves IN (0, 1)),
    solved_by INTEGER REFERENCES users(id),
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    hidden_reason TEXT NOT NULL DEFAULT '' CHECK (length(hidden_reason) <= 500),
    hidden_by INTEGER REFERENCES users(id),
    hidden_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX board_answers_post ON board_answers (post_id, id);
CREATE INDEX board_answers_author ON board_answers (author_user_id, created_at);

-- "Useful": a light, private mark, one per person.
CREATE TABLE board_useful (
    post_id INTEGER NOT NULL REFERENCES board_posts(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (post_id, user_id)
) WITHOUT ROWID;

-- "We adopted this": a visible, separate action per unit, with an optional "how it went".
CREATE TABLE board_adoptions (
    post_id INTEGER NOT NULL REFERENCES board_posts(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    user_id INTEGER REFERENCES users(id),
    how_it_went TEXT NOT NULL DEFAULT '' CHECK (length(how_it_went) <= 1000),
    created_at TEXT NOT NULL,
    PRIMARY KEY (post_id, unit_id)
) WITHOUT ROWID;

-- Anyone can report a post or an answer; moderators of the post's organisation resolve reports.
CREATE TABLE board_reports (
    id INTEGER PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES board_posts(id) ON DELETE CASCADE,
    answer_id INTEGER REFERENCES board_answers(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    reporter_user_id INTEGER REFERENCES users(id),
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0 AND length(reason) <= 500),
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    resolved_by INTEGER REFERENCES users(id)
);
CREATE INDEX board_reports_open ON board_reports (organisation_id, resolved_at, created_at);
CREATE INDEX board_reports_reporter ON board_reports (reporter_user_id, created_at);

-- Moderators named by HR or the tutor coordinator (who moderate by their role).
CREATE TABLE board_moderators (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    named_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
) WITHOUT ROWID;

-- The search index: the title, the text (with a practice's fields) and the visible answers as
-- plain text, folded for Finnish and Swedish (ä, ö, å match a, o). Its rowid is the post's id; the
-- store writes it in the same transaction as the post or answer.
CREATE VIRTUAL TABLE board_search USING fts5(
    title, body, answers,
    tokenize = "unicode61 remove_diacritics 2"
);

-- Counters and "solved" follow the visible answers, marks and adoptions.
CREATE TRIGGER board_answer_added AFTER INSERT ON board_answers BEGIN
    UPDATE board_posts SET
        answer_count = (SELECT count(*) FROM board_answers WHERE post_id = NEW.post_id AND hidden = 0),
        solved = EXISTS (SELECT 1 FROM board_answers WHERE post_id = NEW.post_id AND hidden = 0 AND solves = 1),
        last_activity_at = NEW.created_at
    WHERE id = NEW.post_id;
END;
CREATE TRIGGER board_answer_changed AFTER UPDATE OF solves, hidden ON board_answers BEGIN
    UPDATE board_posts SET
        answer_count = (SELECT count(*) FROM board_answers WHERE post_id = NEW.post_id AND hidden = 0),
        solved = EXISTS (SELECT 1 FROM board_answers WHERE post_id = NEW.post_id AND hidden = 0 AND solves = 1)
    WHERE id = NEW.post_id;
END;
CREATE TRIGGER board_useful_added AFTER INSERT ON board_useful BEGIN
    UPDATE board_posts SET useful_count = useful_count + 1 WHERE id = NEW.post_id;
END;
CREATE TRIGGER board_useful_removed AFTER DELETE ON board_useful BEGIN
    UPDATE board_posts SET useful_count = useful_count - 1 WHERE id = OLD.post_id;
END;
CREATE TRIGGER board_adoption_added AFTER INSERT ON board_adoptions BEGIN
    UPDATE board_posts SET adoption_count = adoption_count + 1 WHERE id = NEW.post_id;
END;
CREATE TRIGGER board_adoption_removed AFTER DELETE ON board_adoptions BEGIN
    UPDATE board_posts SET adoption_count = adoption_count - 1 WHERE id = OLD.post_id;
END;
-- Only questions are answered as solved, and only practices are adopted.
CREATE TRIGGER board_adoption_of_practice BEFORE INSERT ON board_adoptions
WHEN (SELECT kind FROM board_posts WHERE id = NEW.post_id) IS NOT 'practice' BEGIN
    SELECT RAISE(ABORT, 'only a practice can be adopted');
END;
CREATE TRIGGER board_solves_question BEFORE UPDATE OF solves ON board_answers
WHEN NEW.solves = 1 AND (SELECT kind FROM board_posts WHERE id = NEW.post_id) IS NOT 'question' BEGIN
    SELECT RAISE(ABORT, 'only an answer to a question solves it');
END;
