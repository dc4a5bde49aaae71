-- The outbox without scans: every statement the mailer runs on a hot path
-- (dedupe on enqueue, the auto-reply count, the due list, pruning) seeks an
-- index instead of reading every mail ever queued.

-- The Message-ID in its own column, unique: enqueue is `INSERT ... ON
-- CONFLICT DO NOTHING` instead of a json_extract over the whole table.
-- Mail without one stores NULL (never a duplicate of anything).
ALTER TABLE outbox ADD COLUMN message_id TEXT;
UPDATE outbox SET message_id = json_extract(headers, '$."Message-ID"')
WHERE id IN (
    SELECT MIN(id) FROM outbox
    WHERE COALESCE(json_extract(headers, '$."Message-ID"'), '') != ''
    GROUP BY json_extract(headers, '$."Message-ID"')
);
CREATE UNIQUE INDEX outbox_message_id ON outbox(message_id);
-- 0002's expression index did the same check; the column replaces it.
DROP INDEX outbox_by_message_id;

-- Auto-replies (null sender, RFC 3834) are counted per recipient and time.
ALTER TABLE outbox ADD COLUMN auto_reply INTEGER NOT NULL DEFAULT 0;
UPDATE outbox SET auto_reply = 1 WHERE json_extract(headers, '$."Return-Path"') = '<>';
CREATE INDEX outbox_auto_replies ON outbox(to_addr, next_attempt_at) WHERE auto_reply = 1;

-- Only mail still to try is in the due index (30 is MAX_ATTEMPTS in
-- src/desk/store/outbox.rs: mail that gave up leaves the index), and only
-- sent mail in the one the retention pass walks.
DROP INDEX outbox_due;
CREATE INDEX outbox_pending ON outbox(next_attempt_at) WHERE sent_at IS NULL AND attempts < 30;
CREATE INDEX outbox_sent ON outbox(sent_at) WHERE sent_at IS NOT NULL;
