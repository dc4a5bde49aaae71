# ecolo's messages in English. Every message here has a twin with the same
# placeholders in es.ftl (a test checks it). Keys: area-what.
# Values never start with a space (Fluent drops it): code adds spacing.

## Dates and times (chrono formats), relative times
format-date-time = %Y-%m-%d %H:%M %:z
format-date = %Y-%m-%d
ago-just-now = just now
ago-minutes = { $n }m ago
ago-hours = { $n }h ago
ago-days = { $n }d ago

## Words for values people read (JSON and pipes keep the API's)
status-open = open
status-answered = answered
status-customer-reply = customer-reply
status-closed = closed
priority-low = low
priority-medium = medium
priority-high = high
role-owner = owner
role-contact = contact
role-staff = staff
role-desk = desk

## Table headers
col-number = NUMBER
col-status = STATUS
col-priority = PRIORITY
col-category = CATEGORY
col-updated = UPDATED
col-subject = SUBJECT
col-slug = SLUG
col-name = NAME
col-intake = E-MAIL
col-description = WHAT BELONGS THERE
col-waited = WAITED
col-account = ACCOUNT
col-requester = REQUESTER
col-assignee = ASSIGNEE
waited-under-minute = <1m
waited-minutes = { $n }m
waited-hours = { $n }h
waited-days = { $n }d

## Prompts and what they ask for ("missing WHAT: pass FLAG")
missing-value = missing { $what }: pass { $flag }
prompt-not-empty = cannot be empty
refuse-without-yes = { $what } without confirmation: pass --yes
what-category = category
what-subject = subject
what-message = message
what-desk-url = desk URL
what-email = e-mail
confirm-hint-yes = (Y/n)
confirm-hint-no = (y/N)
confirm-invalid = answer y (yes) or n (no)
what-password = password
what-note = internal note
what-last-answer = last answer
what-assignee = assignee

## Errors (src/cli/error.rs, src/client/error.rs)
err-cancelled = cancelled: { $what }
err-interrupted-maybe-sent = interrupted: a change may have reached the desk; check with `ecolo ticket list` before trying again
err-internal = internal error ({ $what }{ $at }); please report it
cancel-nothing-sent = nothing was sent
cancel-nothing-changed = nothing was changed
err-output = cannot write output: { $reason }
err-terminal-read = cannot read from the terminal
err-not-logged-in = not logged in{ $profile }: run `ecolo login` (or set ECOLO_TOKEN)
err-profile-note = (profile `{ $profile }`)
err-logged-in-elsewhere = the stored login{ $profile } is for { $login_url }, not { $url }: run `ecolo login --url { $url }` (with --profile NAME to keep both), or set ECOLO_TOKEN
err-unauthorized = the desk rejected the credentials: { $problem }
err-unauthorized-login = the desk rejected the credentials: { $problem }: run `ecolo login`
err-bad-login = wrong e-mail or password
err-forbidden = not permitted: { $problem }
err-not-found = not found: { $problem }
err-rejected = the desk refused the request: { $problem }
err-rejected-fields = the desk refused the request:
err-rate-limited = the desk is rate limiting requests{ $retry }: { $problem }
err-retry-after = (retry after { $seconds }s)
err-busy = the desk is busy: { $problem }; try again in a moment
err-server = the desk failed ({ $status }): { $problem }; try again later
err-unreachable = cannot reach the desk at { $url }: { $reason }
err-unreachable-hint = check the URL (--url, ECOLO_URL or `ecolo login --url`) and that the desk is running
err-bad-response = unexpected answer from the desk at { $url }: { $reason }
timed-out = timed out
download-interrupted = download interrupted: { $reason }
file-cannot-read = cannot read { $path }
file-cannot-send = cannot send the file

## Desk URL
no-desk-url = no desk URL: pass --url URL, set ECOLO_URL, or run `ecolo login --url URL`
bad-url-flag = bad --url: { $reason }
url-invalid = `{ $url }` is not a valid URL ({ $reason })
url-with-credentials = the desk URL must not carry a user name or password: log in with `ecolo login` or set ECOLO_TOKEN
url-not-a-desk = `{ $url }` is not a desk URL: use http://HOST[:PORT] or https://HOST

## Categories (-c takes slugs, names in both languages, common words)
category-unknown = unknown category `{ $input }` for { $flag }
category-suggest = did you mean `{ $slug }` ({ $name })?
category-valid = use one of: { $list }
category-ambiguous = `{ $input }` for { $flag } could be { $list }: give the slug

