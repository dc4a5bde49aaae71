# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ecolo_global_optspecs
    string join \n json no-input profile= url= v/verbose h/help V/version
end

function __fish_ecolo_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ecolo_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ecolo_using_subcommand
    set -l cmd (__fish_ecolo_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ecolo -n "__fish_ecolo_needs_command" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_needs_command" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_needs_command" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_needs_command" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_needs_command" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ecolo -n "__fish_ecolo_needs_command" -s V -l version -d 'Print version'
complete -c ecolo -n "__fish_ecolo_needs_command" -f -a "login" -d 'Log in to the desk and store the credentials for this profile'
complete -c ecolo -n "__fish_ecolo_needs_command" -f -a "logout" -d 'Forget the stored credentials (a password login\'s session is revoked on the desk too)'
complete -c ecolo -n "__fish_ecolo_needs_command" -f -a "whoami" -d 'Show who the credentials act as, their categories and the desk URL'
complete -c ecolo -n "__fish_ecolo_needs_command" -f -a "category" -d 'Ticket categories (departments) and what belongs in each'
complete -c ecolo -n "__fish_ecolo_needs_command" -f -a "ticket" -d 'Open, list, view, answer, close and reopen tickets; the support team\'s queue, notes, assignments and moves'
complete -c ecolo -n "__fish_ecolo_needs_command" -f -a "contact" -d 'People allowed to open tickets in some categories (owner only)'
complete -c ecolo -n "__fish_ecolo_needs_command" -f -a "token" -d 'Personal access tokens for scripts and CI (the owner\'s; an agent\'s own)'
complete -c ecolo -n "__fish_ecolo_needs_command" -f -a "config" -d 'Settings of ecolo on this computer (the language)'
complete -c ecolo -n "__fish_ecolo_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo -n "__fish_ecolo_using_subcommand login" -l email -d 'E-mail of the account' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand login" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand login" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand login" -l password-stdin -d 'Read the password from standard input (first line)'
complete -c ecolo -n "__fish_ecolo_using_subcommand login" -l with-token -d 'Read an access token from standard input instead of a password'
complete -c ecolo -n "__fish_ecolo_using_subcommand login" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand login" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand login" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand login" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand logout" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand logout" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand logout" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand logout" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand logout" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand logout" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand whoami" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand whoami" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand whoami" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand whoami" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand whoami" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand whoami" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand category; and not __fish_seen_subcommand_from list help" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand category; and not __fish_seen_subcommand_from list help" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand category; and not __fish_seen_subcommand_from list help" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand category; and not __fish_seen_subcommand_from list help" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand category; and not __fish_seen_subcommand_from list help" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand category; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand category; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'List the categories: slug, name, intake address, what belongs there'
complete -c ecolo -n "__fish_ecolo_using_subcommand category; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo -n "__fish_ecolo_using_subcommand category; and __fish_seen_subcommand_from list" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand category; and __fish_seen_subcommand_from list" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand category; and __fish_seen_subcommand_from list" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand category; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand category; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand category; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand category; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the categories: slug, name, intake address, what belongs there'
complete -c ecolo -n "__fish_ecolo_using_subcommand category; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and not __fish_seen_subcommand_from open list view reply note assign edit close reopen download help" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and not __fish_seen_subcommand_from open list view reply note assign edit close reopen download help" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and not __fish_seen_subcommand_from open list view reply note assign edit close reopen download help" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and not __fish_seen_subcommand_from open list view reply note assign edit close reopen download help" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and not __fish_seen_subcommand_from open list view reply note assign edit close reopen download help" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and not __fish_seen_subcommand_from open list view reply note assign edit close reopen download help" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and not __fish_seen_subcommand_from open list view reply note assign edit close reopen download help" -f -a "open" -d 'Open a ticket (prompts for what is missing on a terminal)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and not __fish_seen_subcommand_from open list view reply note assign edit close reopen download help" -f -a "list" -d 'List tickets (the desk picks the default: a customer\'s active ones, an agent\'s queue)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and not __fish_seen_subcommand_from open list view reply note assign edit close reopen download help" -f -a "view" -d 'Show a ticket\'s whole conversation'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and not __fish_seen_subcommand_from open list view reply note assign edit close reopen download help" -f -a "reply" -d 'Add a message to a ticket (from an agent: the support team\'s answer)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and not __fish_seen_subcommand_from open list view reply note assign edit close reopen download help" -f -a "note" -d 'Add an internal note, never shown to the customer (support team)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and not __fish_seen_subcommand_from open list view reply note assign edit close reopen download help" -f -a "assign" -d 'Assign a ticket to an agent, to yourself, or to nobody (support team)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and not __fish_seen_subcommand_from open list view reply note assign edit close reopen download help" -f -a "edit" -d 'Move a ticket to another category or change its priority (support team)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and not __fish_seen_subcommand_from open list view reply note assign edit close reopen download help" -f -a "close" -d 'Close a ticket once it is solved (agents may add a last answer)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and not __fish_seen_subcommand_from open list view reply note assign edit close reopen download help" -f -a "reopen" -d 'Reopen a closed ticket'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and not __fish_seen_subcommand_from open list view reply note assign edit close reopen download help" -f -a "download" -d 'Save a ticket\'s attachments into a directory'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and not __fish_seen_subcommand_from open list view reply note assign edit close reopen download help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from open" -s c -l category -d 'Category: its slug or its name in Spanish or English (see `ecolo category list`)' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from open" -s s -l subject -d 'One-line summary of the problem' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from open" -s m -l message -d 'The message text (`-` reads it from standard input)' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from open" -s F -l message-file -d 'Read the message from FILE (`-` for standard input)' -r -F
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from open" -s p -l priority -d 'Priority [default: medium]' -r -f -a "low\t''
medium\t''
high\t''"
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from open" -s a -l attach -d 'Attach a file (repeat for several)' -r -F
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from open" -l idempotency-key -d 'Key that makes retrying this command safe: the same key never opens a second ticket [default: a new UUID per run]' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from open" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from open" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from open" -s y -l yes -d 'Do not ask for confirmation of the summary'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from open" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from open" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from open" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from open" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from list" -l status -d 'Which tickets: open, answered, customer-reply, closed, waiting (open or customer-reply), active (all but closed) or all [default: the desk\'s, see below]' -r -f -a "open\t''
answered\t''
customer-reply\t''
closed\t''
active\t''
all\t''
waiting\t'Waiting for support: `open` and `customer-reply` (the agents\' default)'"
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from list" -s c -l category -d 'Only this category (slug or name)' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from list" -l search -d 'Only tickets whose subject or messages contain every word of TEXT (for the support team, notes too), newest first' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from list" -l assignee -d 'Support team: only tickets assigned to EMAIL, to you (`@me`) or to nobody (`none`)' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from list" -l account -d 'Support team: only the tickets of the account owned by EMAIL' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from list" -s L -l limit -d 'At most N tickets' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from list" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from list" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from list" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from view" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from view" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from view" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from view" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from view" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from reply" -s m -l message -d 'The message text (`-` reads it from standard input)' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from reply" -s F -l message-file -d 'Read the message from FILE (`-` for standard input)' -r -F
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from reply" -s a -l attach -d 'Attach a file (repeat for several)' -r -F
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from reply" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from reply" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from reply" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from reply" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from reply" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from reply" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from note" -s m -l message -d 'The message text (`-` reads it from standard input)' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from note" -s F -l message-file -d 'Read the message from FILE (`-` for standard input)' -r -F
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from note" -s a -l attach -d 'Attach a file (repeat for several)' -r -F
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from note" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from note" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from note" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from note" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from note" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from note" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from assign" -l to -d 'An agent\'s e-mail, `@me` (yourself) or `none` (unassign)' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from assign" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from assign" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from assign" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from assign" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from assign" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from assign" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from edit" -s c -l category -d 'Move the ticket to this category: its slug or name (see `ecolo category list`)' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from edit" -s p -l priority -d 'Set the priority' -r -f -a "low\t''
medium\t''
high\t''"
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from edit" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from edit" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from edit" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from edit" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from edit" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from close" -s m -l message -d 'A last answer sent with the closing (support team; `-` reads standard input)' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from close" -s F -l message-file -d 'Read the last answer from FILE (`-` for standard input)' -r -F
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from close" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from close" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from close" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from close" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from close" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from reopen" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from reopen" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from reopen" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from reopen" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from reopen" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from reopen" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from download" -l to -d 'Directory to save into (created if missing)' -r -F
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from download" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from download" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from download" -l force -d 'Overwrite files that already exist'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from download" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from download" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from download" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from help" -f -a "open" -d 'Open a ticket (prompts for what is missing on a terminal)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from help" -f -a "list" -d 'List tickets (the desk picks the default: a customer\'s active ones, an agent\'s queue)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from help" -f -a "view" -d 'Show a ticket\'s whole conversation'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from help" -f -a "reply" -d 'Add a message to a ticket (from an agent: the support team\'s answer)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from help" -f -a "note" -d 'Add an internal note, never shown to the customer (support team)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from help" -f -a "assign" -d 'Assign a ticket to an agent, to yourself, or to nobody (support team)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Move a ticket to another category or change its priority (support team)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close a ticket once it is solved (agents may add a last answer)'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from help" -f -a "reopen" -d 'Reopen a closed ticket'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from help" -f -a "download" -d 'Save a ticket\'s attachments into a directory'
complete -c ecolo -n "__fish_ecolo_using_subcommand ticket; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and not __fish_seen_subcommand_from add list edit remove help" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and not __fish_seen_subcommand_from add list edit remove help" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and not __fish_seen_subcommand_from add list edit remove help" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and not __fish_seen_subcommand_from add list edit remove help" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and not __fish_seen_subcommand_from add list edit remove help" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and not __fish_seen_subcommand_from add list edit remove help" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and not __fish_seen_subcommand_from add list edit remove help" -f -a "add" -d 'Allow someone to open tickets in some categories'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and not __fish_seen_subcommand_from add list edit remove help" -f -a "list" -d 'List contacts, their categories and the addresses they may write to'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and not __fish_seen_subcommand_from add list edit remove help" -f -a "edit" -d 'Change a contact\'s name or categories'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and not __fish_seen_subcommand_from add list edit remove help" -f -a "remove" -d 'Remove a contact (their tokens stop working; their tickets stay)'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and not __fish_seen_subcommand_from add list edit remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l email -d 'The contact\'s e-mail address (they may write to the desk from it)' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l name -d 'The contact\'s name' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from add" -s c -l category -d 'A category the contact may use (repeat for several)' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l language -d 'The language of the desk\'s mail to the contact [default: the account\'s]' -r -f -a "es\t''
en\t''"
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from list" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from list" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from list" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from edit" -l name -d 'New name' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from edit" -l add-category -d 'Allow another category (repeat for several)' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from edit" -l remove-category -d 'Take a category away (repeat for several)' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from edit" -l language -d 'The language of the desk\'s mail to the contact' -r -f -a "es\t''
en\t''"
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from edit" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from edit" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from edit" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from edit" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from edit" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from remove" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from remove" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Remove without asking'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from remove" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from help" -f -a "add" -d 'Allow someone to open tickets in some categories'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from help" -f -a "list" -d 'List contacts, their categories and the addresses they may write to'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a contact\'s name or categories'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a contact (their tokens stop working; their tickets stay)'
complete -c ecolo -n "__fish_ecolo_using_subcommand contact; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "create" -d 'Create a token; prints only the token (shown this once)'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "list" -d 'List tokens: name, scope, created, last used, expires (never the secret)'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "revoke" -d 'Revoke a token at once'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from create" -l name -d 'A name to recognize (and revoke) the token by' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from create" -l contact -d 'Act as this contact (their categories at most)' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from create" -s c -l category -d 'Limit the token to a category (repeat for several)' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from create" -l expires -d 'Lifetime: Nd (days), Nw (weeks), Ny (years), at most 10y; or `never` [default: never]' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from create" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from create" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from create" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from list" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from list" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from list" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from revoke" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from revoke" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from revoke" -s y -l yes -d 'Revoke without asking'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from revoke" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from revoke" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a token; prints only the token (shown this once)'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "list" -d 'List tokens: name, scope, created, last used, expires (never the secret)'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a token at once'
complete -c ecolo -n "__fish_ecolo_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and not __fish_seen_subcommand_from set get help" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and not __fish_seen_subcommand_from set get help" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and not __fish_seen_subcommand_from set get help" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and not __fish_seen_subcommand_from set get help" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and not __fish_seen_subcommand_from set get help" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and not __fish_seen_subcommand_from set get help" -s h -l help -d 'Print help'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and not __fish_seen_subcommand_from set get help" -f -a "set" -d 'Change a setting, e.g. `ecolo config set language es`'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and not __fish_seen_subcommand_from set get help" -f -a "get" -d 'Print a setting\'s value (nothing when it is not set)'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and not __fish_seen_subcommand_from set get help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and __fish_seen_subcommand_from set" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and __fish_seen_subcommand_from set" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and __fish_seen_subcommand_from get" -l profile -d 'Use the credentials and desk URL stored under NAME' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and __fish_seen_subcommand_from get" -l url -d 'Desk URL, e.g. https://desk.example.com' -r
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and __fish_seen_subcommand_from get" -l json -d 'Print results as JSON (stable fields, documented in the README)'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and __fish_seen_subcommand_from get" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Print each request (method, URL, status, time) to stderr; never secrets'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change a setting, e.g. `ecolo config set language es`'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print a setting\'s value (nothing when it is not set)'
complete -c ecolo -n "__fish_ecolo_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and not __fish_seen_subcommand_from login logout whoami category ticket contact token config help" -f -a "login" -d 'Log in to the desk and store the credentials for this profile'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and not __fish_seen_subcommand_from login logout whoami category ticket contact token config help" -f -a "logout" -d 'Forget the stored credentials (a password login\'s session is revoked on the desk too)'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and not __fish_seen_subcommand_from login logout whoami category ticket contact token config help" -f -a "whoami" -d 'Show who the credentials act as, their categories and the desk URL'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and not __fish_seen_subcommand_from login logout whoami category ticket contact token config help" -f -a "category" -d 'Ticket categories (departments) and what belongs in each'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and not __fish_seen_subcommand_from login logout whoami category ticket contact token config help" -f -a "ticket" -d 'Open, list, view, answer, close and reopen tickets; the support team\'s queue, notes, assignments and moves'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and not __fish_seen_subcommand_from login logout whoami category ticket contact token config help" -f -a "contact" -d 'People allowed to open tickets in some categories (owner only)'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and not __fish_seen_subcommand_from login logout whoami category ticket contact token config help" -f -a "token" -d 'Personal access tokens for scripts and CI (the owner\'s; an agent\'s own)'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and not __fish_seen_subcommand_from login logout whoami category ticket contact token config help" -f -a "config" -d 'Settings of ecolo on this computer (the language)'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and not __fish_seen_subcommand_from login logout whoami category ticket contact token config help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from category" -f -a "list" -d 'List the categories: slug, name, intake address, what belongs there'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from ticket" -f -a "open" -d 'Open a ticket (prompts for what is missing on a terminal)'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from ticket" -f -a "list" -d 'List tickets (the desk picks the default: a customer\'s active ones, an agent\'s queue)'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from ticket" -f -a "view" -d 'Show a ticket\'s whole conversation'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from ticket" -f -a "reply" -d 'Add a message to a ticket (from an agent: the support team\'s answer)'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from ticket" -f -a "note" -d 'Add an internal note, never shown to the customer (support team)'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from ticket" -f -a "assign" -d 'Assign a ticket to an agent, to yourself, or to nobody (support team)'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from ticket" -f -a "edit" -d 'Move a ticket to another category or change its priority (support team)'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from ticket" -f -a "close" -d 'Close a ticket once it is solved (agents may add a last answer)'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from ticket" -f -a "reopen" -d 'Reopen a closed ticket'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from ticket" -f -a "download" -d 'Save a ticket\'s attachments into a directory'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from contact" -f -a "add" -d 'Allow someone to open tickets in some categories'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from contact" -f -a "list" -d 'List contacts, their categories and the addresses they may write to'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from contact" -f -a "edit" -d 'Change a contact\'s name or categories'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from contact" -f -a "remove" -d 'Remove a contact (their tokens stop working; their tickets stay)'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "create" -d 'Create a token; prints only the token (shown this once)'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "list" -d 'List tokens: name, scope, created, last used, expires (never the secret)'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "revoke" -d 'Revoke a token at once'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Change a setting, e.g. `ecolo config set language es`'
complete -c ecolo -n "__fish_ecolo_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print a setting\'s value (nothing when it is not set)'
