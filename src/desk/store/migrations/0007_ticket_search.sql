-- Issue 11: search, one full-text row per ticket. tickets_fts (subjects)
-- and messages_fts (bodies) answered "which tickets match" only by reading
-- every match: a search matching most of a big desk read a million rows for
-- each page. `ticket_text` has one row per ticket, its rowid the ticket's id
-- negated, so a page of results is a walk of the full-text index in
-- ascending rowid order (newest ticket first) that stops at the page's end.
-- (Ascending: FTS5 seeks forward through a long doclist in microseconds,
-- backward in milliseconds.)
--
-- Columns: what customers search (subject, text: their conversation), what
-- only agents also search (notes), and `tags`, words for the filters a list
-- applies (a<account id>, s<status>, c<category>, without hyphens), so the
-- full-text index itself can skip tickets outside the list instead of the
-- walk reading them (tickets.rs, list_tickets: only when a plain walk finds
-- few of the list's tickets among the matches). Contentless (the text lives once, in tickets and messages),
-- with contentless_delete so a ticket's row can be replaced: each change
-- rebuilds that ticket's row from `ticket_text_rows`, costing the ticket's
-- size, never the desk's.
CREATE VIRTUAL TABLE ticket_text USING fts5(
    subject, text, notes, tags,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- A ticket's full-text row as it should be.
CREATE VIEW ticket_text_rows (id, subject, text, notes, tags) AS
SELECT t.id, t.subject,
       COALESCE((SELECT group_concat(m.body, char(10)) FROM messages m
                 WHERE m.ticket_id = t.id AND m.kind = 'message' AND m.internal = 0), ''),
       COALESCE((SELECT group_concat(m.body, char(10)) FROM messages m
                 WHERE m.ticket_id = t.id
                   AND (m.kind = 'note' OR (m.kind = 'message' AND m.internal = 1))), ''),
       'a' || t.account_id || ' s' || replace(t.status, '-', '')
           || ' c' || replace(t.category, '-', '')
FROM tickets t;

INSERT INTO ticket_text (rowid, subject, text, notes, tags)
    SELECT -id, subject, text, notes, tags FROM ticket_text_rows;

DROP TRIGGER tickets_fts_insert;
DROP TRIGGER tickets_fts_delete;
DROP TRIGGER tickets_fts_update;
DROP TRIGGER messages_fts_insert;
DROP TRIGGER messages_fts_delete;
DROP TRIGGER messages_fts_update;
DROP TABLE tickets_fts;
DROP TABLE messages_fts;

-- A new ticket's row is written with its first message (the message
-- trigger); events never change it.
CREATE TRIGGER ticket_text_ticket AFTER UPDATE OF subject, status, category ON tickets
WHEN old.subject IS NOT new.subject OR old.status IS NOT new.status
     OR old.category IS NOT new.category
BEGIN
    DELETE FROM ticket_text WHERE rowid = -new.id;
    INSERT INTO ticket_text (rowid, subject, text, notes, tags)
        SELECT -id, subject, text, notes, tags FROM ticket_text_rows WHERE id = new.id;
END;
CREATE TRIGGER ticket_text_message AFTER INSERT ON messages
WHEN new.kind IN ('message', 'note')
BEGIN
    DELETE FROM ticket_text WHERE rowid = -new.ticket_id;
    INSERT INTO ticket_text (rowid, subject, text, notes, tags)
        SELECT -id, subject, text, notes, tags FROM ticket_text_rows WHERE id = new.ticket_id;
END;
CREATE TRIGGER ticket_text_delete AFTER DELETE ON tickets
BEGIN
    DELETE FROM ticket_text WHERE rowid = -old.id;
END;
