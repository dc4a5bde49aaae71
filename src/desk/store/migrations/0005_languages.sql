-- Issue 12: every person the desk mails has a language, `es` or `en`, so
-- mail to a known person is in that language only (strangers still get
-- both). Existing rows get Spanish, the desk's default until now.

ALTER TABLE accounts ADD COLUMN language TEXT NOT NULL DEFAULT 'es'
    CHECK (language IN ('es', 'en'));
ALTER TABLE contacts ADD COLUMN language TEXT NOT NULL DEFAULT 'es'
    CHECK (language IN ('es', 'en'));
ALTER TABLE agents ADD COLUMN language TEXT NOT NULL DEFAULT 'es'
    CHECK (language IN ('es', 'en'));

-- The desk's own settings, read by `serve` and by the admin commands that
-- run beside it: `language` is the default of new accounts and agents
-- (`serve --language` sets it).
CREATE TABLE desk_settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO desk_settings (name, value) VALUES ('language', 'es');
