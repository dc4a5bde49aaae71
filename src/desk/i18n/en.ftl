# The desk's problem details in English. Every message has a twin with the
# same placeholders in es.ftl (a test checks it). Problem `title`s and field
# names are never translated: clients match on them.

problem-invalid-fields = the request has invalid fields; see `errors`
problem-internal = internal error; the desk's log has the details
problem-rate-limited = too many failed attempts: try again in { $secs } seconds
problem-storage-busy = the desk's storage is busy (the database is locked by another writer); nothing was changed: try again in { $secs } seconds
problem-storage-full = the desk's storage is full (no space left on its disk); nothing was stored: try again once the desk's operator has freed space
problem-no-route = no such route: see /v1/openapi.json
problem-wrong-method = this route does not take that method: see /v1/openapi.json
problem-no-credentials = no credentials: run `ecolo login` (or set ECOLO_TOKEN) and send `Authorization: Bearer <token>`
problem-auth-not-text = the Authorization header is not text: run `ecolo login`
problem-auth-not-bearer = use `Authorization: Bearer <token>`: run `ecolo login`
problem-too-large = the request body is larger than this desk accepts

# The store's refusals (`msg!` in src/desk/store/**, src/desk/auth.rs).
problem-no-ticket = no ticket { $number } in this account: `ecolo ticket list --status all` shows them
problem-no-ticket-in-categories = no ticket { $number } in your categories: `ecolo ticket list --status all` shows them
problem-no-such-ticket = no ticket { $number }
problem-ticket-closed = ticket { $number } is closed: reopen it with `ecolo ticket reopen { $number }` or open a new ticket
problem-ticket-closed-reopen = ticket { $number } is closed: reopen it first
problem-bad-cursor = the `cursor` is not one this desk gave out: start again without it
problem-queue-filters = `assignee` and `account` filter the support team's queue: customers see their own account's tickets
problem-not-your-category = { $category } is not one of your categories: { $why }
problem-may-not-move = you may not move a ticket to { $category }: { $why }
problem-no-category = these credentials may not use any category
problem-only-categories = these credentials may only use: { $list }
problem-agent-no-category = these credentials work no category
problem-agent-only-categories = these credentials work only: { $list }
problem-agent-every-category = these credentials work every category
problem-owner-only = only the account owner's login or an unlimited owner token may manage contacts and tokens
problem-customers-only = { $what } is for customers: support agents cannot do it
problem-staff-only = { $what } is for the support team: customer credentials cannot do it
action-opening-a-ticket = opening a ticket
action-managing-contacts = managing contacts
action-writing-a-note = writing an internal note
action-assigning = assigning tickets
action-changing-a-ticket = changing a ticket's category or priority
action-closing-with-an-answer = closing with a last answer
problem-account-disabled = the account { $email } is disabled: ask the support team to enable it
problem-account-exists = an account for { $email } already exists
problem-no-account = no account { $email }: `ecolo-desk account list` shows them
problem-no-account-id = account { $id } not found
problem-second-role = { $email } is already { $role }: an address is either a support agent or a customer, never both; use another address for the { $wanted ->
        [account] account
        [agent] agent
       *[contact] contact
    }
role-agent = a support agent
role-owner = the owner of a customer account
role-contact = a contact of the account of { $owner }
problem-no-agent = no agent { $email }: `ecolo-desk staff list` shows them
problem-agent-exists = { $email } is already a support agent
problem-no-contact = no contact { $email } in this account: `ecolo contact list` shows them
problem-contact-exists = { $email } is already a contact: change it with `ecolo contact edit`
problem-uploads-pending = { $n } uploads are waiting to be attached to a ticket or reply: attach them before uploading more
problem-no-attachment = no attachment { $id }
problem-attachment-too-large = the attachment is larger than this desk's limit of { $limit } bytes
problem-not-a-token = that is not an ecolo token: run `ecolo login` (or use a valid token in ECOLO_TOKEN)
problem-token-unknown = the token is unknown or was revoked: run `ecolo login` (or use a valid token in ECOLO_TOKEN)
problem-token-expired = the token expired at { $at }: run `ecolo login` (or use a valid token in ECOLO_TOKEN)
problem-no-token = no token named `{ $name }`: `ecolo token list` shows them
problem-agent-tokens = only the agent's login or an unlimited token may manage tokens
problem-token-too-wide = { $category } is outside your categories ({ $list }): a token is at most as wide as you
problem-token-exists = a token named `{ $name }` already exists: pick another name or revoke it first
field-password-short = must be at least { $min } characters: a few words make a good one
field-agent-needs-category = an agent needs at least one category: remove the agent instead
field-contact-needs-category = a contact needs at least one category: remove the contact instead
field-contact-is-owner = is the account owner's own address: the owner needs no contact entry
field-filename = must be a file name such as report.pdf (given as ?filename=)
field-subject-empty = must not be empty: say in a few words what the ticket is about
field-too-many-chars = is { $n } characters long; the limit is { $max }
field-one-line = must be a single line without control characters
field-message-empty = must not be empty: describe the request in detail
field-message-too-long = is { $n } bytes long; the limit is { $max } bytes: attach long text as a file instead
field-unknown-category = unknown category `{ $category }`: use one of { $list }
field-no-category = must name at least one category: { $list }
field-unknown-categories = unknown { $n ->
        [one] category
       *[other] categories
    } `{ $categories }`: use { $list }
field-not-an-email = `{ $value }` is not an e-mail address: use the form name@example.com
field-empty = must not be empty
field-name-too-long = is longer than { $max } characters
field-attachments-too-many = { $n } files given; at most { $max } per message
field-attachment-twice = attachment { $id } is listed twice
field-limit-range = must be between 1 and { $max }
field-assignee = { $reason }, or use @me or none
field-search-too-long = is { $n } characters long; the limit is { $max }: search for fewer words
field-idempotency-key = must be 1 to 255 visible ASCII characters, such as a UUID
field-token-days = must be between 1 and { $max } days, or absent for no expiry
