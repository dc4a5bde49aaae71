
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'ecolo' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'ecolo'
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
        'ecolo' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to the desk and store the credentials for this profile')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the stored credentials (a password login''s session is revoked on the desk too)')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show who the credentials act as, their categories and the desk URL')
            [CompletionResult]::new('category', 'category', [CompletionResultType]::ParameterValue, 'Ticket categories (departments) and what belongs in each')
            [CompletionResult]::new('ticket', 'ticket', [CompletionResultType]::ParameterValue, 'Open, list, view, answer, close and reopen tickets; the support team''s queue, notes, assignments and moves')
            [CompletionResult]::new('contact', 'contact', [CompletionResultType]::ParameterValue, 'People allowed to open tickets in some categories (owner only)')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Personal access tokens for scripts and CI (the owner''s; an agent''s own)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Settings of ecolo on this computer (the language)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo;login' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'E-mail of the account')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input (first line)')
            [CompletionResult]::new('--with-token', '--with-token', [CompletionResultType]::ParameterName, 'Read an access token from standard input instead of a password')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;logout' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;whoami' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;category' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the categories: slug, name, intake address, what belongs there')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo;category;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;category;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the categories: slug, name, intake address, what belongs there')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo;category;help;list' {
            break
        }
        'ecolo;category;help;help' {
            break
        }
        'ecolo;ticket' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open a ticket (prompts for what is missing on a terminal)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tickets (the desk picks the default: a customer''s active ones, an agent''s queue)')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show a ticket''s whole conversation')
            [CompletionResult]::new('reply', 'reply', [CompletionResultType]::ParameterValue, 'Add a message to a ticket (from an agent: the support team''s answer)')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Add an internal note, never shown to the customer (support team)')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Assign a ticket to an agent, to yourself, or to nobody (support team)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Move a ticket to another category or change its priority (support team)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close a ticket once it is solved (agents may add a last answer)')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen a closed ticket')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Save a ticket''s attachments into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo;ticket;open' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Category: its slug or its name in Spanish or English (see `ecolo category list`)')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'Category: its slug or its name in Spanish or English (see `ecolo category list`)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'One-line summary of the problem')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'One-line summary of the problem')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The message text (`-` reads it from standard input)')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'The message text (`-` reads it from standard input)')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'Read the message from FILE (`-` for standard input)')
            [CompletionResult]::new('--message-file', '--message-file', [CompletionResultType]::ParameterName, 'Read the message from FILE (`-` for standard input)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Priority [default: medium]')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Priority [default: medium]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Attach a file (repeat for several)')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach a file (repeat for several)')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Key that makes retrying this command safe: the same key never opens a second ticket [default: a new UUID per run]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation of the summary')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation of the summary')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;ticket;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Which tickets: open, answered, customer-reply, closed, waiting (open or customer-reply), active (all but closed) or all [default: the desk''s, see below]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Only this category (slug or name)')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'Only this category (slug or name)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only tickets whose subject or messages contain every word of TEXT (for the support team, notes too), newest first')
            [CompletionResult]::new('--assignee', '--assignee', [CompletionResultType]::ParameterName, 'Support team: only tickets assigned to EMAIL, to you (`@me`) or to nobody (`none`)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Support team: only the tickets of the account owned by EMAIL')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'At most N tickets')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N tickets')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;ticket;view' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;ticket;reply' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The message text (`-` reads it from standard input)')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'The message text (`-` reads it from standard input)')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'Read the message from FILE (`-` for standard input)')
            [CompletionResult]::new('--message-file', '--message-file', [CompletionResultType]::ParameterName, 'Read the message from FILE (`-` for standard input)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Attach a file (repeat for several)')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach a file (repeat for several)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;ticket;note' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The message text (`-` reads it from standard input)')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'The message text (`-` reads it from standard input)')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'Read the message from FILE (`-` for standard input)')
            [CompletionResult]::new('--message-file', '--message-file', [CompletionResultType]::ParameterName, 'Read the message from FILE (`-` for standard input)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Attach a file (repeat for several)')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach a file (repeat for several)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;ticket;assign' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'An agent''s e-mail, `@me` (yourself) or `none` (unassign)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;ticket;edit' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Move the ticket to this category: its slug or name (see `ecolo category list`)')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'Move the ticket to this category: its slug or name (see `ecolo category list`)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Set the priority')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Set the priority')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;ticket;close' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'A last answer sent with the closing (support team; `-` reads standard input)')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'A last answer sent with the closing (support team; `-` reads standard input)')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'Read the last answer from FILE (`-` for standard input)')
            [CompletionResult]::new('--message-file', '--message-file', [CompletionResultType]::ParameterName, 'Read the last answer from FILE (`-` for standard input)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;ticket;reopen' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;ticket;download' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Directory to save into (created if missing)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite files that already exist')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;ticket;help' {
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open a ticket (prompts for what is missing on a terminal)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tickets (the desk picks the default: a customer''s active ones, an agent''s queue)')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show a ticket''s whole conversation')
            [CompletionResult]::new('reply', 'reply', [CompletionResultType]::ParameterValue, 'Add a message to a ticket (from an agent: the support team''s answer)')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Add an internal note, never shown to the customer (support team)')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Assign a ticket to an agent, to yourself, or to nobody (support team)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Move a ticket to another category or change its priority (support team)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close a ticket once it is solved (agents may add a last answer)')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen a closed ticket')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Save a ticket''s attachments into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo;ticket;help;open' {
            break
        }
        'ecolo;ticket;help;list' {
            break
        }
        'ecolo;ticket;help;view' {
            break
        }
        'ecolo;ticket;help;reply' {
            break
        }
        'ecolo;ticket;help;note' {
            break
        }
        'ecolo;ticket;help;assign' {
            break
        }
        'ecolo;ticket;help;edit' {
            break
        }
        'ecolo;ticket;help;close' {
            break
        }
        'ecolo;ticket;help;reopen' {
            break
        }
        'ecolo;ticket;help;download' {
            break
        }
        'ecolo;ticket;help;help' {
            break
        }
        'ecolo;contact' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Allow someone to open tickets in some categories')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List contacts, their categories and the addresses they may write to')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a contact''s name or categories')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a contact (their tokens stop working; their tickets stay)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo;contact;add' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The contact''s e-mail address (they may write to the desk from it)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The contact''s name')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'A category the contact may use (repeat for several)')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'A category the contact may use (repeat for several)')
            [CompletionResult]::new('--language', '--language', [CompletionResultType]::ParameterName, 'The language of the desk''s mail to the contact [default: the account''s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;contact;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;contact;edit' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'New name')
            [CompletionResult]::new('--add-category', '--add-category', [CompletionResultType]::ParameterName, 'Allow another category (repeat for several)')
            [CompletionResult]::new('--remove-category', '--remove-category', [CompletionResultType]::ParameterName, 'Take a category away (repeat for several)')
            [CompletionResult]::new('--language', '--language', [CompletionResultType]::ParameterName, 'The language of the desk''s mail to the contact')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;contact;remove' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Remove without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Remove without asking')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;contact;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Allow someone to open tickets in some categories')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List contacts, their categories and the addresses they may write to')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a contact''s name or categories')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a contact (their tokens stop working; their tickets stay)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo;contact;help;add' {
            break
        }
        'ecolo;contact;help;list' {
            break
        }
        'ecolo;contact;help;edit' {
            break
        }
        'ecolo;contact;help;remove' {
            break
        }
        'ecolo;contact;help;help' {
            break
        }
        'ecolo;token' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token; prints only the token (shown this once)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens: name, scope, created, last used, expires (never the secret)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token at once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo;token;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name to recognize (and revoke) the token by')
            [CompletionResult]::new('--contact', '--contact', [CompletionResultType]::ParameterName, 'Act as this contact (their categories at most)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Limit the token to a category (repeat for several)')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'Limit the token to a category (repeat for several)')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'Lifetime: Nd (days), Nw (weeks), Ny (years), at most 10y; or `never` [default: never]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;token;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;token;revoke' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Revoke without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Revoke without asking')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'ecolo;token;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token; prints only the token (shown this once)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens: name, scope, created, last used, expires (never the secret)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token at once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo;token;help;create' {
            break
        }
        'ecolo;token;help;list' {
            break
        }
        'ecolo;token;help;revoke' {
            break
        }
        'ecolo;token;help;help' {
            break
        }
        'ecolo;config' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a setting, e.g. `ecolo config set language es`')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a setting''s value (nothing when it is not set)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo;config;set' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ecolo;config;get' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the credentials and desk URL stored under NAME')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Desk URL, e.g. https://desk.example.com')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON (stable fields, documented in the README)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print each request (method, URL, status, time) to stderr; never secrets')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'ecolo;config;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a setting, e.g. `ecolo config set language es`')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a setting''s value (nothing when it is not set)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo;config;help;set' {
            break
        }
        'ecolo;config;help;get' {
            break
        }
        'ecolo;config;help;help' {
            break
        }
        'ecolo;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to the desk and store the credentials for this profile')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the stored credentials (a password login''s session is revoked on the desk too)')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show who the credentials act as, their categories and the desk URL')
            [CompletionResult]::new('category', 'category', [CompletionResultType]::ParameterValue, 'Ticket categories (departments) and what belongs in each')
            [CompletionResult]::new('ticket', 'ticket', [CompletionResultType]::ParameterValue, 'Open, list, view, answer, close and reopen tickets; the support team''s queue, notes, assignments and moves')
            [CompletionResult]::new('contact', 'contact', [CompletionResultType]::ParameterValue, 'People allowed to open tickets in some categories (owner only)')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Personal access tokens for scripts and CI (the owner''s; an agent''s own)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Settings of ecolo on this computer (the language)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ecolo;help;login' {
            break
        }
        'ecolo;help;logout' {
            break
        }
        'ecolo;help;whoami' {
            break
        }
        'ecolo;help;category' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the categories: slug, name, intake address, what belongs there')
            break
        }
        'ecolo;help;category;list' {
            break
        }
        'ecolo;help;ticket' {
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open a ticket (prompts for what is missing on a terminal)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tickets (the desk picks the default: a customer''s active ones, an agent''s queue)')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show a ticket''s whole conversation')
            [CompletionResult]::new('reply', 'reply', [CompletionResultType]::ParameterValue, 'Add a message to a ticket (from an agent: the support team''s answer)')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Add an internal note, never shown to the customer (support team)')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Assign a ticket to an agent, to yourself, or to nobody (support team)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Move a ticket to another category or change its priority (support team)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close a ticket once it is solved (agents may add a last answer)')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen a closed ticket')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Save a ticket''s attachments into a directory')
            break
        }
        'ecolo;help;ticket;open' {
            break
        }
        'ecolo;help;ticket;list' {
            break
        }
        'ecolo;help;ticket;view' {
            break
        }
        'ecolo;help;ticket;reply' {
            break
        }
        'ecolo;help;ticket;note' {
            break
        }
        'ecolo;help;ticket;assign' {
            break
        }
        'ecolo;help;ticket;edit' {
            break
        }
        'ecolo;help;ticket;close' {
            break
        }
        'ecolo;help;ticket;reopen' {
            break
        }
        'ecolo;help;ticket;download' {
            break
        }
        'ecolo;help;contact' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Allow someone to open tickets in some categories')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List contacts, their categories and the addresses they may write to')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a contact''s name or categories')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a contact (their tokens stop working; their tickets stay)')
            break
        }
        'ecolo;help;contact;add' {
            break
        }
        'ecolo;help;contact;list' {
            break
        }
        'ecolo;help;contact;edit' {
            break
        }
        'ecolo;help;contact;remove' {
            break
        }
        'ecolo;help;token' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token; prints only the token (shown this once)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens: name, scope, created, last used, expires (never the secret)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a token at once')
            break
        }
        'ecolo;help;token;create' {
            break
        }
        'ecolo;help;token;list' {
            break
        }
        'ecolo;help;token;revoke' {
            break
        }
        'ecolo;help;config' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a setting, e.g. `ecolo config set language es`')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a setting''s value (nothing when it is not set)')
            break
        }
        'ecolo;help;config;set' {
            break
        }
        'ecolo;help;config;get' {
            break
        }
        'ecolo;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
