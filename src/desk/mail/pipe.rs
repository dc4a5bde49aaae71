//! `ecolo-desk pipe`: one e-mail on stdin, as an MTA's pipe transport
//! delivers it, becomes a ticket, a reply, a polite bilingual refusal, or
//! (automatic mail) nothing at all. An agent's mail to a ticket is a staff
//! answer, or an internal note when its first line starts `#note`
//! ([`agent_reply`]). Nobody's From is taken on its word, an agent's least
//! of all: mail is filed only when it went to the address signed for its
//! sender, or authenticates (DKIM/SPF/DMARC/ARC), or its registered sender
//! confirmed it; anything else is held or dropped, never answered.
//!
//! The exit status is what the MTA acts on (sysexits): 0 when the mail was
//! handled, stored or deliberately refused; 65 when it cannot be read (the
//! MTA bounces it); 75 when the desk could not store it right now (the
//! database is busy, the disk is full): the MTA keeps it and retries, so
//! nothing is lost. A retry is safe: the Message-ID is stored with the
//! message and a redelivery is recognised. A bug that panics exits 75 too,
//! never Rust's 101, which the MTA would take as a permanent failure and
//! bounce the mail.

use std::io::{Cursor, Read};
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::api::{Channel, NewMessage, NewNote, NewTicket, Priority, TicketStatus, CATEGORY_SLUGS};
use crate::desk::auth::{Actor, AgentPrincipal, Principal};
use crate::desk::config::{self, Limits, StoreConfig};
use crate::desk::error::Error;
use crate::desk::store::{Confirmation, FromMail, Store};

use super::authenticate::{self, How, Source};
use super::confirm::{self, HOLD_DAYS};
use super::inbound::{self, Automated, Inbound, ParseError};
use super::outbound::{self, Reader, Refusal};
use super::reply_address::{self, Target};
use super::{category_for_address, category_for_local_part, notify};
use crate::desk::i18n::tr_in;
use crate::i18n::Lang;

/// sysexits.h
const EX_OK: u8 = 0;
const EX_DATAERR: u8 = 65;
const EX_TEMPFAIL: u8 = 75;

/// Placeholders for mail that says nothing in a field the desk requires.
const NO_SUBJECT: &str = "(sin asunto / no subject)";
const NO_TEXT: &str = "(sin texto, ver adjuntos / no text, see attachments)";

#[derive(Debug, Clone, Args)]
pub struct PipeArgs {
    /// The envelope recipient, as the MTA knows it (Postfix: ${recipient});
    /// without it the category comes from Delivered-To / X-Original-To /
    /// To / Cc
    #[arg(long, value_name = "ADDR")]
    pub recipient: Option<String>,
    /// The envelope sender (Postfix: ${sender}); empty, `<>` or
    /// MAILER-DAEMON (Postfix's expansion of the null sender) for bounces
    #[arg(long, value_name = "ADDR")]
    pub sender: Option<String>,
    /// Domain of the intake addresses (`<category>@DOMAIN`): the same as
    /// `serve --mail-domain`
    #[arg(long, value_name = "DOMAIN", env = "ECOLO_DESK_MAIL_DOMAIN", default_value = config::DEFAULT_MAIL_DOMAIN)]
    pub mail_domain: String,
    /// Largest attachment accepted, in bytes (as `serve`)
    #[arg(long, value_name = "N", default_value_t = config::DEFAULT_MAX_ATTACHMENT_BYTES)]
    pub max_attachment_bytes: u64,
    /// Most attachments on one message (as `serve`)
    #[arg(long, value_name = "N", default_value_t = config::DEFAULT_MAX_ATTACHMENTS)]
    pub max_attachments: u32,
    /// Longest ticket subject, in characters (as `serve`; longer ones are cut)
    #[arg(long, value_name = "N", default_value_t = config::DEFAULT_MAX_SUBJECT_CHARS)]
    pub max_subject_chars: u32,
    /// Longest message, in bytes (as `serve`)
    #[arg(long, value_name = "N", default_value_t = config::DEFAULT_MAX_MESSAGE_BYTES)]
    pub max_message_bytes: u64,
    /// The SMTP client's address (Postfix: ${client_address}): SPF is
    /// checked against it; without it only DKIM, DMARC and ARC are
    #[arg(long, value_name = "ADDR")]
    pub client_ip: Option<IpAddr>,
    /// The name the client gave in HELO/EHLO (Postfix: ${client_helo})
    #[arg(long, value_name = "NAME")]
    pub helo: Option<String>,
    /// DNS server for the DKIM, SPF and DMARC lookups, as HOST:PORT;
    /// without it the system resolver (/etc/resolv.conf)
    #[arg(long, value_name = "HOST:PORT", value_parser = parse_dns)]
    pub dns: Option<SocketAddr>,
    /// Do not verify: trust the receiving server's verdict, the topmost
    /// Authentication-Results header with this authserv-id (every other
    /// one is ignored: senders can write them too)
    #[arg(long, value_name = "AUTHSERV-ID", conflicts_with_all = ["client_ip", "helo", "dns", "trusted_arc_sealer"])]
    pub trust_auth_results: Option<String>,
    /// A forwarder or mailing list whose ARC seal is trusted (its
    /// ARC-Seal d= domain) for mail it changed; repeatable
    #[arg(long = "trusted-arc-sealer", value_name = "DOMAIN")]
    pub trusted_arc_sealer: Vec<String>,
    /// Most automatic answers (refusals, confirmation requests) the desk
    /// sends per hour, to everyone together; each address gets at most 5
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_AUTO_REPLIES_TOTAL)]
    pub max_auto_replies_per_hour: i64,
}

