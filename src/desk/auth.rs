//! Who is acting, and the secrets that prove it: the [`Actor`] every
//! store call is checked against (a customer [`Principal`] or a support
//! [`AgentPrincipal`]), password hashing (argon2id), token
//! generation (only SHA-256 hashes are stored) and the login rate limiter.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, SaltString};
use argon2::{Argon2, PasswordVerifier};
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::api::{AgentRef, AuthorRole, Me, Person, TOKEN_PREFIX};

use super::error::{Error, Msg, Result};

/// A contact of an account, as it acts through a token or e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactRef {
    pub id: i64,
    pub name: String,
    pub email: String,
}

/// Who performs a store operation: an account's owner, or one of its
/// contacts, limited to some categories or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub account_id: i64,
    pub account_name: String,
    pub account_email: String,
    /// Set when a contact acts (through a token bound to it, or e-mail).
    pub contact: Option<ContactRef>,
    /// Category slugs these credentials may use, `None` for all. For a
    /// contact token: the contact's categories ∩ the token's.
    pub categories: Option<Vec<String>>,
    /// The token that authenticated the request, if any.
    pub token_id: Option<i64>,
}

impl Principal {
    /// Owner-full credentials: a login session or an unlimited owner token.
    pub fn can_manage(&self) -> bool {
        self.contact.is_none() && self.categories.is_none()
    }

    /// The person recorded as author or requester.
    pub fn person(&self) -> Person {
        match &self.contact {
            Some(c) => Person {
                name: c.name.clone(),
                email: c.email.clone(),
                role: AuthorRole::Contact,
            },
            None => Person {
                name: self.account_name.clone(),
                email: self.account_email.clone(),
                role: AuthorRole::Owner,
            },
        }
    }

    pub fn allows(&self, category: &str) -> bool {
        match &self.categories {
            None => true,
            Some(list) => list.iter().any(|c| c == category),
        }
    }

    /// 403 naming the allowed categories unless `category` is one of them.
    pub fn check_category(&self, category: &str) -> Result<()> {
        if self.allows(category) {
            Ok(())
        } else {
            Err(Error::Forbidden(self.category_refusal()))
        }
    }

    pub fn category_refusal(&self) -> Msg {
        let allowed = self.categories.as_deref().unwrap_or_default();
        if allowed.is_empty() {
            crate::msg!("problem-no-category")
        } else {
            crate::msg!("problem-only-categories", list = allowed.join(", "))
        }
    }

    /// 403 unless these credentials may manage contacts and tokens.
    pub fn require_manage(&self) -> Result<()> {
        if self.can_manage() {
            Ok(())
        } else {
            Err(Error::Forbidden(crate::msg!("problem-owner-only")))
        }
    }

    pub fn to_me(&self) -> Me {
        Me {
            account_name: self.account_name.clone(),
            account_email: self.account_email.clone(),
            acting_as: self.person(),
            categories: self.categories.clone(),
            can_manage: self.can_manage(),
            language: None,
        }
    }
}

/// A support agent acting: through a login session, a personal token
/// (possibly narrower than the agent) or a mail from the agent's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentPrincipal {
    pub agent_id: i64,
    pub name: String,
    pub email: String,
    /// Categories the agent works, `None` for all; for a token limited to
    /// some categories: the agent's ∩ the token's.
    pub categories: Option<Vec<String>>,
    /// The categories of the agent itself (a token never widens them).
    pub agent_categories: Option<Vec<String>>,
    pub token_id: Option<i64>,
}

impl AgentPrincipal {
    pub fn person(&self) -> Person {
        Person {
            name: self.name.clone(),
            email: self.email.clone(),
            role: AuthorRole::Staff,
        }
    }

    pub fn agent_ref(&self) -> AgentRef {
        AgentRef {
            name: self.name.clone(),
            email: self.email.clone(),
        }
    }

    pub fn allows(&self, category: &str) -> bool {
        match &self.categories {
            None => true,
            Some(list) => list.iter().any(|c| c == category),
        }
    }

    /// The categories this agent works, for SQL `IN (...)`: all of them
    /// when unlimited, so every agent query can use the category indexes.
    pub fn category_list(&self) -> Vec<String> {
        match &self.categories {
            Some(list) => list.clone(),
            None => crate::api::CATEGORY_SLUGS
                .iter()
                .map(|s| s.to_string())
                .collect(),
        }
    }

    pub fn category_refusal(&self) -> Msg {
        match self.categories.as_deref() {
            Some([]) => crate::msg!("problem-agent-no-category"),
            Some(list) => crate::msg!("problem-agent-only-categories", list = list.join(", ")),
            None => crate::msg!("problem-agent-every-category"),
        }
    }
}

