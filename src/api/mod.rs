//! Wire types shared by the `ecolo` client and the `ecolo-desk` service.
//!
//! This is the one place the JSON shape of the HTTP API lives: the desk
//! serializes these, the client deserializes them, and the OpenAPI document
//! is generated from them, so the three cannot drift apart.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Header carrying the client's idempotency key on `POST /v1/tickets`.
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";
/// Media type of every error body (RFC 9457).
pub const PROBLEM_JSON: &str = "application/problem+json";
/// Prefix of every token the desk issues, so secret scanners can spot leaks.
pub const TOKEN_PREFIX: &str = "ecolo_";
/// The longest lifetime of a personal token (`NewToken::expires_in_days`):
/// ten years. The client checks it before sending.
pub const MAX_TOKEN_DAYS: u32 = 3650;

/// The six departments of the source document, in the order they are shown.
pub const CATEGORY_SLUGS: [&str; 6] = [
    "control-panel",
    "billing",
    "email",
    "website-updates",
    "other",
    "quotes",
];

#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    ToSchema,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Low,
    #[default]
    Medium,
    High,
}

impl Priority {
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Medium => "medium",
            Priority::High => "high",
        }
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Ticket lifecycle: `open` -> staff reply -> `answered` -> customer reply ->
/// `customer-reply` -> ... -> `closed` (and `reopen` goes back to `open`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TicketStatus {
    Open,
    Answered,
    CustomerReply,
    Closed,
}

impl TicketStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TicketStatus::Open => "open",
            TicketStatus::Answered => "answered",
            TicketStatus::CustomerReply => "customer-reply",
            TicketStatus::Closed => "closed",
        }
    }
}

impl fmt::Display for TicketStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for TicketStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "open" => Ok(TicketStatus::Open),
            "answered" => Ok(TicketStatus::Answered),
            "customer-reply" => Ok(TicketStatus::CustomerReply),
            "closed" => Ok(TicketStatus::Closed),
            other => Err(format!(
                "unknown status `{other}`: use open, answered, customer-reply or closed"
            )),
        }
    }
}

/// The `status` filter of `GET /v1/tickets`: a single status, or the
/// groups `active` (everything but closed, the default) and `all`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema, clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum StatusFilter {
    Open,
    Answered,
    CustomerReply,
    Closed,
    #[default]
    Active,
    All,
    /// Waiting for support: `open` and `customer-reply` (the agents' default).
    Waiting,
}

impl StatusFilter {
    pub fn as_str(self) -> &'static str {
        match self {
            StatusFilter::Open => "open",
            StatusFilter::Answered => "answered",
            StatusFilter::CustomerReply => "customer-reply",
            StatusFilter::Closed => "closed",
            StatusFilter::Active => "active",
            StatusFilter::All => "all",
            StatusFilter::Waiting => "waiting",
        }
    }

    /// Whether a ticket with `status` passes this filter.
    pub fn matches(self, status: TicketStatus) -> bool {
        match self {
            StatusFilter::Active => status != TicketStatus::Closed,
            StatusFilter::All => true,
            StatusFilter::Open => status == TicketStatus::Open,
            StatusFilter::Answered => status == TicketStatus::Answered,
            StatusFilter::CustomerReply => status == TicketStatus::CustomerReply,
            StatusFilter::Closed => status == TicketStatus::Closed,
            StatusFilter::Waiting => {
                matches!(status, TicketStatus::Open | TicketStatus::CustomerReply)
            }
        }
    }
}

/// How a message reached the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// The HTTP API (the `ecolo` command line or any other client).
    Cli,
    /// An e-mail piped into `ecolo-desk pipe`.
    Email,
    /// The support team (`ecolo-desk staff reply`).
    Staff,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Cli => "cli",
            Channel::Email => "email",
            Channel::Staff => "staff",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The language a person reads the desk's mail in: Spanish or English.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    ToSchema,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Es,
    En,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Es => "es",
            Language::En => "en",
        }
    }

    /// Exactly `es` or `en`, as stored.
    pub fn parse(s: &str) -> Option<Language> {
        match s {
            "es" => Some(Language::Es),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<Language> for crate::i18n::Lang {
    fn from(l: Language) -> Self {
        match l {
            Language::Es => crate::i18n::Lang::Es,
            Language::En => crate::i18n::Lang::En,
        }
    }
}

/// Who wrote a message, relative to the customer's account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum AuthorRole {
    Owner,
    Contact,
    Staff,
    /// The desk itself (auto-close).
    Desk,
}

impl AuthorRole {
    pub fn as_str(self) -> &'static str {
        match self {
            AuthorRole::Owner => "owner",
            AuthorRole::Contact => "contact",
            AuthorRole::Staff => "staff",
            AuthorRole::Desk => "desk",
        }
    }
}