/// The global hourly cap on automatic answers, by default.
const DEFAULT_MAX_AUTO_REPLIES_TOTAL: i64 = 100;

fn parse_dns(value: &str) -> Result<SocketAddr, String> {
    value
        .to_socket_addrs()
        .ok()
        .and_then(|mut addrs| addrs.next())
        .ok_or_else(|| {
            format!("`{value}` is not a DNS server address: give HOST:PORT, e.g. 127.0.0.1:53")
        })
}

impl PipeArgs {
    /// Where the sender verdict comes from.
    fn source(&self) -> Source {
        match &self.trust_auth_results {
            Some(id) => Source::TrustAuthResults(id.clone()),
            None => Source::Verify {
                client_ip: self.client_ip,
                helo: self.helo.clone(),
                sender: self.sender.clone(),
                dns: self.dns,
                trusted_arc_sealers: self.trusted_arc_sealer.clone(),
            },
        }
    }
}

/// What became of one mail.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Opened {
        number: u32,
        category: String,
    },
    Replied {
        number: u32,
    },
    /// An agent's answer (or, with `#note`, internal note) by mail.
    Answered {
        number: u32,
        note: bool,
    },
    /// Seen before (same Message-ID): nothing stored twice.
    Duplicate {
        number: u32,
    },
    /// No ticket; the sender gets an auto-reply saying why (unless the
    /// sender is the desk itself).
    Refused(Refusal),
    /// Automatic mail: no ticket, no reply.
    Ignored(Automated),
    /// Unauthenticated mail from a registered address: kept until that
    /// address confirms it (`noted`: the request was queued).
    Held {
        id: i64,
        noted: bool,
    },
    /// Not filed and not answered (unauthenticated, DMARC reject, expired
    /// confirmation): the log says why; the desk never sends backscatter.
    Dropped(String),
}

/// Why a mail could not be handled.
#[derive(Debug, thiserror::Error)]
enum PipeError {
    #[error("unreadable message: {0}")]
    Data(#[from] ParseError),
    #[error("temporary failure, the mail server should retry: {0}")]
    Temporary(#[from] Error),
    /// A wrong `--db` would otherwise create an empty desk that refuses
    /// everyone and whose replies no `serve` ever sends.
    #[error(
        "no desk database at {0}: the mail server keeps the message and retries; \
         give `pipe` the same --db (or ECOLO_DESK_DB) as `ecolo-desk serve`"
    )]
    NoDatabase(PathBuf),
}

impl PipeError {
    fn exit_code(&self) -> u8 {
        match self {
            PipeError::Data(_) => EX_DATAERR,
            PipeError::Temporary(_) | PipeError::NoDatabase(_) => EX_TEMPFAIL,
        }
    }
}

