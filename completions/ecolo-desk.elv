
use builtin;
use str;

set edit:completion:arg-completer[ecolo-desk] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'ecolo-desk'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'ecolo-desk'= {
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand serve 'Serve the HTTP API until Ctrl-C or SIGTERM'
            cand account 'Manage customer accounts'
            cand staff 'Manage the support team and answer as it'
            cand tickets 'Work on tickets in bulk (auto-close)'
            cand pipe 'File one e-mail read from stdin (for the MTA''s pipe transport)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo-desk;serve'= {
            cand --listen 'Address to listen on; port 0 picks a free port'
            cand --max-attachment-bytes 'Largest attachment accepted, in bytes'
            cand --max-attachments 'Most attachments on one message'
            cand --max-subject-chars 'Longest ticket subject, in characters'
            cand --max-message-bytes 'Longest message, in bytes'
            cand --mail-domain 'Domain of the intake addresses (`<category>@DOMAIN`)'
            cand --smtp-url 'SMTP relay for outgoing notifications (e.g. smtp://localhost:25); a URL with a password belongs in the environment, not on the command line'
            cand --outbox-retry-ms 'First retry delay of the outbox in milliseconds; doubles per failure'
            cand --header-timeout 'Seconds a client has to send a request''s headers (slow clients are disconnected)'
            cand --idle-timeout 'Seconds an idle keep-alive connection stays open'
            cand --min-upload-rate 'Slowest upload accepted, in bytes a second over 10 s (0: no minimum); a stalled body is dropped with 408'
            cand --max-connections 'Connections open at once, in all; past it, 503'
            cand --max-connections-per-address 'Connections open at once from one client address; past it, 503'
            cand --mail-retention 'Delete sent mail from the outbox, and rendered events from the events log, this long after (e.g. 30d, 12h, 90m, 45s); mail not yet sent is always kept'
            cand --auto-close-after 'Close `answered` tickets with no customer reply for this long (e.g. 7d, 36h, 90m; `off` never)'
            cand --language 'The desk''s default language: of new accounts and agents, also those the admin commands create (kept in the database; until first set, es)'
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand --demo 'Create a demo account (demo@ecolo.test) and print how to log in'
            cand --trust-forwarded-for 'Behind a reverse proxy on this machine: limit failed logins by the client address the proxy puts last in X-Forwarded-For'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo-desk;account'= {
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create a customer account (the owner logs in with this e-mail)'
            cand list 'List the customer accounts'
            cand disable 'Refuse an account''s credentials and mail at once (its tickets stay)'
            cand enable 'Let a disabled account in again'
            cand set-password 'Set an owner''s password (read from stdin); ends the account''s sessions'
            cand edit 'Change an account: the language of the desk''s mail to its owner'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo-desk;account;create'= {
            cand --email 'The owner''s e-mail, used to log in'
            cand --name 'The owner''s name, shown on tickets'
            cand --language 'The language of the desk''s mail to the owner (and the default of their contacts) [default: the desk''s, set by `serve --language`]'
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand --password-stdin 'Read the password from the first line of standard input'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo-desk;account;list'= {
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand --json 'Print JSON instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo-desk;account;disable'= {
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo-desk;account;enable'= {
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo-desk;account;set-password'= {
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand --password-stdin 'Read the new password from the first line of standard input'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo-desk;account;edit'= {
            cand --language 'The language of the desk''s mail to the owner (contacts keep theirs)'
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo-desk;account;help'= {
            cand create 'Create a customer account (the owner logs in with this e-mail)'
            cand list 'List the customer accounts'
            cand disable 'Refuse an account''s credentials and mail at once (its tickets stay)'
            cand enable 'Let a disabled account in again'
            cand set-password 'Set an owner''s password (read from stdin); ends the account''s sessions'
            cand edit 'Change an account: the language of the desk''s mail to its owner'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo-desk;account;help;create'= {
        }
        &'ecolo-desk;account;help;list'= {
        }
        &'ecolo-desk;account;help;disable'= {
        }
        &'ecolo-desk;account;help;enable'= {
        }
        &'ecolo-desk;account;help;set-password'= {
        }
        &'ecolo-desk;account;help;edit'= {
        }
        &'ecolo-desk;account;help;help'= {
        }
        &'ecolo-desk;staff'= {
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a support agent (logs in with `ecolo login` like customers)'
            cand list 'List the agents and the categories they work'
            cand edit 'Rename an agent or change the categories it works'
            cand remove 'Remove an agent: its logins and tokens stop at once; its answers stay'
            cand reply 'Answer a ticket (status becomes `answered`; the requester is mailed)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo-desk;staff;add'= {
            cand --email 'The agent''s e-mail, used to log in (never a customer''s address)'
            cand --name 'The agent''s name, shown on answers ("Laura Gómez (support)")'
            cand -c 'A category the agent works (repeat); none: every category'
            cand --category 'A category the agent works (repeat); none: every category'
            cand --language 'The language of the desk''s mail to the agent [default: the desk''s, set by `serve --language`]'
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand --password-stdin 'Read the password from the first line of standard input'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo-desk;staff;list'= {
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand --json 'Print JSON instead of a table'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo-desk;staff;edit'= {
            cand --name 'A new name'
            cand --add-category 'Also work this category (repeat)'
            cand --remove-category 'Stop working this category (repeat)'
            cand --language 'The language of the desk''s mail to the agent'
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo-desk;staff;remove'= {
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand --yes 'Do it: without --yes nothing is removed'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo-desk;staff;reply'= {
            cand -m 'The answer'
            cand --message 'The answer'
            cand -F 'Read the answer from FILE (`-`: standard input), for multi-line text'
            cand --file 'Read the answer from FILE (`-`: standard input), for multi-line text'
            cand --as 'Sign as this agent (its categories apply) instead of the desk''s "Support"'
            cand --mail-domain 'Domain of the intake addresses, for the notification''s Reply-To (the same as `serve --mail-domain`)'
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo-desk;staff;help'= {
            cand add 'Add a support agent (logs in with `ecolo login` like customers)'
            cand list 'List the agents and the categories they work'
            cand edit 'Rename an agent or change the categories it works'
            cand remove 'Remove an agent: its logins and tokens stop at once; its answers stay'
            cand reply 'Answer a ticket (status becomes `answered`; the requester is mailed)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo-desk;staff;help;add'= {
        }
        &'ecolo-desk;staff;help;list'= {
        }
        &'ecolo-desk;staff;help;edit'= {
        }
        &'ecolo-desk;staff;help;remove'= {
        }
        &'ecolo-desk;staff;help;reply'= {
        }
        &'ecolo-desk;staff;help;help'= {
        }
        &'ecolo-desk;tickets'= {
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand auto-close 'Close `answered` tickets with no customer reply for DURATION now, mailing each requester how to reopen'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo-desk;tickets;auto-close'= {
            cand --after 'How long an answered ticket waits for the customer (7d, 36h, 0s)'
            cand --mail-domain 'Domain of the intake addresses, for the notices'' Reply-To (the same as `serve --mail-domain`)'
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo-desk;tickets;help'= {
            cand auto-close 'Close `answered` tickets with no customer reply for DURATION now, mailing each requester how to reopen'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo-desk;tickets;help;auto-close'= {
        }
        &'ecolo-desk;tickets;help;help'= {
        }
        &'ecolo-desk;pipe'= {
            cand --recipient 'The envelope recipient, as the MTA knows it (Postfix: ${recipient}); without it the category comes from Delivered-To / X-Original-To / To / Cc'
            cand --sender 'The envelope sender (Postfix: ${sender}); empty, `<>` or MAILER-DAEMON (Postfix''s expansion of the null sender) for bounces'
            cand --mail-domain 'Domain of the intake addresses (`<category>@DOMAIN`): the same as `serve --mail-domain`'
            cand --max-attachment-bytes 'Largest attachment accepted, in bytes (as `serve`)'
            cand --max-attachments 'Most attachments on one message (as `serve`)'
            cand --max-subject-chars 'Longest ticket subject, in characters (as `serve`; longer ones are cut)'
            cand --max-message-bytes 'Longest message, in bytes (as `serve`)'
            cand --client-ip 'The SMTP client''s address (Postfix: ${client_address}): SPF is checked against it; without it only DKIM, DMARC and ARC are'
            cand --helo 'The name the client gave in HELO/EHLO (Postfix: ${client_helo})'
            cand --dns 'DNS server for the DKIM, SPF and DMARC lookups, as HOST:PORT; without it the system resolver (/etc/resolv.conf)'
            cand --trust-auth-results 'Do not verify: trust the receiving server''s verdict, the topmost Authentication-Results header with this authserv-id (every other one is ignored: senders can write them too)'
            cand --trusted-arc-sealer 'A forwarder or mailing list whose ARC seal is trusted (its ARC-Seal d= domain) for mail it changed; repeatable'
            cand --max-auto-replies-per-hour 'Most automatic answers (refusals, confirmation requests) the desk sends per hour, to everyone together; each address gets at most 5'
            cand --db 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo-desk;help'= {
            cand serve 'Serve the HTTP API until Ctrl-C or SIGTERM'
            cand account 'Manage customer accounts'
            cand staff 'Manage the support team and answer as it'
            cand tickets 'Work on tickets in bulk (auto-close)'
            cand pipe 'File one e-mail read from stdin (for the MTA''s pipe transport)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo-desk;help;serve'= {
        }
        &'ecolo-desk;help;account'= {
            cand create 'Create a customer account (the owner logs in with this e-mail)'
            cand list 'List the customer accounts'
            cand disable 'Refuse an account''s credentials and mail at once (its tickets stay)'
            cand enable 'Let a disabled account in again'
            cand set-password 'Set an owner''s password (read from stdin); ends the account''s sessions'
            cand edit 'Change an account: the language of the desk''s mail to its owner'
        }
        &'ecolo-desk;help;account;create'= {
        }
        &'ecolo-desk;help;account;list'= {
        }
        &'ecolo-desk;help;account;disable'= {
        }
        &'ecolo-desk;help;account;enable'= {
        }
        &'ecolo-desk;help;account;set-password'= {
        }
        &'ecolo-desk;help;account;edit'= {
        }
        &'ecolo-desk;help;staff'= {
            cand add 'Add a support agent (logs in with `ecolo login` like customers)'
            cand list 'List the agents and the categories they work'
            cand edit 'Rename an agent or change the categories it works'
            cand remove 'Remove an agent: its logins and tokens stop at once; its answers stay'
            cand reply 'Answer a ticket (status becomes `answered`; the requester is mailed)'
        }
        &'ecolo-desk;help;staff;add'= {
        }
        &'ecolo-desk;help;staff;list'= {
        }
        &'ecolo-desk;help;staff;edit'= {
        }
        &'ecolo-desk;help;staff;remove'= {
        }
        &'ecolo-desk;help;staff;reply'= {
        }
        &'ecolo-desk;help;tickets'= {
            cand auto-close 'Close `answered` tickets with no customer reply for DURATION now, mailing each requester how to reopen'
        }
        &'ecolo-desk;help;tickets;auto-close'= {
        }
        &'ecolo-desk;help;pipe'= {
        }
        &'ecolo-desk;help;help'= {
        }
    ]
    $completions[$command]
}
