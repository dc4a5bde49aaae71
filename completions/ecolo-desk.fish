# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ecolo_desk_global_optspecs
    string join \n db= h/help V/version
end

function __fish_ecolo_desk_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ecolo_desk_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ecolo_desk_using_subcommand
    set -l cmd (__fish_ecolo_desk_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ecolo-desk -n "__fish_ecolo_desk_needs_command" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_needs_command" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_needs_command" -s V -l version -d 'Print version'
complete -c ecolo-desk -n "__fish_ecolo_desk_needs_command" -f -a "serve" -d 'Serve the HTTP API until Ctrl-C or SIGTERM'
complete -c ecolo-desk -n "__fish_ecolo_desk_needs_command" -f -a "account" -d 'Manage customer accounts'
complete -c ecolo-desk -n "__fish_ecolo_desk_needs_command" -f -a "staff" -d 'Manage the support team and answer as it'
complete -c ecolo-desk -n "__fish_ecolo_desk_needs_command" -f -a "tickets" -d 'Work on tickets in bulk (auto-close)'
complete -c ecolo-desk -n "__fish_ecolo_desk_needs_command" -f -a "pipe" -d 'File one e-mail read from stdin (for the MTA\'s pipe transport)'
complete -c ecolo-desk -n "__fish_ecolo_desk_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l listen -d 'Address to listen on; port 0 picks a free port' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l max-attachment-bytes -d 'Largest attachment accepted, in bytes' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l max-attachments -d 'Most attachments on one message' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l max-subject-chars -d 'Longest ticket subject, in characters' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l max-message-bytes -d 'Longest message, in bytes' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l mail-domain -d 'Domain of the intake addresses (`<category>@DOMAIN`)' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l smtp-url -d 'SMTP relay for outgoing notifications (e.g. smtp://localhost:25); a URL with a password belongs in the environment, not on the command line' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l outbox-retry-ms -d 'First retry delay of the outbox in milliseconds; doubles per failure' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l header-timeout -d 'Seconds a client has to send a request\'s headers (slow clients are disconnected)' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l idle-timeout -d 'Seconds an idle keep-alive connection stays open' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l min-upload-rate -d 'Slowest upload accepted, in bytes a second over 10 s (0: no minimum); a stalled body is dropped with 408' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l max-connections -d 'Connections open at once, in all; past it, 503' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l max-connections-per-address -d 'Connections open at once from one client address; past it, 503' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l mail-retention -d 'Delete sent mail from the outbox, and rendered events from the events log, this long after (e.g. 30d, 12h, 90m, 45s); mail not yet sent is always kept' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l auto-close-after -d 'Close `answered` tickets with no customer reply for this long (e.g. 7d, 36h, 90m; `off` never)' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l language -d 'The desk\'s default language: of new accounts and agents, also those the admin commands create (kept in the database; until first set, es)' -r -f -a "es\t''
en\t''"
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l demo -d 'Create a demo account (demo@ecolo.test) and print how to log in'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -l trust-forwarded-for -d 'Behind a reverse proxy on this machine: limit failed logins by the client address the proxy puts last in X-Forwarded-For'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand serve" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and not __fish_seen_subcommand_from create list disable enable set-password edit help" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and not __fish_seen_subcommand_from create list disable enable set-password edit help" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and not __fish_seen_subcommand_from create list disable enable set-password edit help" -f -a "create" -d 'Create a customer account (the owner logs in with this e-mail)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and not __fish_seen_subcommand_from create list disable enable set-password edit help" -f -a "list" -d 'List the customer accounts'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and not __fish_seen_subcommand_from create list disable enable set-password edit help" -f -a "disable" -d 'Refuse an account\'s credentials and mail at once (its tickets stay)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and not __fish_seen_subcommand_from create list disable enable set-password edit help" -f -a "enable" -d 'Let a disabled account in again'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and not __fish_seen_subcommand_from create list disable enable set-password edit help" -f -a "set-password" -d 'Set an owner\'s password (read from stdin); ends the account\'s sessions'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and not __fish_seen_subcommand_from create list disable enable set-password edit help" -f -a "edit" -d 'Change an account: the language of the desk\'s mail to its owner'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and not __fish_seen_subcommand_from create list disable enable set-password edit help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from create" -l email -d 'The owner\'s e-mail, used to log in' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from create" -l name -d 'The owner\'s name, shown on tickets' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from create" -l language -d 'The language of the desk\'s mail to the owner (and the default of their contacts) [default: the desk\'s, set by `serve --language`]' -r -f -a "es\t''
en\t''"
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from create" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from create" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from list" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from list" -l json -d 'Print JSON instead of a table'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from disable" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from enable" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from set-password" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from set-password" -l password-stdin -d 'Read the new password from the first line of standard input'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from set-password" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from edit" -l language -d 'The language of the desk\'s mail to the owner (contacts keep theirs)' -r -f -a "es\t''
en\t''"
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from edit" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a customer account (the owner logs in with this e-mail)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the customer accounts'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Refuse an account\'s credentials and mail at once (its tickets stay)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Let a disabled account in again'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "set-password" -d 'Set an owner\'s password (read from stdin); ends the account\'s sessions'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change an account: the language of the desk\'s mail to its owner'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and not __fish_seen_subcommand_from add list edit remove reply help" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and not __fish_seen_subcommand_from add list edit remove reply help" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and not __fish_seen_subcommand_from add list edit remove reply help" -f -a "add" -d 'Add a support agent (logs in with `ecolo login` like customers)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and not __fish_seen_subcommand_from add list edit remove reply help" -f -a "list" -d 'List the agents and the categories they work'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and not __fish_seen_subcommand_from add list edit remove reply help" -f -a "edit" -d 'Rename an agent or change the categories it works'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and not __fish_seen_subcommand_from add list edit remove reply help" -f -a "remove" -d 'Remove an agent: its logins and tokens stop at once; its answers stay'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and not __fish_seen_subcommand_from add list edit remove reply help" -f -a "reply" -d 'Answer a ticket (status becomes `answered`; the requester is mailed)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and not __fish_seen_subcommand_from add list edit remove reply help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from add" -l email -d 'The agent\'s e-mail, used to log in (never a customer\'s address)' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from add" -l name -d 'The agent\'s name, shown on answers ("Laura Gómez (support)")' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from add" -s c -l category -d 'A category the agent works (repeat); none: every category' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from add" -l language -d 'The language of the desk\'s mail to the agent [default: the desk\'s, set by `serve --language`]' -r -f -a "es\t''
en\t''"
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from add" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from add" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from list" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from list" -l json -d 'Print JSON instead of a table'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from edit" -l name -d 'A new name' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from edit" -l add-category -d 'Also work this category (repeat)' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from edit" -l remove-category -d 'Stop working this category (repeat)' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from edit" -l language -d 'The language of the desk\'s mail to the agent' -r -f -a "es\t''
en\t''"
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from edit" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from remove" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from remove" -l yes -d 'Do it: without --yes nothing is removed'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from reply" -s m -l message -d 'The answer' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from reply" -s F -l file -d 'Read the answer from FILE (`-`: standard input), for multi-line text' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from reply" -l as -d 'Sign as this agent (its categories apply) instead of the desk\'s "Support"' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from reply" -l mail-domain -d 'Domain of the intake addresses, for the notification\'s Reply-To (the same as `serve --mail-domain`)' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from reply" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from reply" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a support agent (logs in with `ecolo login` like customers)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the agents and the categories they work'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Rename an agent or change the categories it works'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove an agent: its logins and tokens stop at once; its answers stay'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from help" -f -a "reply" -d 'Answer a ticket (status becomes `answered`; the requester is mailed)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand staff; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand tickets; and not __fish_seen_subcommand_from auto-close help" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand tickets; and not __fish_seen_subcommand_from auto-close help" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand tickets; and not __fish_seen_subcommand_from auto-close help" -f -a "auto-close" -d 'Close `answered` tickets with no customer reply for DURATION now, mailing each requester how to reopen'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand tickets; and not __fish_seen_subcommand_from auto-close help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand tickets; and __fish_seen_subcommand_from auto-close" -l after -d 'How long an answered ticket waits for the customer (7d, 36h, 0s)' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand tickets; and __fish_seen_subcommand_from auto-close" -l mail-domain -d 'Domain of the intake addresses, for the notices\' Reply-To (the same as `serve --mail-domain`)' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand tickets; and __fish_seen_subcommand_from auto-close" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand tickets; and __fish_seen_subcommand_from auto-close" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "auto-close" -d 'Close `answered` tickets with no customer reply for DURATION now, mailing each requester how to reopen'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand tickets; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand pipe" -l recipient -d 'The envelope recipient, as the MTA knows it (Postfix: ${recipient}); without it the category comes from Delivered-To / X-Original-To / To / Cc' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand pipe" -l sender -d 'The envelope sender (Postfix: ${sender}); empty, `<>` or MAILER-DAEMON (Postfix\'s expansion of the null sender) for bounces' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand pipe" -l mail-domain -d 'Domain of the intake addresses (`<category>@DOMAIN`): the same as `serve --mail-domain`' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand pipe" -l max-attachment-bytes -d 'Largest attachment accepted, in bytes (as `serve`)' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand pipe" -l max-attachments -d 'Most attachments on one message (as `serve`)' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand pipe" -l max-subject-chars -d 'Longest ticket subject, in characters (as `serve`; longer ones are cut)' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand pipe" -l max-message-bytes -d 'Longest message, in bytes (as `serve`)' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand pipe" -l client-ip -d 'The SMTP client\'s address (Postfix: ${client_address}): SPF is checked against it; without it only DKIM, DMARC and ARC are' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand pipe" -l helo -d 'The name the client gave in HELO/EHLO (Postfix: ${client_helo})' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand pipe" -l dns -d 'DNS server for the DKIM, SPF and DMARC lookups, as HOST:PORT; without it the system resolver (/etc/resolv.conf)' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand pipe" -l trust-auth-results -d 'Do not verify: trust the receiving server\'s verdict, the topmost Authentication-Results header with this authserv-id (every other one is ignored: senders can write them too)' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand pipe" -l trusted-arc-sealer -d 'A forwarder or mailing list whose ARC seal is trusted (its ARC-Seal d= domain) for mail it changed; repeatable' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand pipe" -l max-auto-replies-per-hour -d 'Most automatic answers (refusals, confirmation requests) the desk sends per hour, to everyone together; each address gets at most 5' -r
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand pipe" -l db -d 'SQLite database file; attachments are kept in `attachments/` beside it [default: desk.db in the user\'s data directory]' -r -F
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand pipe" -s h -l help -d 'Print help'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and not __fish_seen_subcommand_from serve account staff tickets pipe help" -f -a "serve" -d 'Serve the HTTP API until Ctrl-C or SIGTERM'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and not __fish_seen_subcommand_from serve account staff tickets pipe help" -f -a "account" -d 'Manage customer accounts'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and not __fish_seen_subcommand_from serve account staff tickets pipe help" -f -a "staff" -d 'Manage the support team and answer as it'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and not __fish_seen_subcommand_from serve account staff tickets pipe help" -f -a "tickets" -d 'Work on tickets in bulk (auto-close)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and not __fish_seen_subcommand_from serve account staff tickets pipe help" -f -a "pipe" -d 'File one e-mail read from stdin (for the MTA\'s pipe transport)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and not __fish_seen_subcommand_from serve account staff tickets pipe help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "create" -d 'Create a customer account (the owner logs in with this e-mail)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "list" -d 'List the customer accounts'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "disable" -d 'Refuse an account\'s credentials and mail at once (its tickets stay)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "enable" -d 'Let a disabled account in again'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "set-password" -d 'Set an owner\'s password (read from stdin); ends the account\'s sessions'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "edit" -d 'Change an account: the language of the desk\'s mail to its owner'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and __fish_seen_subcommand_from staff" -f -a "add" -d 'Add a support agent (logs in with `ecolo login` like customers)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and __fish_seen_subcommand_from staff" -f -a "list" -d 'List the agents and the categories they work'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and __fish_seen_subcommand_from staff" -f -a "edit" -d 'Rename an agent or change the categories it works'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and __fish_seen_subcommand_from staff" -f -a "remove" -d 'Remove an agent: its logins and tokens stop at once; its answers stay'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and __fish_seen_subcommand_from staff" -f -a "reply" -d 'Answer a ticket (status becomes `answered`; the requester is mailed)'
complete -c ecolo-desk -n "__fish_ecolo_desk_using_subcommand help; and __fish_seen_subcommand_from tickets" -f -a "auto-close" -d 'Close `answered` tickets with no customer reply for DURATION now, mailing each requester how to reopen'