/// Entry point of `ecolo-desk pipe`.
pub fn main(db: PathBuf, args: PipeArgs) -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "ecolo-desk pipe: {}",
            panic_line(info.payload(), info.location())
        );
    }));
    tempfail_on_panic(|| handle(db, args))
}

/// Runs `f`; a panic becomes EX_TEMPFAIL (the hook has said why).
fn tempfail_on_panic(f: impl FnOnce() -> ExitCode) -> ExitCode {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or(ExitCode::from(EX_TEMPFAIL))
}

/// A panic as one line of the MTA's log.
fn panic_line(payload: &dyn std::any::Any, location: Option<&std::panic::Location<'_>>) -> String {
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("unknown panic");
    let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let at = location.map_or(String::new(), |l| format!(" at {}:{}", l.file(), l.line()));
    format!(
        "internal error{at}: {message}; the mail server keeps the message and retries \
         (a bug: please report it)"
    )
}

fn handle(db: PathBuf, args: PipeArgs) -> ExitCode {
    let mut raw = Vec::new();
    if let Err(e) = std::io::stdin().lock().read_to_end(&mut raw) {
        eprintln!("ecolo-desk pipe: cannot read the message from stdin: {e}");
        return ExitCode::from(EX_TEMPFAIL);
    }
    let mut config = StoreConfig::new(&db);
    config.mail_domain = args.mail_domain.clone();
    config.limits = Limits {
        max_attachment_bytes: args.max_attachment_bytes,
        max_attachments_per_message: args.max_attachments,
        max_subject_chars: args.max_subject_chars,
        max_message_bytes: args.max_message_bytes,
    };
    // Unreadable input is refused before the database is even opened.
    let result = inbound::parse(&raw, args.sender.as_deref(), &args.mail_domain)
        .map_err(PipeError::from)
        .and_then(|mail| {
            if !db.exists() {
                return Err(PipeError::NoDatabase(db.clone()));
            }
            let store = Store::open(config)?;
            let outcome = handle_parsed(&store, mail, inbound::strip_mbox_from_line(&raw), &args)?;
            // Stored and committed: its mail (and any a failure left, even
            // for a redelivered duplicate) is rendered now, or by serve's
            // catch-up if this fails: nothing is lost either way.
            if let Err(e) = notify::render_pending(&store) {
                eprintln!("ecolo-desk pipe: mail left for the outbox worker: {e}");
            }
            Ok(outcome)
        });
    match result {
        Ok(outcome) => {
            eprintln!("ecolo-desk pipe: {}", describe(&outcome));
            ExitCode::from(EX_OK)
        }
        Err(e) => {
            eprintln!("ecolo-desk pipe: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn describe(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Opened { number, category } => format!("opened ticket {number} in {category}"),
        Outcome::Replied { number } => format!("added the reply to ticket {number}"),
        Outcome::Answered {
            number,
            note: false,
        } => {
            format!("added the agent's answer to ticket {number}")
        }
        Outcome::Answered { number, note: true } => {
            format!("added the agent's internal note to ticket {number}")
        }
        Outcome::Duplicate { number } => {
            format!("already stored (same Message-ID) in ticket {number}; nothing to do")
        }
        Outcome::Refused(r) => format!("refused: {}", r.summary()),
        Outcome::Ignored(why) => format!("automatic mail ({why}): ignored, no reply"),
        Outcome::Held { id, noted: true } => format!(
            "held as mail {id}: unauthenticated, from a registered address; \
             asked that address to confirm it"
        ),
        Outcome::Held { id, noted: false } => format!(
            "held as mail {id}: unauthenticated, from a registered address; \
             no confirmation request (already asked, or over the hourly cap)"
        ),
        Outcome::Dropped(why) => format!("not filed, no reply: {why}"),
    }
}

/// Handles one parsed message against `store`; `raw` is the message as
/// received, for the signature checks.
fn handle_parsed(
    store: &Store,
    mail: Inbound,
    raw: &[u8],
    args: &PipeArgs,
) -> Result<Outcome, PipeError> {
    let domain = store.config().mail_domain.clone();
    if let Some(why) = mail.automated.clone() {
        return Ok(Outcome::Ignored(why));
    }
    let from = mail.from.clone().ok_or(ParseError::NoFrom)?;
    // Mail from the addresses the desk sends from is never answered: no
    // loops. Only those: the owner's own address may share the domain.
    if category_for_address(&from.email, &domain).is_some()
        || from.email == support_address(&domain)
    {
        return Ok(Outcome::Ignored(Automated::Loop));
    }

    // The ticket and its confirmation were committed together: a
    // redelivery has nothing left to do.
    if let Some(number) = store.ticket_of_email(&mail.message_id)? {
        return Ok(Outcome::Duplicate { number });
    }
    let expired = store.expire_held_mail(chrono::Duration::days(HOLD_DAYS))?;
    if expired > 0 {
        eprintln!("ecolo-desk pipe: {expired} held mail(s) expired unconfirmed: deleted");
    }
    let intake_category = recipient_category(&mail, args.recipient.as_deref(), &domain);

    // Sent to an address the desk signed for this very sender: only they
    // could know it.
    let secret = store.reply_address_secret()?;
    let signed = args
        .recipient
        .iter()
        .chain(&mail.recipients)
        .find_map(|a| reply_address::check(&secret, a, &from.email));
    match signed {
        Some(Target::Held(id)) => return release_held(store, id, &from.email, args),
        Some(Target::Ticket(number)) => {
            return file(
                store,
                &mail,
                intake_category,
                Some(number),
                How::ReplyAddress,
                args,
            )
        }
        None => {}
    }

    let from_domain = from.email.rsplit_once('@').map_or("", |(_, d)| d);
    let verdict = authenticate::verify(raw, from_domain, &args.source())
        .map_err(|e| PipeError::Temporary(Error::Internal(e.to_string())))?;
    eprintln!(
        "ecolo-desk pipe: sender {}: {}",
        from.email, verdict.summary
    );
    if verdict.reject {
        return Ok(Outcome::Dropped(format!(
            "{} fails DMARC and its domain asks to reject such mail (p=reject)",
            from.email
        )));
    }
    if let Some(how) = verdict.passed {
        return file(store, &mail, intake_category, None, how, args);
    }
    if mail.via_list {
        // Holding it would mean asking the author to confirm a post to a
        // list, an automatic answer to list mail (RFC 3834).
        return Ok(Outcome::Dropped(format!(
            "mailing-list mail from {} that is not authenticated (trust the list's \
             ARC seal with --trusted-arc-sealer to file its posts)",
            from.email
        )));
    }
    if store.find_agent(&from.email)?.is_some() {
        return Ok(Outcome::Dropped(format!(
            "{} is an agent's address, but the mail is not authenticated nor sent to \
             the agent's signed reply address",
            from.email
        )));
    }
    if store.find_sender(&from.email)?.is_empty() {
        return Ok(Outcome::Dropped(format!(
            "{} is not authenticated and not a registered address",
            from.email
        )));
    }
    hold(store, &mail, raw, intake_category, &secret, args)
}

/// Keeps unauthenticated mail from a registered address and asks that
/// address (From, never the envelope sender) to confirm it.
fn hold(
    store: &Store,
    mail: &Inbound,
    raw: &[u8],
    category: Option<&'static str>,
    secret: &[u8],
    args: &PipeArgs,
) -> Result<Outcome, PipeError> {
    let from = mail.from.as_ref().ok_or(ParseError::NoFrom)?;
    let (id, new) = store.hold_mail(&from.email, category, &mail.message_id, raw)?;
    if !new || mail.no_auto_reply || too_many_auto_replies(store, &from.email, args)? {
        return Ok(Outcome::Held { id, noted: false });
    }
    let reader = store
        .sender_language(&from.email)?
        .map_or(Reader::Stranger, Reader::of);
    let note = confirm::note(
        &confirm::Held {
            id,
            to: &from.email,
            subject: &mail.subject,
            category,
            reader,
        },
        secret,
        &store.config().mail_domain,
    );
    notify::enqueue(store, &note)?;
    Ok(Outcome::Held { id, noted: true })
}

/// Files held mail `id` as it arrived, now that `from` confirmed it.
fn release_held(store: &Store, id: i64, from: &str, args: &PipeArgs) -> Result<Outcome, PipeError> {
    let Some(held) = store.take_held_mail(id, from)? else {
        return Ok(Outcome::Dropped(format!(
            "confirmation of held mail {id}, which expired or was filed already"
        )));
    };
    let domain = store.config().mail_domain.clone();
    let mail = inbound::parse(&held.raw, None, &domain)?;
    let category = held
        .category
        .as_deref()
        .and_then(|c| CATEGORY_SLUGS.iter().copied().find(|s| *s == c))
        .or_else(|| recipient_category(&mail, None, &domain));
    if let Some(number) = store.ticket_of_email(&mail.message_id)? {
        return Ok(Outcome::Duplicate { number });
    }
    file(store, &mail, category, None, How::Confirmation, args)
}

/// Files a mail whose sender is known to be who From says (`how`): opens a
/// ticket, adds the reply to ticket `number` (the signed address's), or the
/// one its tag or References name, or refuses it, answering only the
/// proven sender.
fn file(
    store: &Store,
    mail: &Inbound,
    intake_category: Option<&'static str>,
    number: Option<u32>,
    how: How,
    args: &PipeArgs,
) -> Result<Outcome, PipeError> {
    let domain = store.config().mail_domain.clone();
    let from = mail.from.clone().ok_or(ParseError::NoFrom)?;
    let principals = store.find_sender(&from.email)?;
    let number = number.or_else(|| mail.ticket_tag()).or_else(|| {
        mail.references
            .iter()
            .find_map(|id| outbound::ticket_from_reference(id, &domain))
    });

    // An agent's From counts only here, where the sender is proven (the
    // signed address, authentication or a confirmation): a subject tag
    // beside an agent's forged From files nothing.
    let agent = store.find_agent(&from.email)?;
    let result = match (number, agent) {
        (Some(number), Some(agent)) => agent_reply(store, mail, agent, number, how),
        (Some(number), None) => reply(store, mail, &principals, number, how),
        (None, _) => open(store, mail, &principals, intake_category, how),
    };
    match result {
        Ok(outcome) => Ok(outcome),
        Err(Step::Refuse(refusal)) => {
            let from_addr = match intake_category {
                Some(slug) => store.intake_address(slug),
                None => support_address(&domain),
            };
            // The proven From, not the envelope sender anyone can set.
            let to = from.email.clone();
            if mail.no_auto_reply || too_many_auto_replies(store, &to, args)? {
                return Ok(Outcome::Refused(refusal));
            }
            // The proven sender, if known, reads it in their language
            // (`Refusal::personal` keeps the rest in both).
            let reader = store
                .sender_language(&to)?
                .map_or(Reader::Stranger, Reader::of);
            let auto = outbound::refusal(
                &refusal,
                reader,
                &to,
                &mail.message_id,
                &mail.subject,
                &from_addr,
                &domain,
            );
            notify::enqueue(store, &auto)?;
            Ok(Outcome::Refused(refusal))
        }
        Err(Step::Fail(e)) => Err(e),
    }
}

/// Where auto-replies to mail sent to no intake address come from.
fn support_address(domain: &str) -> String {
    format!("support@{}", domain.to_ascii_lowercase())
}

/// A step either refuses the mail (auto-reply) or fails (retry).
enum Step {
    Refuse(Refusal),
    Fail(PipeError),
}

impl From<Error> for Step {
    fn from(e: Error) -> Step {
        Step::Fail(PipeError::Temporary(e))
    }
}

/// Auto-replies to one address per hour, at most: a robot that does not
/// say it is one gets a few answers, not a flood.
const MAX_AUTO_REPLIES_PER_HOUR: i64 = 5;

/// Whether another automatic answer to `to` would pass the per-address or
/// the global hourly cap (`--max-auto-replies-per-hour`).
fn too_many_auto_replies(store: &Store, to: &str, args: &PipeArgs) -> Result<bool, PipeError> {
    let n = store.recent_auto_replies(to, std::time::Duration::from_secs(3600))?;
    if n >= MAX_AUTO_REPLIES_PER_HOUR {
        eprintln!(
            "ecolo-desk pipe: {n} auto-replies to {to} in the last hour: not sending another"
        );
        return Ok(true);
    }
    let total = store.recent_auto_replies_total(chrono::Duration::hours(1))?;
    if total >= args.max_auto_replies_per_hour {
        eprintln!(
            "ecolo-desk pipe: {total} auto-replies in the last hour (the limit of \
             --max-auto-replies-per-hour): not sending another"
        );
        return Ok(true);
    }
    Ok(false)
}

/// The category the mail was sent to: the MTA's `--recipient` first, else
/// the first delivery/To/Cc address that is an intake address.
fn recipient_category(
    mail: &Inbound,
    recipient: Option<&str>,
    domain: &str,
) -> Option<&'static str> {
    if let Some(r) = recipient {
        return category_for_address(r, domain).or_else(|| category_for_local_part(r));
    }
    mail.recipients
        .iter()
        .find_map(|a| category_for_address(a, domain))
}

fn all_intake(store: &Store, slugs: impl IntoIterator<Item = String>) -> Vec<(String, String)> {
    slugs
        .into_iter()
        .map(|s| {
            let addr = store.intake_address(&s);
            (s, addr)
        })
        .collect()
}

fn open(
    store: &Store,
    mail: &Inbound,
    principals: &[Principal],
    category: Option<&'static str>,
    how: How,
) -> Result<Outcome, Step> {
    if principals.is_empty() {
        return Err(Step::Refuse(Refusal::UnknownSender));
    }
    let Some(category) = category else {
        return Err(Step::Refuse(Refusal::NoIntakeAddress {
            intake: all_intake(store, CATEGORY_SLUGS.iter().map(|s| s.to_string())),
        }));
    };
    let allowed: Vec<&Principal> = principals.iter().filter(|p| p.allows(category)).collect();
    // find_sender lists the sender's own account (as owner) first: that one
    // wins; a contact of several accounts is ambiguous.
    if let Some(first) = allowed.first().filter(|p| p.contact.is_some()) {
        if allowed.iter().any(|p| p.account_id != first.account_id) {
            return Err(Step::Refuse(Refusal::SeveralAccounts {
                category: category.to_string(),
            }));
        }
    }
    let Some(actor) = allowed.first().copied() else {
        let mut allowed: Vec<String> = Vec::new();
        for p in principals {
            for c in p.categories.iter().flatten() {
                if !allowed.contains(c) {
                    allowed.push(c.clone());
                }
            }
        }
        allowed.sort_by_key(|c| CATEGORY_SLUGS.iter().position(|s| s == c));
        return Err(Step::Refuse(Refusal::CategoryNotAllowed {
            category: category.to_string(),
            allowed: all_intake(store, allowed),
        }));
    };
    let limits = store.config().limits;
    let subject = fit_subject(&mail.clean_subject(), limits.max_subject_chars as usize);
    let actor = &Actor::Customer(actor.clone());
    let staged = save_attachments(store, actor, mail)?;
    let message = if mail.body.trim().is_empty() {
        NO_TEXT.to_string()
    } else {
        mail.body.clone()
    };
    let new = NewTicket {
        category: category.to_string(),
        subject,
        message,
        priority: Priority::default(),
        attachments: staged.ids.clone(),
    };
    let confirmation = if mail.no_auto_reply {
        Confirmation::Skip
    } else {
        Confirmation::Send
    };
    let opened = store
        .open_ticket(
            actor,
            &new,
            Channel::Email,
            Some(from_mail(mail, how)),
            confirmation,
        )
        .map_err(refusal_for)?;
    let number = opened.ticket.ticket.number;
    if opened.created {
        staged.keep();
        Ok(Outcome::Opened {
            number,
            category: category.to_string(),
        })
    } else {
        Ok(Outcome::Duplicate { number })
    }
}

fn reply(
    store: &Store,
    mail: &Inbound,
    principals: &[Principal],
    number: u32,
    how: How,
) -> Result<Outcome, Step> {
    let not_found = || Step::Refuse(Refusal::TicketNotFound(number));
    let (account_id, detail) = match store.staff_ticket_detail(number) {
        Ok(found) => found,
        Err(Error::NotFound(_)) => return Err(not_found()),
        Err(e) => return Err(e.into()),
    };
    let category = &detail.ticket.category;
    let actor = principals
        .iter()
        .find(|p| p.account_id == account_id && p.allows(category))
        .ok_or_else(not_found)?;
    if detail.ticket.status == TicketStatus::Closed {
        return Err(Step::Refuse(Refusal::TicketClosed(number)));
    }
    let actor = &Actor::Customer(actor.clone());
    let staged = save_attachments(store, actor, mail)?;
    let text = mail.reply_text();
    let message = if text.trim().is_empty() {
        NO_TEXT.to_string()
    } else {
        text
    };
    store
        .add_message(
            actor,
            number,
            &NewMessage {
                message,
                attachments: staged.ids.clone(),
            },
            Channel::Email,
            Some(from_mail(mail, how)),
        )
        .map_err(|e| match e {
            Error::Conflict(_) => Step::Refuse(Refusal::TicketClosed(number)),
            Error::NotFound(_) | Error::Forbidden(_) => not_found(),
            other => refusal_for(other),
        })?;
    staged.keep();
    Ok(Outcome::Replied { number })
}

/// An agent's mail to tagged ticket `number`: a staff answer, or an
/// internal note when the first line of the text starts with `#note` (that
/// line is dropped). Outside the agent's categories: the same refusal as an
/// unknown ticket. Reached only from [`file`], once the sender is proven
/// (the agent's signed reply address for the ticket, or authentication):
/// agents are never held, their unproven mail is dropped.
fn agent_reply(
    store: &Store,
    mail: &Inbound,
    agent: AgentPrincipal,
    number: u32,
    how: How,
) -> Result<Outcome, Step> {
    let actor = Actor::Agent(agent);
    let text = mail.reply_text();
    let trimmed = text.trim_start();
    let (note, text) = match trimmed.strip_prefix("#note") {
        Some(rest) => (
            true,
            rest.split_once('\n')
                .map(|(_, r)| r)
                .unwrap_or("")
                .to_string(),
        ),
        None => (false, text.clone()),
    };
    let staged = save_attachments(store, &actor, mail)?;
    let message = if text.trim().is_empty() {
        NO_TEXT.to_string()
    } else {
        text
    };
    let stored = if note {
        store.add_note(
            &actor,
            number,
            &NewNote {
                message,
                attachments: staged.ids.clone(),
            },
            Channel::Email,
            Some(from_mail(mail, how)),
        )
    } else {
        store.add_message(
            &actor,
            number,
            &NewMessage {
                message,
                attachments: staged.ids.clone(),
            },
            Channel::Email,
            Some(from_mail(mail, how)),
        )
    };
    stored.map_err(|e| match e {
        Error::Conflict(_) => Step::Refuse(Refusal::TicketClosed(number)),
        Error::NotFound(_) | Error::Forbidden(_) => Step::Refuse(Refusal::TicketNotFound(number)),
        other => refusal_for(other),
    })?;
    staged.keep();
    Ok(Outcome::Answered { number, note })
}

/// The mail's Message-ID and how its sender was proven, stored with it.
fn from_mail(mail: &Inbound, how: How) -> FromMail<'_> {
    FromMail {
        message_id: &mail.message_id,
        verified: Some(how.as_str()),
    }
}