/// Who performs a store operation. Every store entry point takes one and
/// checks it there, so HTTP, mail and admin paths cannot disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// An account's owner or contact.
    Customer(Principal),
    /// A member of the support team.
    Agent(AgentPrincipal),
}

impl From<Principal> for Actor {
    fn from(p: Principal) -> Actor {
        Actor::Customer(p)
    }
}

impl From<AgentPrincipal> for Actor {
    fn from(a: AgentPrincipal) -> Actor {
        Actor::Agent(a)
    }
}

impl Actor {
    pub fn token_id(&self) -> Option<i64> {
        match self {
            Actor::Customer(p) => p.token_id,
            Actor::Agent(a) => a.token_id,
        }
    }

    pub fn person(&self) -> Person {
        match self {
            Actor::Customer(p) => p.person(),
            Actor::Agent(a) => a.person(),
        }
    }

    pub fn is_agent(&self) -> bool {
        matches!(self, Actor::Agent(_))
    }

    /// The customer acting, or 403 for an agent: for what only customers do
    /// (contacts, opening tickets in their account).
    pub fn customer(&self, what: &str) -> Result<&Principal> {
        match self {
            Actor::Customer(p) => Ok(p),
            Actor::Agent(_) => Err(Error::Forbidden(
                crate::msg!("problem-customers-only").with("what", action(what)),
            )),
        }
    }

    /// The agent acting, or 403 for a customer.
    pub fn agent(&self, what: &str) -> Result<&AgentPrincipal> {
        match self {
            Actor::Agent(a) => Ok(a),
            Actor::Customer(_) => Err(Error::Forbidden(
                crate::msg!("problem-staff-only").with("what", action(what)),
            )),
        }
    }

    pub fn to_me(&self) -> Me {
        match self {
            Actor::Customer(p) => p.to_me(),
            Actor::Agent(a) => Me {
                account_name: a.name.clone(),
                account_email: a.email.clone(),
                acting_as: a.person(),
                categories: a.categories.clone(),
                can_manage: false,
                language: None,
            },
        }
    }
}

/// A new secret token: the prefix and 32 random bytes, hex.
pub fn generate_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("{TOKEN_PREFIX}{}", hex::encode(bytes))
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Makes big allocations (argon2's 19 MiB per hash) go straight to the
/// kernel and back when freed. Otherwise glibc keeps each freed block in
/// the arena of the thread that used it, and password checks spread over
/// many blocking threads would keep 19 MiB each resident for good.
pub fn give_big_allocations_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only tunes the allocator; called before serving.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

/// An argon2id PHC string for `password`.
pub fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Internal(format!("hashing a password failed: {e}")))
}

