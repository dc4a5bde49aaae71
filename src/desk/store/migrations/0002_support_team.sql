-- Issue 8: the support team. Agents log in like customers but belong to no
-- account; tickets gain an assignee and the time they started waiting;
-- conversations gain internal notes and events; every change leaves a row in
-- `events`, from which the mailer renders mail after the change commits.
-- Runs with foreign keys off (see Store::migrate), so tables can be rebuilt.

CREATE TABLE agents (
    id             INTEGER PRIMARY KEY,
    email          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name           TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    -- 1: works every category; 0: only those in agent_categories.
    all_categories INTEGER NOT NULL CHECK (all_categories IN (0, 1)),
    created_at     TEXT NOT NULL
);

CREATE TABLE agent_categories (
    agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
    category TEXT NOT NULL REFERENCES categories(slug),
    PRIMARY KEY (agent_id, category)
);
CREATE INDEX agent_categories_by_category ON agent_categories(category);

ALTER TABLE accounts ADD COLUMN disabled_at TEXT;

-- Tokens now belong to an account (owner or contact) or to an agent.
CREATE TABLE tokens_new (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
    agent_id     INTEGER REFERENCES agents(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('session', 'personal')),
    name         TEXT,
    contact_id   INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
    categories   TEXT,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    expires_at   TEXT,
    CHECK ((account_id IS NULL) <> (agent_id IS NULL))
);
INSERT INTO tokens_new (id, account_id, kind, name, contact_id, categories, token_hash,
                        created_at, last_used_at, expires_at)
    SELECT id, account_id, kind, name, contact_id, categories, token_hash,
           created_at, last_used_at, expires_at FROM tokens;
DROP TABLE tokens;
ALTER TABLE tokens_new RENAME TO tokens;
CREATE UNIQUE INDEX tokens_personal_name ON tokens(account_id, name)
    WHERE kind = 'personal' AND account_id IS NOT NULL;
CREATE UNIQUE INDEX tokens_agent_personal_name ON tokens(agent_id, name)
    WHERE kind = 'personal' AND agent_id IS NOT NULL;
CREATE INDEX tokens_by_account ON tokens(account_id, kind);
CREATE INDEX tokens_by_agent ON tokens(agent_id, kind);
CREATE INDEX tokens_by_contact ON tokens(contact_id);

-- Conversations: kind message | note (internal) | event; the desk itself
-- may author (auto-close).
CREATE TABLE messages_new (
    id               INTEGER PRIMARY KEY,
    ticket_id        INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL DEFAULT 'message' CHECK (kind IN ('message', 'note', 'event')),
    -- 1 for what customers never see: notes and assignment events.
    internal         INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),
    author_name      TEXT NOT NULL,
    author_email     TEXT NOT NULL,
    author_role      TEXT NOT NULL CHECK (author_role IN ('owner', 'contact', 'staff', 'desk')),
    channel          TEXT NOT NULL CHECK (channel IN ('cli', 'email', 'staff', 'desk')),
    body             TEXT NOT NULL,
    email_message_id TEXT UNIQUE,
    created_at       TEXT NOT NULL
);
INSERT INTO messages_new (id, ticket_id, author_name, author_email, author_role, channel, body,
                          email_message_id, created_at)
    SELECT id, ticket_id, author_name, author_email, author_role, channel, body,
           email_message_id, created_at FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
CREATE INDEX messages_by_ticket ON messages(ticket_id, id);

-- An agent's upload belongs to no account until it is attached.
CREATE TABLE attachments_new (
    id           TEXT PRIMARY KEY,
    account_id   INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
    agent_id     INTEGER REFERENCES agents(id) ON DELETE SET NULL,
    message_id   INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
INSERT INTO attachments_new (id, account_id, message_id, filename, content_type, size, sha256, created_at)
    SELECT id, account_id, message_id, filename, content_type, size, sha256, created_at FROM attachments;
DROP TABLE attachments;
ALTER TABLE attachments_new RENAME TO attachments;
CREATE INDEX attachments_by_message ON attachments(message_id);
CREATE INDEX attachments_pending_by_account ON attachments(account_id) WHERE message_id IS NULL;
CREATE INDEX attachments_pending_by_agent ON attachments(agent_id) WHERE message_id IS NULL;
CREATE INDEX attachments_pending_by_age ON attachments(created_at) WHERE message_id IS NULL;

ALTER TABLE tickets ADD COLUMN assignee_id INTEGER REFERENCES agents(id) ON DELETE SET NULL;
-- Since when the ticket waits for support (status open or customer-reply).
ALTER TABLE tickets ADD COLUMN waiting_since TEXT;
UPDATE tickets SET waiting_since = updated_at WHERE status IN ('open', 'customer-reply');
CREATE INDEX tickets_by_category ON tickets(category, created_at DESC, number DESC);
CREATE INDEX tickets_queue ON tickets(category, status, waiting_since, number);
CREATE INDEX tickets_by_assignee ON tickets(assignee_id);
CREATE INDEX tickets_by_contact ON tickets(contact_id);
-- Auto-close looks for answered tickets by age.
CREATE INDEX tickets_by_status ON tickets(status, updated_at);

-- The domain-event log: one row per change, in the change's transaction.
-- rendered_at is set once its mail (if any) is in the outbox.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('opened', 'replied', 'answered', 'noted', 'assigned',
                                              'moved', 'closed', 'reopened', 'auto-closed')),
    message_id  INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    actor_name  TEXT NOT NULL,
    actor_email TEXT NOT NULL,
    actor_role  TEXT NOT NULL,
    -- JSON object with what the renderer needs (from/to categories, flags).
    data        TEXT NOT NULL DEFAULT '{}',
    created_at  TEXT NOT NULL,
    rendered_at TEXT
);
CREATE INDEX events_unrendered ON events(rendered_at, id);
CREATE INDEX events_by_ticket ON events(ticket_id, id);
CREATE INDEX events_by_message ON events(message_id);

-- Full-text search over subjects and message bodies (external content:
-- the text lives once, in tickets and messages).
CREATE VIRTUAL TABLE tickets_fts USING fts5(
    subject, content = 'tickets', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE messages_fts USING fts5(
    body, content = 'messages', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
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
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body);
END;
INSERT INTO tickets_fts (tickets_fts) VALUES ('rebuild');
INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');

-- The outbox's one-mail-per-Message-ID check, without reading every row.
CREATE INDEX outbox_by_message_id ON outbox(json_extract(headers, '$."Message-ID"'));