/// The store's refusals of content become an auto-reply; anything else
/// (database, disk) is temporary.
fn refusal_for(e: Error) -> Step {
    match e {
        Error::Invalid(errors) => {
            let detail = |lang| {
                errors
                    .iter()
                    .map(|f| format!("{}: {}", f.field, f.message.render(lang)))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            Step::Refuse(Refusal::Rejected {
                es: detail(Lang::Es),
                en: detail(Lang::En),
            })
        }
        Error::TooLarge(detail) => Step::Refuse(Refusal::Rejected {
            es: detail.render(Lang::Es),
            en: detail.render(Lang::En),
        }),
        other => Step::Fail(PipeError::Temporary(other)),
    }
}

/// Files of a mail saved as uploads, before the ticket or reply that uses
/// them is committed. Unless [`Staged::keep`] is called (the mail was
/// filed), dropping it deletes their rows and files: a refused mail, or one
/// whose store call failed, leaves nothing on the desk's disk.
struct Staged<'s> {
    store: &'s Store,
    ids: Vec<String>,
    kept: bool,
}

impl Staged<'_> {
    fn keep(mut self) {
        self.kept = true;
    }
}

impl Drop for Staged<'_> {
    fn drop(&mut self) {
        if !self.kept {
            if let Err(e) = self.store.discard_unattached(&self.ids) {
                eprintln!("ecolo-desk pipe: could not remove the files of a mail not filed: {e}");
            }
        }
    }
}

