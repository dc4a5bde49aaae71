
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'ecolo-desk' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'ecolo-desk'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'ecolo-desk' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the HTTP API until Ctrl-C or SIGTERM')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'Manage customer accounts')
            [CompletionResult]::new('staff', 'staff', [CompletionResultType]::ParameterValue, 'Manage the support team and answer as it')
            [CompletionResult]::new('tickets', 'tickets', [CompletionResultType]::ParameterValue, 'Work on tickets in bulk (auto-close)')
            [CompletionResult]::new('pipe', 'pipe', [CompletionResultType]::ParameterValue, 'File one e-mail read from stdin (for the MTA''s pipe transport)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo-desk;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on; port 0 picks a free port')
            [CompletionResult]::new('--max-attachment-bytes', '--max-attachment-bytes', [CompletionResultType]::ParameterName, 'Largest attachment accepted, in bytes')
            [CompletionResult]::new('--max-attachments', '--max-attachments', [CompletionResultType]::ParameterName, 'Most attachments on one message')
            [CompletionResult]::new('--max-subject-chars', '--max-subject-chars', [CompletionResultType]::ParameterName, 'Longest ticket subject, in characters')
            [CompletionResult]::new('--max-message-bytes', '--max-message-bytes', [CompletionResultType]::ParameterName, 'Longest message, in bytes')
            [CompletionResult]::new('--mail-domain', '--mail-domain', [CompletionResultType]::ParameterName, 'Domain of the intake addresses (`<category>@DOMAIN`)')
            [CompletionResult]::new('--smtp-url', '--smtp-url', [CompletionResultType]::ParameterName, 'SMTP relay for outgoing notifications (e.g. smtp://localhost:25); a URL with a password belongs in the environment, not on the command line')
            [CompletionResult]::new('--outbox-retry-ms', '--outbox-retry-ms', [CompletionResultType]::ParameterName, 'First retry delay of the outbox in milliseconds; doubles per failure')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Seconds a client has to send a request''s headers (slow clients are disconnected)')
            [CompletionResult]::new('--idle-timeout', '--idle-timeout', [CompletionResultType]::ParameterName, 'Seconds an idle keep-alive connection stays open')
            [CompletionResult]::new('--min-upload-rate', '--min-upload-rate', [CompletionResultType]::ParameterName, 'Slowest upload accepted, in bytes a second over 10 s (0: no minimum); a stalled body is dropped with 408')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Connections open at once, in all; past it, 503')
            [CompletionResult]::new('--max-connections-per-address', '--max-connections-per-address', [CompletionResultType]::ParameterName, 'Connections open at once from one client address; past it, 503')
            [CompletionResult]::new('--mail-retention', '--mail-retention', [CompletionResultType]::ParameterName, 'Delete sent mail from the outbox, and rendered events from the events log, this long after (e.g. 30d, 12h, 90m, 45s); mail not yet sent is always kept')
            [CompletionResult]::new('--auto-close-after', '--auto-close-after', [CompletionResultType]::ParameterName, 'Close `answered` tickets with no customer reply for this long (e.g. 7d, 36h, 90m; `off` never)')
            [CompletionResult]::new('--language', '--language', [CompletionResultType]::ParameterName, 'The desk''s default language: of new accounts and agents, also those the admin commands create (kept in the database; until first set, es)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Create a demo account (demo@ecolo.test) and print how to log in')
            [CompletionResult]::new('--trust-forwarded-for', '--trust-forwarded-for', [CompletionResultType]::ParameterName, 'Behind a reverse proxy on this machine: limit failed logins by the client address the proxy puts last in X-Forwarded-For')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo-desk;account' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a customer account (the owner logs in with this e-mail)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the customer accounts')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Refuse an account''s credentials and mail at once (its tickets stay)')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Let a disabled account in again')
            [CompletionResult]::new('set-password', 'set-password', [CompletionResultType]::ParameterValue, 'Set an owner''s password (read from stdin); ends the account''s sessions')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an account: the language of the desk''s mail to its owner')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo-desk;account;create' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The owner''s e-mail, used to log in')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The owner''s name, shown on tickets')
            [CompletionResult]::new('--language', '--language', [CompletionResultType]::ParameterName, 'The language of the desk''s mail to the owner (and the default of their contacts) [default: the desk''s, set by `serve --language`]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo-desk;account;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo-desk;account;disable' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo-desk;account;enable' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo-desk;account;set-password' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the new password from the first line of standard input')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo-desk;account;edit' {
            [CompletionResult]::new('--language', '--language', [CompletionResultType]::ParameterName, 'The language of the desk''s mail to the owner (contacts keep theirs)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo-desk;account;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a customer account (the owner logs in with this e-mail)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the customer accounts')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Refuse an account''s credentials and mail at once (its tickets stay)')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Let a disabled account in again')
            [CompletionResult]::new('set-password', 'set-password', [CompletionResultType]::ParameterValue, 'Set an owner''s password (read from stdin); ends the account''s sessions')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an account: the language of the desk''s mail to its owner')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo-desk;account;help;create' {
            break
        }
        'ecolo-desk;account;help;list' {
            break
        }
        'ecolo-desk;account;help;disable' {
            break
        }
        'ecolo-desk;account;help;enable' {
            break
        }
        'ecolo-desk;account;help;set-password' {
            break
        }
        'ecolo-desk;account;help;edit' {
            break
        }
        'ecolo-desk;account;help;help' {
            break
        }
        'ecolo-desk;staff' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a support agent (logs in with `ecolo login` like customers)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the agents and the categories they work')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Rename an agent or change the categories it works')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an agent: its logins and tokens stop at once; its answers stay')
            [CompletionResult]::new('reply', 'reply', [CompletionResultType]::ParameterValue, 'Answer a ticket (status becomes `answered`; the requester is mailed)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo-desk;staff;add' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The agent''s e-mail, used to log in (never a customer''s address)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The agent''s name, shown on answers ("Laura Gómez (support)")')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'A category the agent works (repeat); none: every category')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'A category the agent works (repeat); none: every category')
            [CompletionResult]::new('--language', '--language', [CompletionResultType]::ParameterName, 'The language of the desk''s mail to the agent [default: the desk''s, set by `serve --language`]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo-desk;staff;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo-desk;staff;edit' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A new name')
            [CompletionResult]::new('--add-category', '--add-category', [CompletionResultType]::ParameterName, 'Also work this category (repeat)')
            [CompletionResult]::new('--remove-category', '--remove-category', [CompletionResultType]::ParameterName, 'Stop working this category (repeat)')
            [CompletionResult]::new('--language', '--language', [CompletionResultType]::ParameterName, 'The language of the desk''s mail to the agent')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo-desk;staff;remove' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do it: without --yes nothing is removed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo-desk;staff;reply' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The answer')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'The answer')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'Read the answer from FILE (`-`: standard input), for multi-line text')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read the answer from FILE (`-`: standard input), for multi-line text')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Sign as this agent (its categories apply) instead of the desk''s "Support"')
            [CompletionResult]::new('--mail-domain', '--mail-domain', [CompletionResultType]::ParameterName, 'Domain of the intake addresses, for the notification''s Reply-To (the same as `serve --mail-domain`)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo-desk;staff;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a support agent (logs in with `ecolo login` like customers)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the agents and the categories they work')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Rename an agent or change the categories it works')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an agent: its logins and tokens stop at once; its answers stay')
            [CompletionResult]::new('reply', 'reply', [CompletionResultType]::ParameterValue, 'Answer a ticket (status becomes `answered`; the requester is mailed)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo-desk;staff;help;add' {
            break
        }
        'ecolo-desk;staff;help;list' {
            break
        }
        'ecolo-desk;staff;help;edit' {
            break
        }
        'ecolo-desk;staff;help;remove' {
            break
        }
        'ecolo-desk;staff;help;reply' {
            break
        }
        'ecolo-desk;staff;help;help' {
            break
        }
        'ecolo-desk;tickets' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('auto-close', 'auto-close', [CompletionResultType]::ParameterValue, 'Close `answered` tickets with no customer reply for DURATION now, mailing each requester how to reopen')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo-desk;tickets;auto-close' {
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'How long an answered ticket waits for the customer (7d, 36h, 0s)')
            [CompletionResult]::new('--mail-domain', '--mail-domain', [CompletionResultType]::ParameterName, 'Domain of the intake addresses, for the notices'' Reply-To (the same as `serve --mail-domain`)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo-desk;tickets;help' {
            [CompletionResult]::new('auto-close', 'auto-close', [CompletionResultType]::ParameterValue, 'Close `answered` tickets with no customer reply for DURATION now, mailing each requester how to reopen')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo-desk;tickets;help;auto-close' {
            break
        }
        'ecolo-desk;tickets;help;help' {
            break
        }
        'ecolo-desk;pipe' {
            [CompletionResult]::new('--recipient', '--recipient', [CompletionResultType]::ParameterName, 'The envelope recipient, as the MTA knows it (Postfix: ${recipient}); without it the category comes from Delivered-To / X-Original-To / To / Cc')
            [CompletionResult]::new('--sender', '--sender', [CompletionResultType]::ParameterName, 'The envelope sender (Postfix: ${sender}); empty, `<>` or MAILER-DAEMON (Postfix''s expansion of the null sender) for bounces')
            [CompletionResult]::new('--mail-domain', '--mail-domain', [CompletionResultType]::ParameterName, 'Domain of the intake addresses (`<category>@DOMAIN`): the same as `serve --mail-domain`')
            [CompletionResult]::new('--max-attachment-bytes', '--max-attachment-bytes', [CompletionResultType]::ParameterName, 'Largest attachment accepted, in bytes (as `serve`)')
            [CompletionResult]::new('--max-attachments', '--max-attachments', [CompletionResultType]::ParameterName, 'Most attachments on one message (as `serve`)')
            [CompletionResult]::new('--max-subject-chars', '--max-subject-chars', [CompletionResultType]::ParameterName, 'Longest ticket subject, in characters (as `serve`; longer ones are cut)')
            [CompletionResult]::new('--max-message-bytes', '--max-message-bytes', [CompletionResultType]::ParameterName, 'Longest message, in bytes (as `serve`)')
            [CompletionResult]::new('--client-ip', '--client-ip', [CompletionResultType]::ParameterName, 'The SMTP client''s address (Postfix: ${client_address}): SPF is checked against it; without it only DKIM, DMARC and ARC are')
            [CompletionResult]::new('--helo', '--helo', [CompletionResultType]::ParameterName, 'The name the client gave in HELO/EHLO (Postfix: ${client_helo})')
            [CompletionResult]::new('--dns', '--dns', [CompletionResultType]::ParameterName, 'DNS server for the DKIM, SPF and DMARC lookups, as HOST:PORT; without it the system resolver (/etc/resolv.conf)')
            [CompletionResult]::new('--trust-auth-results', '--trust-auth-results', [CompletionResultType]::ParameterName, 'Do not verify: trust the receiving server''s verdict, the topmost Authentication-Results header with this authserv-id (every other one is ignored: senders can write them too)')
            [CompletionResult]::new('--trusted-arc-sealer', '--trusted-arc-sealer', [CompletionResultType]::ParameterName, 'A forwarder or mailing list whose ARC seal is trusted (its ARC-Seal d= domain) for mail it changed; repeatable')
            [CompletionResult]::new('--max-auto-replies-per-hour', '--max-auto-replies-per-hour', [CompletionResultType]::ParameterName, 'Most automatic answers (refusals, confirmation requests) the desk sends per hour, to everyone together; each address gets at most 5')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user''s data directory]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo-desk;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the HTTP API until Ctrl-C or SIGTERM')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'Manage customer accounts')
            [CompletionResult]::new('staff', 'staff', [CompletionResultType]::ParameterValue, 'Manage the support team and answer as it')
            [CompletionResult]::new('tickets', 'tickets', [CompletionResultType]::ParameterValue, 'Work on tickets in bulk (auto-close)')
            [CompletionResult]::new('pipe', 'pipe', [CompletionResultType]::ParameterValue, 'File one e-mail read from stdin (for the MTA''s pipe transport)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo-desk;help;serve' {
            break
        }
        'ecolo-desk;help;account' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a customer account (the owner logs in with this e-mail)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the customer accounts')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Refuse an account''s credentials and mail at once (its tickets stay)')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Let a disabled account in again')
            [CompletionResult]::new('set-password', 'set-password', [CompletionResultType]::ParameterValue, 'Set an owner''s password (read from stdin); ends the account''s sessions')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an account: the language of the desk''s mail to its owner')
            break
        }
        'ecolo-desk;help;account;create' {
            break
        }
        'ecolo-desk;help;account;list' {
            break
        }
        'ecolo-desk;help;account;disable' {
            break
        }
        'ecolo-desk;help;account;enable' {
            break
        }
        'ecolo-desk;help;account;set-password' {
            break
        }
        'ecolo-desk;help;account;edit' {
            break
        }
        'ecolo-desk;help;staff' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a support agent (logs in with `ecolo login` like customers)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the agents and the categories they work')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Rename an agent or change the categories it works')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an agent: its logins and tokens stop at once; its answers stay')
            [CompletionResult]::new('reply', 'reply', [CompletionResultType]::ParameterValue, 'Answer a ticket (status becomes `answered`; the requester is mailed)')
            break
        }
        'ecolo-desk;help;staff;add' {
            break
        }
        'ecolo-desk;help;staff;list' {
            break
        }
        'ecolo-desk;help;staff;edit' {
            break
        }
        'ecolo-desk;help;staff;remove' {
            break
        }
        'ecolo-desk;help;staff;reply' {
            break
        }
        'ecolo-desk;help;tickets' {
            [CompletionResult]::new('auto-close', 'auto-close', [CompletionResultType]::ParameterValue, 'Close `answered` tickets with no customer reply for DURATION now, mailing each requester how to reopen')
            break
        }
        'ecolo-desk;help;tickets;auto-close' {
            break
        }
        'ecolo-desk;help;pipe' {
            break
        }
        'ecolo-desk;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
