
use builtin;
use str;

set edit:completion:arg-completer[ecolo] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'ecolo'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'ecolo'= {
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Log in to the desk and store the credentials for this profile'
            cand logout 'Forget the stored credentials (a password login''s session is revoked on the desk too)'
            cand whoami 'Show who the credentials act as, their categories and the desk URL'
            cand category 'Ticket categories (departments) and what belongs in each'
            cand ticket 'Open, list, view, answer, close and reopen tickets; the support team''s queue, notes, assignments and moves'
            cand contact 'People allowed to open tickets in some categories (owner only)'
            cand token 'Personal access tokens for scripts and CI (the owner''s; an agent''s own)'
            cand config 'Settings of ecolo on this computer (the language)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo;login'= {
            cand --email 'E-mail of the account'
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --password-stdin 'Read the password from standard input (first line)'
            cand --with-token 'Read an access token from standard input instead of a password'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;logout'= {
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;whoami'= {
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;category'= {
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List the categories: slug, name, intake address, what belongs there'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo;category;list'= {
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;category;help'= {
            cand list 'List the categories: slug, name, intake address, what belongs there'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo;category;help;list'= {
        }
        &'ecolo;category;help;help'= {
        }
        &'ecolo;ticket'= {
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
            cand open 'Open a ticket (prompts for what is missing on a terminal)'
            cand list 'List tickets (the desk picks the default: a customer''s active ones, an agent''s queue)'
            cand view 'Show a ticket''s whole conversation'
            cand reply 'Add a message to a ticket (from an agent: the support team''s answer)'
            cand note 'Add an internal note, never shown to the customer (support team)'
            cand assign 'Assign a ticket to an agent, to yourself, or to nobody (support team)'
            cand edit 'Move a ticket to another category or change its priority (support team)'
            cand close 'Close a ticket once it is solved (agents may add a last answer)'
            cand reopen 'Reopen a closed ticket'
            cand download 'Save a ticket''s attachments into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo;ticket;open'= {
            cand -c 'Category: its slug or its name in Spanish or English (see `ecolo category list`)'
            cand --category 'Category: its slug or its name in Spanish or English (see `ecolo category list`)'
            cand -s 'One-line summary of the problem'
            cand --subject 'One-line summary of the problem'
            cand -m 'The message text (`-` reads it from standard input)'
            cand --message 'The message text (`-` reads it from standard input)'
            cand -F 'Read the message from FILE (`-` for standard input)'
            cand --message-file 'Read the message from FILE (`-` for standard input)'
            cand -p 'Priority [default: medium]'
            cand --priority 'Priority [default: medium]'
            cand -a 'Attach a file (repeat for several)'
            cand --attach 'Attach a file (repeat for several)'
            cand --idempotency-key 'Key that makes retrying this command safe: the same key never opens a second ticket [default: a new UUID per run]'
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand -y 'Do not ask for confirmation of the summary'
            cand --yes 'Do not ask for confirmation of the summary'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;ticket;list'= {
            cand --status 'Which tickets: open, answered, customer-reply, closed, waiting (open or customer-reply), active (all but closed) or all [default: the desk''s, see below]'
            cand -c 'Only this category (slug or name)'
            cand --category 'Only this category (slug or name)'
            cand --search 'Only tickets whose subject or messages contain every word of TEXT (for the support team, notes too), newest first'
            cand --assignee 'Support team: only tickets assigned to EMAIL, to you (`@me`) or to nobody (`none`)'
            cand --account 'Support team: only the tickets of the account owned by EMAIL'
            cand -L 'At most N tickets'
            cand --limit 'At most N tickets'
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;ticket;view'= {
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;ticket;reply'= {
            cand -m 'The message text (`-` reads it from standard input)'
            cand --message 'The message text (`-` reads it from standard input)'
            cand -F 'Read the message from FILE (`-` for standard input)'
            cand --message-file 'Read the message from FILE (`-` for standard input)'
            cand -a 'Attach a file (repeat for several)'
            cand --attach 'Attach a file (repeat for several)'
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;ticket;note'= {
            cand -m 'The message text (`-` reads it from standard input)'
            cand --message 'The message text (`-` reads it from standard input)'
            cand -F 'Read the message from FILE (`-` for standard input)'
            cand --message-file 'Read the message from FILE (`-` for standard input)'
            cand -a 'Attach a file (repeat for several)'
            cand --attach 'Attach a file (repeat for several)'
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;ticket;assign'= {
            cand --to 'An agent''s e-mail, `@me` (yourself) or `none` (unassign)'
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;ticket;edit'= {
            cand -c 'Move the ticket to this category: its slug or name (see `ecolo category list`)'
            cand --category 'Move the ticket to this category: its slug or name (see `ecolo category list`)'
            cand -p 'Set the priority'
            cand --priority 'Set the priority'
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;ticket;close'= {
            cand -m 'A last answer sent with the closing (support team; `-` reads standard input)'
            cand --message 'A last answer sent with the closing (support team; `-` reads standard input)'
            cand -F 'Read the last answer from FILE (`-` for standard input)'
            cand --message-file 'Read the last answer from FILE (`-` for standard input)'
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;ticket;reopen'= {
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;ticket;download'= {
            cand --to 'Directory to save into (created if missing)'
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --force 'Overwrite files that already exist'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;ticket;help'= {
            cand open 'Open a ticket (prompts for what is missing on a terminal)'
            cand list 'List tickets (the desk picks the default: a customer''s active ones, an agent''s queue)'
            cand view 'Show a ticket''s whole conversation'
            cand reply 'Add a message to a ticket (from an agent: the support team''s answer)'
            cand note 'Add an internal note, never shown to the customer (support team)'
            cand assign 'Assign a ticket to an agent, to yourself, or to nobody (support team)'
            cand edit 'Move a ticket to another category or change its priority (support team)'
            cand close 'Close a ticket once it is solved (agents may add a last answer)'
            cand reopen 'Reopen a closed ticket'
            cand download 'Save a ticket''s attachments into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo;ticket;help;open'= {
        }
        &'ecolo;ticket;help;list'= {
        }
        &'ecolo;ticket;help;view'= {
        }
        &'ecolo;ticket;help;reply'= {
        }
        &'ecolo;ticket;help;note'= {
        }
        &'ecolo;ticket;help;assign'= {
        }
        &'ecolo;ticket;help;edit'= {
        }
        &'ecolo;ticket;help;close'= {
        }
        &'ecolo;ticket;help;reopen'= {
        }
        &'ecolo;ticket;help;download'= {
        }
        &'ecolo;ticket;help;help'= {
        }
        &'ecolo;contact'= {
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Allow someone to open tickets in some categories'
            cand list 'List contacts, their categories and the addresses they may write to'
            cand edit 'Change a contact''s name or categories'
            cand remove 'Remove a contact (their tokens stop working; their tickets stay)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo;contact;add'= {
            cand --email 'The contact''s e-mail address (they may write to the desk from it)'
            cand --name 'The contact''s name'
            cand -c 'A category the contact may use (repeat for several)'
            cand --category 'A category the contact may use (repeat for several)'
            cand --language 'The language of the desk''s mail to the contact [default: the account''s]'
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;contact;list'= {
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;contact;edit'= {
            cand --name 'New name'
            cand --add-category 'Allow another category (repeat for several)'
            cand --remove-category 'Take a category away (repeat for several)'
            cand --language 'The language of the desk''s mail to the contact'
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;contact;remove'= {
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand -y 'Remove without asking'
            cand --yes 'Remove without asking'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;contact;help'= {
            cand add 'Allow someone to open tickets in some categories'
            cand list 'List contacts, their categories and the addresses they may write to'
            cand edit 'Change a contact''s name or categories'
            cand remove 'Remove a contact (their tokens stop working; their tickets stay)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo;contact;help;add'= {
        }
        &'ecolo;contact;help;list'= {
        }
        &'ecolo;contact;help;edit'= {
        }
        &'ecolo;contact;help;remove'= {
        }
        &'ecolo;contact;help;help'= {
        }
        &'ecolo;token'= {
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create a token; prints only the token (shown this once)'
            cand list 'List tokens: name, scope, created, last used, expires (never the secret)'
            cand revoke 'Revoke a token at once'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo;token;create'= {
            cand --name 'A name to recognize (and revoke) the token by'
            cand --contact 'Act as this contact (their categories at most)'
            cand -c 'Limit the token to a category (repeat for several)'
            cand --category 'Limit the token to a category (repeat for several)'
            cand --expires 'Lifetime: Nd (days), Nw (weeks), Ny (years), at most 10y; or `never` [default: never]'
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;token;list'= {
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;token;revoke'= {
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand -y 'Revoke without asking'
            cand --yes 'Revoke without asking'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'ecolo;token;help'= {
            cand create 'Create a token; prints only the token (shown this once)'
            cand list 'List tokens: name, scope, created, last used, expires (never the secret)'
            cand revoke 'Revoke a token at once'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo;token;help;create'= {
        }
        &'ecolo;token;help;list'= {
        }
        &'ecolo;token;help;revoke'= {
        }
        &'ecolo;token;help;help'= {
        }
        &'ecolo;config'= {
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help'
            cand --help 'Print help'
            cand set 'Change a setting, e.g. `ecolo config set language es`'
            cand get 'Print a setting''s value (nothing when it is not set)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo;config;set'= {
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ecolo;config;get'= {
            cand --profile 'Use the credentials and desk URL stored under NAME'
            cand --url 'Desk URL, e.g. https://desk.example.com'
            cand --json 'Print results as JSON (stable fields, documented in the README)'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand -v 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand --verbose 'Print each request (method, URL, status, time) to stderr; never secrets'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'ecolo;config;help'= {
            cand set 'Change a setting, e.g. `ecolo config set language es`'
            cand get 'Print a setting''s value (nothing when it is not set)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo;config;help;set'= {
        }
        &'ecolo;config;help;get'= {
        }
        &'ecolo;config;help;help'= {
        }
        &'ecolo;help'= {
            cand login 'Log in to the desk and store the credentials for this profile'
            cand logout 'Forget the stored credentials (a password login''s session is revoked on the desk too)'
            cand whoami 'Show who the credentials act as, their categories and the desk URL'
            cand category 'Ticket categories (departments) and what belongs in each'
            cand ticket 'Open, list, view, answer, close and reopen tickets; the support team''s queue, notes, assignments and moves'
            cand contact 'People allowed to open tickets in some categories (owner only)'
            cand token 'Personal access tokens for scripts and CI (the owner''s; an agent''s own)'
            cand config 'Settings of ecolo on this computer (the language)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ecolo;help;login'= {
        }
        &'ecolo;help;logout'= {
        }
        &'ecolo;help;whoami'= {
        }
        &'ecolo;help;category'= {
            cand list 'List the categories: slug, name, intake address, what belongs there'
        }
        &'ecolo;help;category;list'= {
        }
        &'ecolo;help;ticket'= {
            cand open 'Open a ticket (prompts for what is missing on a terminal)'
            cand list 'List tickets (the desk picks the default: a customer''s active ones, an agent''s queue)'
            cand view 'Show a ticket''s whole conversation'
            cand reply 'Add a message to a ticket (from an agent: the support team''s answer)'
            cand note 'Add an internal note, never shown to the customer (support team)'
            cand assign 'Assign a ticket to an agent, to yourself, or to nobody (support team)'
            cand edit 'Move a ticket to another category or change its priority (support team)'
            cand close 'Close a ticket once it is solved (agents may add a last answer)'
            cand reopen 'Reopen a closed ticket'
            cand download 'Save a ticket''s attachments into a directory'
        }
        &'ecolo;help;ticket;open'= {
        }
        &'ecolo;help;ticket;list'= {
        }
        &'ecolo;help;ticket;view'= {
        }
        &'ecolo;help;ticket;reply'= {
        }
        &'ecolo;help;ticket;note'= {
        }
        &'ecolo;help;ticket;assign'= {
        }
        &'ecolo;help;ticket;edit'= {
        }
        &'ecolo;help;ticket;close'= {
        }
        &'ecolo;help;ticket;reopen'= {
        }
        &'ecolo;help;ticket;download'= {
        }
        &'ecolo;help;contact'= {
            cand add 'Allow someone to open tickets in some categories'
            cand list 'List contacts, their categories and the addresses they may write to'
            cand edit 'Change a contact''s name or categories'
            cand remove 'Remove a contact (their tokens stop working; their tickets stay)'
        }
        &'ecolo;help;contact;add'= {
        }
        &'ecolo;help;contact;list'= {
        }
        &'ecolo;help;contact;edit'= {
        }
        &'ecolo;help;contact;remove'= {
        }
        &'ecolo;help;token'= {
            cand create 'Create a token; prints only the token (shown this once)'
            cand list 'List tokens: name, scope, created, last used, expires (never the secret)'
            cand revoke 'Revoke a token at once'
        }
        &'ecolo;help;token;create'= {
        }
        &'ecolo;help;token;list'= {
        }
        &'ecolo;help;token;revoke'= {
        }
        &'ecolo;help;config'= {
            cand set 'Change a setting, e.g. `ecolo config set language es`'
            cand get 'Print a setting''s value (nothing when it is not set)'
        }
        &'ecolo;help;config;set'= {
        }
        &'ecolo;help;config;get'= {
        }
        &'ecolo;help;help'= {
        }
    ]
    $completions[$command]
}