/// A person as shown on tickets and messages. Names and e-mails are copied
/// at write time so history survives a removed contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Person {
    pub name: String,
    pub email: String,
    pub role: AuthorRole,
}

/// A department tickets are opened in, bilingual as in the source document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Category {
    pub slug: String,
    pub name_es: String,
    pub name_en: String,
    /// What belongs in this category (Spanish).
    pub description_es: String,
    /// What belongs in this category (English).
    pub description_en: String,
    /// Where authorized senders e-mail to open a ticket in this category.
    pub intake_address: Option<String>,
}

/// A ticket as listed: everything but the conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Ticket {
    /// Public, random, six-digit ticket number.
    pub number: u32,
    pub subject: String,
    /// Category slug.
    pub category: String,
    pub status: TicketStatus,
    pub priority: Priority,
    pub requester: Person,
    /// The account the ticket belongs to (its owner).
    pub account: AccountRef,
    /// The agent working on it, if any.
    pub assignee: Option<AgentRef>,
    /// Since when it waits for support: set while the status is `open` or
    /// `customer-reply`, null otherwise.
    pub waiting_since: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An account as shown on a ticket: its owner's name and e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct AccountRef {
    pub name: String,
    pub email: String,
}

/// A support agent as shown on a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct AgentRef {
    pub name: String,
    pub email: String,
}

/// What an entry of a conversation is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum MessageKind {
    /// Said to the other side (customer or support).
    #[default]
    Message,
    /// Internal to the support team: never shown or mailed to a customer.
    Note,
    /// A change recorded in the conversation ("moved from billing to email").
    Event,
}

impl MessageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::Message => "message",
            MessageKind::Note => "note",
            MessageKind::Event => "event",
        }
    }
}

/// A ticket with its whole conversation, oldest message first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TicketDetail {
    #[serde(flatten)]
    pub ticket: Ticket,
    pub messages: Vec<Message>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Message {
    pub id: i64,
    #[serde(default)]
    pub kind: MessageKind,
    pub author: Person,
    pub channel: Channel,
    pub body: String,
    pub attachments: Vec<Attachment>,
    pub created_at: DateTime<Utc>,
    /// For e-mail: how its sender was shown to be who From says (`dkim`,
    /// `spf`, `arc`, `reply-address` or `confirmation`); null for the other
    /// channels.
    #[serde(default)]
    pub verified: Option<String>,
    /// For an `event` entry: what happened, for clients to word in their
    /// own language (`body` keeps the desk's English sentence). Absent on
    /// other entries and from older desks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<EventInfo>,
}

/// What an `event` entry records. `kind` and the `args` it carries:
/// `moved` {`from`, `to`: category slugs}, `assigned` {`name`},
/// `unassigned` {}, `unassigned-category` {`category`}, `priority`
/// {`from`, `to`: priorities}, `closed` {`name`}, `reopened` {`name`},
/// `auto-closed` {`n`, `unit`: `days`, `hours` or `seconds`}. Clients show
/// `body` for a kind they do not know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct EventInfo {
    pub kind: String,
    #[serde(default)]
    pub args: std::collections::BTreeMap<String, String>,
}

/// A stored file. Uploaded first (`POST /v1/attachments`), then referenced by
/// id from a new ticket or reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Attachment {
    pub id: String,
    pub filename: String,
    pub content_type: String,
    pub size: u64,
    /// Lowercase hex SHA-256 of the content, for verifying downloads.
    pub sha256: String,
}

/// Body of `POST /v1/tickets`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct NewTicket {
    pub category: String,
    pub subject: String,
    pub message: String,
    #[serde(default)]
    pub priority: Priority,
    /// Ids of attachments uploaded beforehand.
    #[serde(default)]
    pub attachments: Vec<String>,
}