## Writing a message (ticket open, ticket reply)
message-flags = --message TEXT or --message-file FILE (- for standard input)
message-file-unreadable = cannot read --message-file { $path }: { $reason }
message-stdin-unreadable = cannot read the message from standard input
editor-template-message = Write the message above. Lines starting with # are dropped.
editor-template-reply = Write the reply above. Lines starting with # are dropped.
editor-template-note = Write the internal note above (the customer never sees it). Lines starting with # are dropped.
editor-failed = cannot run the editor ($VISUAL / $EDITOR)
prompt-message-line = Message (one line; set $EDITOR for more)
prompt-reply-line = Reply (one line; set $EDITOR for more)
prompt-note-line = Internal note (one line; set $EDITOR for more)
message-empty = the message is empty: pass --message TEXT or --message-file FILE
message-too-long = the message is { $bytes } bytes; the desk takes at most { $max } bytes (--message / --message-file)
attach-unreadable = cannot attach { $path }: { $reason }
attach-not-a-file = cannot attach { $path }: not a regular file
attach-too-big = cannot attach { $path }: it is { $size } and the desk takes at most { $max } ({ $max_bytes } bytes) per file
attach-no-name = cannot attach { $path }: no file name
attach-too-many = { $n } attachments given; the desk takes at most { $max } per message
prompt-attach = Attach a file (path, empty to finish)

## ticket open
open-no-category-allowed = these credentials may not open tickets in any category (ask the account owner)
open-category-not-permitted = these credentials may not open tickets in `{ $slug }`; they may only use: { $allowed }
open-prompt-category = Category (↑/↓, Enter)
open-prompt-subject = Subject
open-prompt-priority = Priority
open-subject-empty = the subject is empty: pass --subject SUBJECT
open-subject-control = the subject must be one line without control characters (--subject)
open-subject-too-long = the subject is { $chars } characters; the desk takes at most { $max } (--subject)
open-website-attach-now = Website updates need the final text and the final images: attach them now.
open-website-reminder = Reminder: website updates need the final text and the final images; attach them with -a FILE (or reply later with `ecolo ticket reply NUMBER -a FILE`).
summary-category = Category:
summary-subject = Subject:
summary-priority = Priority:
summary-message = Message:
summary-message-chars = { $n ->
    [one] { $n } character
   *[other] { $n } characters
    }
summary-attach = Attach:
open-confirm = Open this ticket?
open-done = Opened ticket { $number } in { $category }; follow it with `ecolo ticket view { $number }`

## ticket list, ticket view
limit-at-least-one = --limit must be at least 1
tickets-none = { $status ->
    [any] No tickets.
   *[other] No { $status } tickets.
    }
view-header = Category: { $category }  Priority: { $priority }  Assignee: { $assignee }
view-dates = Opened { $opened }  Updated { $updated }
view-message = ── { $author } via { $channel }, { $when }
view-message-verified = ── { $author } via { $channel } (verified: { $how }), { $when }
view-attachments = Attachments:
view-account = Account: { $account }  Requester: { $requester }
view-nobody = nobody
view-waiting-since = Waiting since { $since }
view-author = { $name } <{ $email }> ({ $role })
view-author-staff = { $name } (support) <{ $email }>
view-author-desk = { $name } (desk)
view-note = ── INTERNAL NOTE by { $author }, { $when } (never shown to the customer)
event-moved = moved from { $from } to { $to }
event-assigned = assigned to { $name }
event-unassigned = unassigned
event-unassigned-category = unassigned: the assignee does not work { $category }
event-closed = closed by { $name }
event-reopened = reopened by { $name }
event-priority = priority changed from { $from } to { $to }
event-auto-closed = closed by the desk after { $unit ->
    [days] { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
    [hours] { $n ->
        [one] { $n } hour
       *[other] { $n } hours
    }
   *[other] { $n } seconds
    } without a reply
list-search-empty = --search is empty: pass the text to find
list-and = {" "}and{" "}
list-staff-filter-only = only the support team can filter by { $flags }; these credentials are a customer's (they see their own account's tickets: drop { $flags })

