-- Issue 9: only the real sender gets in by e-mail.

-- Which credential uploaded a file, so the cap on uploads waiting to be
-- attached is per token: a contact's token (or the e-mail channel, which
-- has none) can never fill the owner's quota. NULL for files the e-mail
-- channel stored (attached at once) and for older rows.
ALTER TABLE attachments ADD COLUMN token_id INTEGER REFERENCES tokens(id) ON DELETE SET NULL;
CREATE INDEX attachments_pending_by_token ON attachments(token_id) WHERE message_id IS NULL;