/// Body of `POST /v1/tickets/{number}/messages`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct NewMessage {
    pub message: String,
    #[serde(default)]
    pub attachments: Vec<String>,
}

/// Body of `POST /v1/tickets/{number}/notes`: an internal note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct NewNote {
    pub message: String,
    #[serde(default)]
    pub attachments: Vec<String>,
}

/// Body of `PUT /v1/tickets/{number}/assignee`: an agent's e-mail, `@me`,
/// or null to unassign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Assignment {
    pub assignee: Option<String>,
}

/// Body of `PATCH /v1/tickets/{number}`; absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TicketChange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
}

/// Optional body of `POST /v1/tickets/{number}/close`: a last answer (agents).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CloseRequest {
    #[serde(default)]
    pub message: Option<String>,
}

/// One page of a list; pass `next_cursor` back as `cursor` for the next one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

/// Body of `POST /v1/sessions`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

impl fmt::Debug for LoginRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoginRequest")
            .field("email", &self.email)
            .field("password", &"<redacted>")
            .finish()
    }
}

/// Answer to a successful login. The token is shown once and stored hashed.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Session {
    pub token: String,
    pub me: Me,
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session")
            .field("token", &"<redacted>")
            .field("me", &self.me)
            .finish()
    }
}

/// Who the presented credentials act as (`GET /v1/me`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Me {
    /// The account's owner name.
    pub account_name: String,
    /// The account's owner e-mail.
    pub account_email: String,
    /// Who acts: the owner, or a contact through a token bound to it.
    pub acting_as: Person,
    /// Category slugs these credentials may use; `None` means all.
    pub categories: Option<Vec<String>>,
    /// Whether these credentials may manage contacts and tokens.
    pub can_manage: bool,
    /// The language the desk mails who acts in (absent from older desks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
}

/// Someone the owner authorized to open tickets in some categories.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Contact {
    pub email: String,
    pub name: String,
    /// Category slugs this contact may use (never empty).
    pub categories: Vec<String>,
    /// Addresses this contact may e-mail to open tickets (one per category).
    pub intake_addresses: Vec<String>,
    /// The language the desk mails this contact in.
    pub language: Language,
    pub created_at: DateTime<Utc>,
}

/// Body of `POST /v1/contacts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct NewContact {
    pub email: String,
    pub name: String,
    pub categories: Vec<String>,
    /// The language of the desk's mail to the contact; the account's when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
}

/// Body of `PATCH /v1/contacts/{email}`; absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ContactChange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_categories: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove_categories: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
}

/// A personal access token as listed: never the secret itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TokenInfo {
    pub name: String,
    /// E-mail of the contact this token acts as, if any.
    pub contact: Option<String>,
    /// Category slugs the token is limited to; `None` means no limit beyond
    /// the contact's own.
    pub categories: Option<Vec<String>>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
}

/// Body of `POST /v1/tokens`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct NewToken {
    pub name: String,
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default)]
    pub categories: Option<Vec<String>>,
    /// Lifetime in days; `None` never expires.
    #[serde(default)]
    pub expires_in_days: Option<u32>,
}

/// Answer to `POST /v1/tokens`: the only time the secret is shown.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CreatedToken {
    pub token: String,
    pub info: TokenInfo,
}

impl fmt::Debug for CreatedToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreatedToken")
            .field("token", &"<redacted>")
            .field("info", &self.info)
            .finish()
    }
}

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// RFC 9457 problem details, the body of every error answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Problem {
    #[serde(rename = "type", default = "about_blank")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

fn about_blank() -> String {
    "about:blank".to_string()
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.detail {
            Some(detail) => f.write_str(detail)?,
            None => f.write_str(&self.title)?,
        }
        for e in &self.errors {
            write!(f, "\n  {}: {}", e.field, e.message)?;
        }
        Ok(())
    }
}

/// The desk's limits (`GET /v1/limits`), so a client can refuse bad input
/// before sending anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Limits {
    pub max_subject_chars: u32,
    pub max_message_bytes: u64,
    pub max_attachment_bytes: u64,
    pub max_attachments_per_message: u32,
}