## login, logout, whoami
login-url-flags = --url URL (or set ECOLO_URL)
login-prompt-url = Desk URL
login-bad-url = bad desk URL: { $reason }
login-no-token = --with-token: no token on standard input
login-not-a-token = --with-token: that is not an ecolo token (they start with `{ $prefix }`)
login-prompt-email = E-mail
login-prompt-password = Password
login-password-flags = --password-stdin and the password on standard input
login-password-empty = the password is empty (--password-stdin reads the first line of standard input)
login-previous-token = the token stored before for this profile
profile-note = (profile { $profile })
login-done = Logged in to { $url } as { $name } <{ $email }>{ $profile }
login-env-token-note = Note: ECOLO_TOKEN is set and is used instead of these credentials.
login-type-token = Type the token (not shown) and press Enter:
login-type-password = Type the password (not shown) and press Enter:
login-token-unreadable = cannot read the token from standard input
login-password-unreadable = cannot read the password from standard input
logout-revoke-hint = revoke it with `ecolo token revoke NAME` (`ecolo token list` shows the names)
logout-forgot-token = Forgot { $what } locally; it still works on the desk: { $hint }.
logout-forgot-unknown = Forgot { $what } locally without revoking it on the desk: an older ecolo stored it without recording whether it came from a password login or `--with-token`. A login session expires by itself; a token still works: { $hint }.
logout-not-logged-in = Not logged in (profile { $profile }); nothing to do.
logout-revoke-failed = Forgot the local credentials, but the desk could not revoke the session.
logout-done = Logged out (profile { $profile })
logout-stored-token = the stored token
logout-env-token-note = Note: ECOLO_TOKEN is set and still works; unset it, or revoke it with `ecolo token revoke NAME`.
whoami-account = Account:
whoami-acting-as = Acting as:
whoami-categories = Categories:
whoami-manage = Manage:
whoami-desk = Desk:
whoami-profile = Profile:
whoami-credentials = Credentials:
whoami-all-categories = all
whoami-stored-login = stored login
whoami-manage-yes = contacts and tokens
whoami-manage-no = no (ask the account owner)
whoami-manage-own-tokens = your own tokens
whoami-role = Role:
whoami-role-staff = staff (the support team: every account's tickets in these categories)

## ticket reply, close, reopen, download
ticket-number-invalid = `{ $input }` is not a ticket number (six or more digits, e.g. 482913)
reply-ticket-closed = ticket { $number } is closed
reply-closed-hint = { $detail }: reopen it with `ecolo ticket reopen { $number }` or open a new ticket
reply-done = Replied to ticket { $number }; see the conversation with `ecolo ticket view { $number }`
ticket-closed = Closed ticket { $number } ({ $subject })
ticket-reopened = Reopened ticket { $number } ({ $subject })
ticket-closed-answer = Closed ticket { $number } ({ $subject }) with a last answer

## support team: note, assign, edit, close -m
staff-only = only the support team can { $what }; these credentials are a customer's (write to support with `ecolo ticket reply { $number }`)
staff-what-note = add internal notes
staff-what-assign = assign tickets
staff-what-edit = move tickets or change their priority
staff-what-close-answer = close a ticket with a last answer (close it without -m)
note-done = Added an internal note to ticket { $number }; the customer does not see it
assign-to-empty = --to is empty: pass an agent's e-mail, @me or none
assign-prompt = Assign to (an agent's e-mail, @me or none)
assign-done = Assigned ticket { $number } ({ $subject }) to { $agent }
unassign-done = Unassigned ticket { $number } ({ $subject })
edit-nothing = nothing to change: pass -c/--category CATEGORY and/or -p/--priority PRIORITY
edit-now-category = category { $category }
edit-now-priority = priority { $priority }
edit-done = Ticket { $number } ({ $subject }) now has { $changes }
download-none = Ticket { $number } has no attachments.
download-exists = { $path } already exists: pass --force to overwrite it, or --to another directory
download-cannot-create = cannot create { $path }
download-cannot-write-into = cannot write into { $path }
download-cannot-write = cannot write the download
download-damaged = { $filename } arrived damaged (SHA-256 { $digest }, expected { $expected }); try again
download-cannot-save = cannot save { $path }
download-cannot-chmod = cannot set the mode of { $path }

## contact
what-name = name
what-categories = categories
contact-category-flags = --category CATEGORY (repeat for several)
contact-prompt-name = Name
contact-bad-email = `{ $email }` is not an e-mail address (--email)
contact-prompt-categories = Categories (Space to toggle, Enter to accept)
contact-pick-one = Pick at least one category.
contact-added = Added contact { $email }
contact-nothing-to-change = nothing to change: pass --name, --add-category, --remove-category or --language
contact-card-language = Desk mail in: { $language }
contact-changed = Changed contact { $email }
col-email = EMAIL
col-categories = CATEGORIES
col-may-email = MAY E-MAIL
contacts-none = No contacts yet; add one with `ecolo contact add`.
contact-card-categories = Categories: { $list }
contact-card-may-email = May e-mail: { $list }
contact-remove-confirm = Remove contact { $email }? Their tokens stop working at once
contact-remove-refused = refusing to remove contact { $email }
contact-removed = Removed contact { $email }

## token
col-scope = SCOPE
col-created = CREATED
col-last-used = LAST USED
col-expires = EXPIRES
token-never = never
tokens-none = No tokens yet; create one with `ecolo token create --name NAME`.
token-scope-contact = contact { $contact }: { $categories }
token-scope-contact-own = contact { $contact }: contact's categories
token-scope-owner = owner: { $categories }
token-scope-owner-all = owner: all categories
token-scope-agent = agent: { $categories }
token-scope-agent-all = agent: all categories

token-expires-invalid = `{ $input }` is not a lifetime: use e.g. 90d, 12w, 1y or never
token-expires-range = `{ $input }` is { $days } days: a token lives 1 to { $max } days (at most { $years }y), or `never`
token-too-many = too many
what-token-name = token name
token-prompt-name = Token name
token-name-empty = the token name is empty (--name)
token-created = Created token { $name } ({ $scope }). It is shown only now: store it safely.
token-revoke-confirm = Revoke token { $name }? Scripts using it stop working at once
token-revoke-refused = refusing to revoke token { $name }
token-revoked = Revoked token { $name }

## clap's parse errors (shown in Spanish only; English keeps clap's words)
clap-unknown-argument = unexpected argument '{ $arg }' found
clap-invalid-subcommand = unrecognized subcommand '{ $name }'
clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-possible-values = [possible values: { $list }]
clap-value-validation = invalid value '{ $value }' for '{ $arg }': { $reason }
clap-missing-required = the following required arguments were not provided:{ $list }
clap-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
clap-tip = tip: a similar one exists: '{ $suggestion }'
clap-more-info = For more information, try '--help'.

## config
config-no-home = cannot find a home directory for the config: set ECOLO_CONFIG_DIR
config-cannot-write = cannot write { $path }
config-damaged = { $path } is damaged: fix or delete it (then run `ecolo login` again)
config-bad-language = unknown language `{ $value }` for `ecolo config set language`: use es or en
config-language-set = Language set to { $lang }
config-language-env-wins = Note: ECOLO_LANG is set and beats this setting.
config-language-unset = language is not set; ecolo speaks { $lang } (from ECOLO_LANG or the locale)

## --help and man ecolo: exit codes, environment, files
help-exit-codes-heading = Exit codes:
help-environment-heading = Environment:
exit-0 = success (also when the reader of the output goes away: broken pipe)
exit-1 = error (the desk failed, a file could not be read or written)
exit-2 = usage: a missing or bad flag; without a terminal a missing value is never prompted for
exit-3 = not logged in, wrong password, or token rejected: run `ecolo login`
exit-4 = not found (ticket, contact, token, attachment; for an agent, outside their categories)
exit-5 = not permitted: outside the categories of these credentials, or for the support team only
exit-6 = rejected by the desk: validation, conflict (e.g. a closed ticket), too large
exit-7 = desk unreachable: connection refused or timed out; the message names the URL
exit-130 = cancelled at a prompt (Ctrl-C or answering no); nothing was sent
env-url = desk URL, like --url
env-token = access token; beats stored credentials
env-profile = profile name, like --profile (default: default)
env-config-dir = where config.json and credentials.json (mode 0600) live
env-lang = es or en: the language, beating the setting and the locale
env-locale = the locale, when neither ECOLO_LANG nor `ecolo config set language` says: es* is Spanish, anything else English
env-ci = when true or 1, never prompt (like --no-input)
env-no-color = no colour in tables
env-editor = editor for messages when --message is not given
man-exit-status = EXIT STATUS
man-environment = ENVIRONMENT
man-files = FILES
man-files-text = config.json (the language; profiles: desk URL, e-mail) and credentials.json (tokens, mode 0600) in ECOLO_CONFIG_DIR, else the platform's config directory (e.g. ~/.config/ecolo).