pub fn verify_password(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Spends the time of a real verification, so an unknown e-mail answers as
/// slowly as a wrong password.
pub fn waste_password_check(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let phc = DUMMY.get_or_init(|| hash_password("not a real password").unwrap_or_default());
    let _ = verify_password(password, phc);
}

/// Counts failed logins per key (an account, an address and account, an
/// address) in a sliding window, each key with its own limit, in memory: a
/// restart forgives, which is fine for a captcha replacement.
pub struct RateLimiter {
    window: Duration,
    failures: Mutex<HashMap<String, Vec<Instant>>>,
}

impl RateLimiter {
    pub fn new(window: Duration) -> RateLimiter {
        RateLimiter {
            window,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// Starts a login attempt: `Err(RateLimited)` when any of `keys` has
    /// used up its failures (the number paired with it); otherwise the
    /// attempt counts as a failure at once, so parallel guesses cannot all
    /// pass the check before the first one fails. [`RateLimiter::succeeded`]
    /// takes it back.
    pub fn attempt(&self, keys: &[(String, usize)]) -> Result<()> {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        // Bound memory against floods of distinct keys.
        if map.len() > 100_000 {
            map.retain(|_, times| times.iter().any(|t| now.duration_since(*t) < self.window));
        }
        let mut wait = Duration::ZERO;
        for (key, max) in keys {
            if let Some(times) = map.get_mut(key) {
                times.retain(|t| now.duration_since(*t) < self.window);
                if times.len() >= *max {
                    let oldest = times[times.len() - max];
                    wait = wait.max(self.window.saturating_sub(now.duration_since(oldest)));
                }
            }
        }
        if !wait.is_zero() {
            return Err(Error::RateLimited {
                retry_after_secs: wait.as_secs().max(1),
            });
        }
        for (key, _) in keys {
            map.entry(key.clone()).or_default().push(now);
        }
        Ok(())
    }

    /// The attempt was right: the `forgiven` keys (the account) lose their
    /// failures; the `uncounted` ones (the address) just do not count this
    /// attempt.
    pub fn succeeded(&self, forgiven: &[&str], uncounted: &[&str]) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        for key in forgiven {
            map.remove(*key);
        }
        for key in uncounted {
            if let Some(times) = map.get_mut(*key) {
                times.pop();
            }
        }
    }
}

/// What a refused actor tried, in the request's language: the few things
/// only one side of the counter does, named where they are checked.
fn action(what: &str) -> crate::desk::error::Msg {
    match what {
        "opening a ticket" => crate::msg!("action-opening-a-ticket"),
        "managing contacts" => crate::msg!("action-managing-contacts"),
        "writing an internal note" => crate::msg!("action-writing-a-note"),
        "assigning tickets" => crate::msg!("action-assigning"),
        "changing a ticket's category or priority" => crate::msg!("action-changing-a-ticket"),
        "closing with a last answer" => crate::msg!("action-closing-with-an-answer"),
        other => crate::desk::error::Msg::Text(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_prefixed_random_and_hashed() {
        let a = generate_token();
        let b = generate_token();
        assert!(a.starts_with(TOKEN_PREFIX));
        assert_eq!(a.len(), TOKEN_PREFIX.len() + 64);
        assert_ne!(a, b);
        assert_ne!(token_hash(&a), token_hash(&b));
        assert!(!token_hash(&a).contains(&a));
    }

    #[test]
    fn passwords_hash_with_argon2id() {
        let phc = hash_password("secret words").unwrap();
        assert!(phc.starts_with("$argon2id$"));
        assert!(verify_password("secret words", &phc));
        assert!(!verify_password("other words", &phc));
    }

    #[test]
    fn only_an_unlimited_owner_manages_even_a_contact_without_categories() {
        let owner = Principal {
            account_id: 1,
            account_name: "Olga".into(),
            account_email: "owner@example.com".into(),
            contact: None,
            categories: None,
            token_id: None,
        };
        assert!(owner.can_manage());
        let limited = Principal {
            categories: Some(vec!["billing".into()]),
            ..owner.clone()
        };
        assert!(!limited.can_manage());
        // The store always gives a contact its categories; were they ever
        // missing, being a contact alone must still forbid managing.
        let contact = Principal {
            contact: Some(ContactRef {
                id: 1,
                name: "Martha".into(),
                email: "martha@example.com".into(),
            }),
            ..owner
        };
        assert!(!contact.can_manage());
        assert!(contact.require_manage().is_err());
    }

    #[test]
    fn every_refused_action_has_words_in_both_languages() {
        let source = include_str!("store/tickets.rs").to_string()
            + include_str!("store/contacts.rs")
            + include_str!("store/tokens.rs");
        for call in [".agent(\"", ".customer(\""] {
            for (i, _) in source.match_indices(call) {
                let rest = &source[i + call.len()..];
                let what = &rest[..rest.find('"').unwrap()];
                let msg = action(what);
                assert!(
                    matches!(msg, crate::desk::error::Msg::Key { .. }),
                    "`{what}` needs a message in action()"
                );
                let es = msg.render(crate::i18n::Lang::Es);
                assert_ne!(es, what, "`{what}` in Spanish");
            }
        }
    }

    #[test]
    fn limiter_blocks_after_max_failures_per_key() {
        let limiter = RateLimiter::new(Duration::from_secs(60));
        let keys = vec![("a".to_string(), 2), ("addr".to_string(), 3)];
        limiter.attempt(&keys).unwrap();
        limiter.attempt(&keys).unwrap();
        match limiter.attempt(&keys) {
            Err(Error::RateLimited { retry_after_secs }) => assert!(retry_after_secs <= 60),
            other => panic!("expected rate limit, got {other:?}"),
        }
        // The address has a looser limit of its own.
        limiter.attempt(&[("addr".to_string(), 3)]).unwrap();
        assert!(limiter.attempt(&[("addr".to_string(), 3)]).is_err());
        limiter.attempt(&[("b".to_string(), 2)]).unwrap();
    }

    #[test]
    fn success_forgives_the_account_and_is_not_counted_for_the_address() {
        let limiter = RateLimiter::new(Duration::from_secs(60));
        let keys = vec![("a".to_string(), 2), ("addr".to_string(), 2)];
        limiter.attempt(&keys).unwrap();
        limiter.attempt(&keys).unwrap();
        limiter.succeeded(&["a"], &["addr"]);
        // The account starts afresh; the address still has its one failure.
        limiter.attempt(&[("a".to_string(), 2)]).unwrap();
        limiter.attempt(&[("addr".to_string(), 2)]).unwrap();
        assert!(limiter.attempt(&[("addr".to_string(), 2)]).is_err());
    }
}
