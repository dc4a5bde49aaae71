# The desk's mail in English. A known person (owner, contact, agent) is
# written to in their language only; a stranger in both (Spanish first).
# Every message has a twin with the same placeholders in mail-es.ftl (a
# test checks it).

mail-opened =
    Hello { $name },

    We received your ticket #{ $number } in { $category }.
    Subject: { $subject }

    To add information, reply to this e-mail keeping { $tag } in the subject,
    or run: ecolo ticket reply { $number }
mail-answered = { $author } (support) answered your ticket #{ $number }:
mail-answered-files = Attached files (ecolo ticket download { $number }):
mail-answer-footer = Reply to this e-mail to answer (keep { $tag } in the subject).
mail-closed-by = was closed by { $name }
mail-closed-auto = was closed by the desk after { $n } { $unit ->
        [day] day
        [days] days
        [hour] hour
        [hours] hours
       *[seconds] seconds
    } without a reply
mail-closed =
    Your ticket #{ $number } ({ $subject }) { $why }.
    If the matter is not solved, reopen it with: ecolo ticket reopen { $number }
    or reply to this e-mail keeping { $tag } in the subject.
mail-agent-new = New ticket #{ $number } in { $category }
mail-agent-reply = Customer reply on ticket #{ $number } ({ $category })
mail-agent-head =
    { $what }
    Account: { $account }
    From: { $author }
    Subject: { $subject }
mail-agent-footer =
    Reply to this e-mail to answer the customer (keep { $tag } in the subject).
    Start your reply with a line `#note` to write an internal note instead.
    Or: ecolo ticket view { $number }
mail-held =
    We received a mail in your name that we could not verify, so it was not filed yet.
    If you sent it, reply to this message (keep the reply address) and it will be filed as it arrived. If not, ignore this notice: it is deleted in { $days } days.
mail-held-subject-line = Subject: { $subject }
mail-held-subject = Confirm your message: { $subject }
mail-automatic = This is an automatic message.
mail-not-recorded = Message not recorded
mail-refused-sender =
    Your address does not belong to an account owner or to an authorized contact of this category, so no ticket was opened.
    Write from the registered address to the address of a category you may use (ecolo category list), or ask the account owner for access.
mail-refused-several =
    Your address is an authorized contact of several accounts in the category { $category }, so we cannot tell which one this is for and no ticket was opened.
    Open it with `ecolo ticket open` using a token of the right account (ask its owner for one).
mail-refused-no-intake =
    This e-mail was not sent to a category's address, so no ticket was opened.
    Write to the address of the right category:
mail-refused-not-found =
    We found no ticket #{ $number } for your address, so your message was not added.
    To open a new ticket, write without { $tag } in the subject.
mail-refused-closed =
    Ticket #{ $number } is closed, so your message was not added.
    Reopen it with `ecolo ticket reopen { $number }` and reply again, or open a new ticket by writing without { $tag } in the subject.
mail-refused-rejected = We could not record your message: { $detail }
mail-rejected-attachments = it has { $n } attachments and the limit is { $max } per message: send them in several e-mails.
mail-rejected-file = the file { $file } is { $size } bytes and the limit is { $max } bytes.
