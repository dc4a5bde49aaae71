-- Issue 9: only the real sender gets in by e-mail.

-- Which credential uploaded a file, so the cap on uploads waiting to be
-- attached is per token: a contact's token (or the e-mail channel, which
-- has none) can never fill the owner's quota. NULL for files the e-mail
-- channel stored (attached at once) and for older rows.
ALTER TABLE attachments ADD COLUMN token_id INTEGER REFERENCES tokens(id) ON DELETE SET NULL;
-- A full index, not only over pending rows: deleting a token (a logout,
-- a removed agent) sets token_id NULL on its rows through it.
CREATE INDEX attachments_by_token ON attachments(token_id);

-- How the sender of an e-mail message was shown to be who From says:
-- 'dkim', 'spf', 'arc', 'reply-address' or 'confirmation'. NULL for other
-- channels (and for mail filed before this migration).
ALTER TABLE messages ADD COLUMN verified TEXT;

-- Secrets of this desk, created on first use: 'reply-address' keys the
-- HMAC of the signed reply addresses (slug+NUMBER.SIG@domain).
CREATE TABLE desk_secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

-- Unauthenticated mail from a registered address, waiting for that address
-- to confirm it by replying to the note the desk sent. The raw message is
-- the only copy (its attachments are not saved until it is filed); rows
-- expire after 7 days.
CREATE TABLE held_mail (
    id          INTEGER PRIMARY KEY,
    from_addr   TEXT NOT NULL COLLATE NOCASE,
    -- Intake category the MTA delivered it for, if known.
    category    TEXT,
    message_id  TEXT NOT NULL,
    raw         BLOB NOT NULL,
    received_at TEXT NOT NULL
);
CREATE UNIQUE INDEX held_mail_message ON held_mail(message_id);
