-- Issue 11: a million tickets. Two changes to `tickets`, one rebuild
-- (SQLite cannot drop a CHECK in place; see 0002 for the pattern, run with
-- foreign keys off by Store::migrate):
--
-- * Ticket numbers are no longer capped at 6 digits: they stay random and
--   grow to 7 digits (and beyond) when 6 get crowded (tickets.rs,
--   pick_number). The CHECK (number BETWEEN 100000 AND 999999) goes.
-- * Listing is a range seek: every page of `GET /v1/tickets` is a merge of
--   one ordered index range per (category, status) pair (tickets.rs,
--   list_statement), so each index below has the columns a list filters
--   on leading and the columns it orders by after them. They replace
--   tickets_by_account (account_id, created_at, number) and
--   tickets_by_category (category, created_at, number), whose prefixes
--   they cover.

CREATE TABLE tickets_new (
    id              INTEGER PRIMARY KEY,
    number          INTEGER NOT NULL UNIQUE CHECK (number >= 100000),
    account_id      INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    category        TEXT NOT NULL REFERENCES categories(slug),
    subject         TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('open', 'answered', 'customer-reply', 'closed')),
    priority        TEXT NOT NULL CHECK (priority IN ('low', 'medium', 'high')),
    -- Copied at write time so history survives a removed contact.
    requester_name  TEXT NOT NULL,
    requester_email TEXT NOT NULL,
    requester_role  TEXT NOT NULL,
    contact_id      INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    assignee_id     INTEGER REFERENCES agents(id) ON DELETE SET NULL,
    -- Since when the ticket waits for support (status open or customer-reply).
    waiting_since   TEXT
);
INSERT INTO tickets_new (id, number, account_id, category, subject, status, priority,
                         requester_name, requester_email, requester_role, contact_id,
                         created_at, updated_at, assignee_id, waiting_since)
    SELECT id, number, account_id, category, subject, status, priority,
           requester_name, requester_email, requester_role, contact_id,
           created_at, updated_at, assignee_id, waiting_since FROM tickets;
-- Drops the old table's indexes and its three FTS triggers with it;
-- tickets_fts keeps its index (the rowids are the same ids) and follows
-- the new table by name.
DROP TABLE tickets;
ALTER TABLE tickets_new RENAME TO tickets;

-- A customer's list: their account, by status (and category), newest first.
CREATE INDEX tickets_by_account_status ON tickets(account_id, status, created_at, number);
CREATE INDEX tickets_by_account_category ON tickets(account_id, category, status, created_at, number);
-- The support team's lists: by category and status, newest first...
CREATE INDEX tickets_by_category_status ON tickets(category, status, created_at, number);
-- ... or, for the waiting statuses, longest-waiting first.
CREATE INDEX tickets_queue ON tickets(category, status, waiting_since, number);
CREATE INDEX tickets_by_assignee ON tickets(assignee_id);
CREATE INDEX tickets_by_contact ON tickets(contact_id);
-- Auto-close looks for answered tickets by age.
CREATE INDEX tickets_by_status ON tickets(status, updated_at);

-- Scans the statement test (store/plans.rs) found elsewhere:
-- removing an agent sets attachments.agent_id NULL through a full index
-- (the partial one holds only pending uploads); held mail expires by age;
-- the global cap on automatic answers counts the window's, not the outbox.
CREATE INDEX attachments_by_agent ON attachments(agent_id);
CREATE INDEX held_mail_by_age ON held_mail(received_at);
CREATE INDEX outbox_auto_replies_by_time ON outbox(next_attempt_at) WHERE auto_reply = 1;

CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO tickets_fts (rowid, subject) VALUES (new.id, new.subject);
END;
CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
    INSERT INTO tickets_fts (tickets_fts, rowid, subject) VALUES ('delete', old.id, old.subject);
END;
CREATE TRIGGER tickets_fts_update AFTER UPDATE OF subject ON tickets BEGIN
    INSERT INTO tickets_fts (tickets_fts, rowid, subject) VALUES ('delete', old.id, old.subject);
    INSERT INTO tickets_fts (rowid, subject) VALUES (new.id, new.subject);
END;
