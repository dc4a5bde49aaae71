-- Initial schema. Timestamps are UTC RFC 3339 with microseconds and a `Z`,
-- so text order is time order.

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE categories (
    slug           TEXT PRIMARY KEY,
    position       INTEGER NOT NULL,
    name_es        TEXT NOT NULL,
    name_en        TEXT NOT NULL,
    description_es TEXT NOT NULL,
    description_en TEXT NOT NULL
);

CREATE TABLE contacts (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    email      TEXT NOT NULL COLLATE NOCASE,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (account_id, email)
);
CREATE INDEX contacts_email ON contacts(email);

CREATE TABLE contact_categories (
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    category   TEXT NOT NULL REFERENCES categories(slug),
    PRIMARY KEY (contact_id, category)
);

-- Login sessions and personal tokens. Only the SHA-256 of the secret is
-- kept; revoking deletes the row, so a revoked token is simply unknown.
CREATE TABLE tokens (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('session', 'personal')),
    name         TEXT,
    contact_id   INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
    -- JSON array of category slugs, NULL for no limit.
    categories   TEXT,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    expires_at   TEXT
);
CREATE UNIQUE INDEX tokens_personal_name ON tokens(account_id, name) WHERE kind = 'personal';

CREATE TABLE tickets (
    id              INTEGER PRIMARY KEY,
    number          INTEGER NOT NULL UNIQUE CHECK (number BETWEEN 100000 AND 999999),
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
    updated_at      TEXT NOT NULL
);
CREATE INDEX tickets_by_account ON tickets(account_id, created_at DESC, number DESC);

CREATE TABLE messages (
    id               INTEGER PRIMARY KEY,
    ticket_id        INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    author_name      TEXT NOT NULL,
    author_email     TEXT NOT NULL,
    author_role      TEXT NOT NULL CHECK (author_role IN ('owner', 'contact', 'staff')),
    channel          TEXT NOT NULL CHECK (channel IN ('cli', 'email', 'staff')),
    body             TEXT NOT NULL,
    -- Message-ID of the e-mail this came from, so a re-delivered mail is
    -- stored once.
    email_message_id TEXT UNIQUE,
    created_at       TEXT NOT NULL
);
CREATE INDEX messages_by_ticket ON messages(ticket_id, id);

-- Uploaded files; message_id stays NULL until a ticket or reply uses them.
CREATE TABLE attachments (
    id           TEXT PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    message_id   INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX attachments_by_message ON attachments(message_id);

CREATE TABLE idempotency_keys (
    account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    key          TEXT NOT NULL,
    -- SHA-256 of the request body, to refuse a reused key with another body.
    request_hash TEXT NOT NULL,
    ticket_id    INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (account_id, key)
);

-- Mail waiting to be sent by the e-mail channel.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    to_addr         TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    headers         TEXT NOT NULL DEFAULT '{}',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    sent_at         TEXT,
    last_error      TEXT
);
CREATE INDEX outbox_due ON outbox(sent_at, next_attempt_at);
