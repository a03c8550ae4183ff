-- The mail room's outbox: every e-mail the application sends is first a row here, written in the
-- same transaction as the change that caused it, and sent later by MailSender (the server's
-- background worker each minute, or `taitotutka mail send`).
--
-- `message_key` makes enqueueing idempotent: the same cause (e.g.
-- 'compliance|<requirement>|<employee>|2026-12-31|due_day') never makes two messages.
-- `cause_kind` and `cause_ref` say what made the message, so that sending can ask the feature
-- whether the cause still holds (a reminder for a training completed meanwhile is cancelled).
--
-- States: queued → sending (claimed by one sender, `claim_token`, `claimed_at`) → sent; or back to
-- queued with `next_attempt_at` after a failure (back-off 1 min, 5 min, 30 min, 2 h, 12 h), failed
-- after the sixth attempt; or cancelled (`cancelled_reason`). A message left in 'sending' by a
-- sender that died is queued again after ten minutes (the one message that may arrive twice).
-- `last_error` holds the SMTP client's error, never a password or the message body.
-- Times are instants (UTC, as GRDB writes dates). Header injection is refused here too: no CR or LF
-- in the address or the subject.
CREATE TABLE mail_outbox (
    id INTEGER PRIMARY KEY,
    message_key TEXT NOT NULL UNIQUE CHECK (length(message_key) BETWEEN 1 AND 500),
    recipient_address TEXT NOT NULL CHECK (
        length(recipient_address) BETWEEN 3 AND 254
        AND instr(recipient_address, char(13)) = 0 AND instr(recipient_address, char(10)) = 0),
    recipient_employee_id INTEGER REFERENCES employees(id),
    language TEXT NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
    subject TEXT NOT NULL CHECK (
        length(subject) BETWEEN 1 AND 400
        AND instr(subject, char(13)) = 0 AND instr(subject, char(10)) = 0),
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL DEFAULT '',
    cause_kind TEXT,
    cause_ref TEXT,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TEXT NOT NULL,
    claim_token TEXT,
    claimed_at TEXT,
    last_error TEXT,
    sent_at TEXT,
    cancelled_reason TEXT
);

-- The sender's query: queued and due, oldest first; and the claims left behind by a dead sender.
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at, id) WHERE state = 'queued';
CREATE INDEX mail_outbox_claimed ON mail_outbox (claimed_at) WHERE state = 'sending';
-- The outbox page: newest first, per state, and (for HR) per recipient employee; counts per state.
CREATE INDEX mail_outbox_recent ON mail_outbox (created_at, id);
CREATE INDEX mail_outbox_state ON mail_outbox (state, created_at);
CREATE INDEX mail_outbox_recipient ON mail_outbox (recipient_employee_id, created_at);
-- A feature cancelling the messages of a cause that no longer holds.
CREATE INDEX mail_outbox_cause ON mail_outbox (cause_kind, cause_ref) WHERE cause_kind IS NOT NULL;