/// Stores the mail's files as attachments of the actor's account; refuses
/// the whole mail (nothing kept) when there are too many or one is too big.
fn save_attachments<'s>(
    store: &'s Store,
    actor: &Actor,
    mail: &Inbound,
) -> Result<Staged<'s>, Step> {
    let limits = store.config().limits;
    if mail.attachments.len() > limits.max_attachments_per_message as usize {
        let n = mail.attachments.len();
        let max = limits.max_attachments_per_message;
        let text = |lang| {
            tr_in(
                lang,
                "mail-rejected-attachments",
                &[("n", n.to_string().into()), ("max", max.to_string().into())],
            )
        };
        return Err(Step::Refuse(Refusal::Rejected {
            es: text(Lang::Es),
            en: text(Lang::En),
        }));
    }
    if let Some(big) = mail
        .attachments
        .iter()
        .find(|a| a.data.len() as u64 > limits.max_attachment_bytes)
    {
        let max = limits.max_attachment_bytes;
        let text = |lang| {
            tr_in(
                lang,
                "mail-rejected-file",
                &[
                    ("file", big.filename.as_str().into()),
                    ("size", big.data.len().to_string().into()),
                    ("max", max.to_string().into()),
                ],
            )
        };
        return Err(Step::Refuse(Refusal::Rejected {
            es: text(Lang::Es),
            en: text(Lang::En),
        }));
    }
    let mut staged = Staged {
        store,
        ids: Vec::new(),
        kept: false,
    };
    for a in &mail.attachments {
        let saved = store
            .save_attachment(
                actor,
                &a.filename,
                Some(&a.content_type),
                &mut Cursor::new(&a.data),
            )
            .map_err(refusal_for)?;
        staged.ids.push(saved.id);
    }
    Ok(staged)
}

/// A subject the desk accepts: never empty, cut to the limit.
fn fit_subject(subject: &str, max_chars: usize) -> String {
    // Line breaks and tabs separate words; other control characters (a
    // NUL, a bell) are dropped, keeping what follows.
    let s: String = subject
        .chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    let s = s.trim();
    if s.is_empty() {
        return NO_SUBJECT.to_string();
    }
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let mut cut: String = s.chars().take(max_chars.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_exits_tempfail_with_one_line() {
        assert_eq!(
            tempfail_on_panic(|| panic!("index out of bounds")),
            ExitCode::from(EX_TEMPFAIL)
        );
        assert_eq!(
            tempfail_on_panic(|| ExitCode::from(EX_OK)),
            ExitCode::from(EX_OK)
        );
        let line = panic_line(
            &String::from("bad\nstate"),
            Some(std::panic::Location::caller()),
        );
        assert!(
            line.starts_with("internal error at src/desk/mail/pipe.rs:"),
            "{line}"
        );
        assert!(line.contains(": bad state; the mail server keeps the message and retries"));
        assert!(!line.contains('\n'));
        assert!(panic_line(&7, None).starts_with("internal error: unknown panic;"));
    }

    #[test]
    fn subjects_fit_the_desk() {
        assert_eq!(fit_subject("  ", 200), NO_SUBJECT);
        assert_eq!(fit_subject("Hola\tmundo", 200), "Hola mundo");
        let long = "á".repeat(300);
        let fitted = fit_subject(&long, 200);
        assert_eq!(fitted.chars().count(), 200);
        assert!(fitted.ends_with('…'));
    }
}
