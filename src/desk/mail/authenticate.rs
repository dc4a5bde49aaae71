//! Who really sent a mail: DKIM, SPF, DMARC and ARC, verified by the desk
//! itself (mail-auth, over DNS), or read from the one `Authentication-Results`
//! header the receiving server added.
//!
//! `From:` is text anyone can write, so the e-mail channel files a mail at
//! once only when it is *authenticated*: DMARC passes, or, for a domain that
//! publishes no DMARC record, a DKIM signature or the SPF check passes for
//! the From domain itself (aligned). Anything else is held or dropped by the
//! caller; this module only answers the question.
//!
//! A sender can write `Authentication-Results` headers too, so the trusted
//! mode reads only the topmost one carrying the MTA's authserv-id (the MTA
//! adds its own above everything the message already had) and ignores every
//! other one. ARC (forwarders and lists that re-sign what they changed)
//! counts only when the first sealer of the chain is on the operator's list.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use mail_auth::dmarc::verify::DmarcParameters;
use mail_auth::dmarc::Policy;
use mail_auth::hickory_resolver::config::{NameServerConfigGroup, ResolverConfig, ResolverOpts};
use mail_auth::spf::verify::SpfParameters;
use mail_auth::{AuthenticatedMessage, DkimResult, DmarcResult, MessageAuthenticator, SpfResult};

/// How a mail's sender was shown to be who From says: the `verified`
/// value of a stored e-mail message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// An aligned DKIM signature (with DMARC, or without a DMARC record).
    Dkim,
    /// An aligned SPF pass.
    Spf,
    /// A trusted forwarder's ARC seal vouching for DKIM/SPF/DMARC it saw.
    Arc,
    /// Sent to the signed reply address the desk gave this recipient.
    ReplyAddress,
    /// Held as unauthenticated, then confirmed by a reply from the
    /// registered address.
    Confirmation,
}

impl How {
    pub fn as_str(self) -> &'static str {
        match self {
            How::Dkim => "dkim",
            How::Spf => "spf",
            How::Arc => "arc",
            How::ReplyAddress => "reply-address",
            How::Confirmation => "confirmation",
        }
    }
}

impl std::fmt::Display for How {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the checks said about one mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// `Some` when the mail is authenticated, saying how.
    pub passed: Option<How>,
    /// DMARC failed and the domain asks receivers to reject such mail
    /// (`p=reject`): the caller drops it without a word.
    pub reject: bool,
    /// One line for the log: what was checked and found.
    pub summary: String,
}

impl Verdict {
    pub fn authenticated(&self) -> bool {
        self.passed.is_some()
    }

    fn unauthenticated(summary: impl Into<String>) -> Verdict {
        Verdict {
            passed: None,
            reject: false,
            summary: summary.into(),
        }
    }
}

/// Where the verdict comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// Verify here: DKIM, DMARC and ARC always; SPF when the MTA passes the
    /// client's address (`--client-ip`, with `--helo` and `--sender`).
    Verify {
        client_ip: Option<IpAddr>,
        helo: Option<String>,
        sender: Option<String>,
        /// `--dns HOST:PORT`, else the system resolver (/etc/resolv.conf).
        dns: Option<SocketAddr>,
        /// Domains whose ARC seal (as the chain's first sealer) is trusted.
        trusted_arc_sealers: Vec<String>,
    },
    /// Trust the topmost `Authentication-Results` with this authserv-id.
    TrustAuthResults(String),
}

/// The checks could not be made right now (DNS down): the MTA should keep
/// the mail and retry rather than have it held or dropped.
#[derive(Debug, thiserror::Error)]
#[error("cannot verify the sender now: {0}")]
pub struct TempError(pub String);

/// Verifies `raw`, whose From address is in `from_domain`.
pub fn verify(raw: &[u8], from_domain: &str, source: &Source) -> Result<Verdict, TempError> {
    let from_domain = from_domain.trim().to_ascii_lowercase();
    match source {
        Source::TrustAuthResults(authserv_id) => {
            from_trusted_header(raw, &from_domain, authserv_id)
        }
        Source::Verify {
            client_ip,
            helo,
            sender,
            dns,
            trusted_arc_sealers,
        } => {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| TempError(format!("cannot start the DNS client: {e}")))?;
            runtime.block_on(verify_here(
                raw,
                &from_domain,
                *client_ip,
                helo.as_deref(),
                sender.as_deref(),
                *dns,
                trusted_arc_sealers,
            ))
        }
    }
}

/// The trusted receiving server's verdict, or unauthenticated when it left
/// none (or none about this From domain); its DMARC `temperror` is ours.
fn from_trusted_header(
    raw: &[u8],
    from_domain: &str,
    authserv_id: &str,
) -> Result<Verdict, TempError> {
    let header = header_values(raw, "authentication-results")
        .into_iter()
        .filter_map(|v| AuthResults::parse(&v))
        .find(|ar| ar.authserv_id.eq_ignore_ascii_case(authserv_id));
    let Some(ar) = header else {
        return Ok(Verdict::unauthenticated(format!(
            "no Authentication-Results from {authserv_id}: not authenticated"
        )));
    };
    let verdict = ar.evaluate(from_domain, "trusted Authentication-Results");
    let dmarc_temp = ar
        .results
        .iter()
        .any(|r| r.method == "dmarc" && r.result == "temperror");
    if dmarc_temp && !verdict.authenticated() {
        return Err(TempError(verdict.summary));
    }
    Ok(verdict)
}

#[allow(clippy::too_many_arguments)]
async fn verify_here(
    raw: &[u8],
    from_domain: &str,
    client_ip: Option<IpAddr>,
    helo: Option<&str>,
    sender: Option<&str>,
    dns: Option<SocketAddr>,
    trusted_arc_sealers: &[String],
) -> Result<Verdict, TempError> {
    let mut opts = ResolverOpts::default();
    opts.timeout = Duration::from_secs(5);
    opts.attempts = 2;
    let authenticator = match dns {
        Some(addr) => MessageAuthenticator::new(
            ResolverConfig::from_parts(
                None,
                vec![],
                NameServerConfigGroup::from_ips_clear(&[addr.ip()], addr.port(), true),
            ),
            opts,
        ),
        None => MessageAuthenticator::new_system_conf(),
    }
    .map_err(|e| TempError(format!("no DNS resolver: {e}")))?;
    let Some(message) = AuthenticatedMessage::parse(raw) else {
        return Ok(Verdict::unauthenticated(
            "unparseable for DKIM: not authenticated",
        ));
    };

    let dkim = authenticator.verify_dkim(&message).await;
    let sender = sender
        .map(|s| s.trim().trim_matches(['<', '>']).to_ascii_lowercase())
        .filter(|s| s.contains('@'));
    let helo = helo.unwrap_or_default().trim().to_ascii_lowercase();
    // SPF checks the envelope sender's domain (or the HELO name for the
    // null sender) against the client's address.
    let spf = match client_ip {
        Some(ip) => {
            let params = match &sender {
                Some(s) => SpfParameters::verify_mail_from(ip, &helo, "ecolo-desk", s),
                None => SpfParameters::verify_ehlo(ip, &helo, "ecolo-desk"),
            };
            authenticator.verify_spf(params).await
        }
        None => mail_auth::SpfOutput::default(),
    };
    let mail_from_domain = sender
        .as_deref()
        .and_then(|s| s.rsplit_once('@'))
        .map(|(_, d)| d.to_string())
        .unwrap_or_else(|| helo.clone());
    let dmarc = authenticator
        .verify_dmarc(
            DmarcParameters::new(&message, &dkim, &mail_from_domain, &spf)
                .with_domain_suffix_fn(organizational_domain),
        )
        .await;

    let dkim_pass_aligned = dkim.iter().any(|o| {
        o.result() == &DkimResult::Pass && o.signature().is_some_and(|s| aligned(&s.d, from_domain))
    });
    let dkim_temp = dkim
        .iter()
        .any(|o| matches!(o.result(), DkimResult::TempError(_)));
    let spf_result = spf.result();
    let spf_pass_aligned = spf_result == SpfResult::Pass && aligned(&mail_from_domain, from_domain);
    let mut summary = format!(
        "dkim={} spf={} dmarc={}",
        dkim_summary(&dkim),
        spf_name(spf_result),
        dmarc_name(
            dmarc.dkim_result(),
            dmarc.spf_result(),
            dmarc.dmarc_record().is_some()
        )
    );

    let dmarc_pass =
        dmarc.dkim_result() == &DmarcResult::Pass || dmarc.spf_result() == &DmarcResult::Pass;
    let dmarc_temp = matches!(dmarc.dkim_result(), DmarcResult::TempError(_))
        || matches!(dmarc.spf_result(), DmarcResult::TempError(_));
    let has_record = dmarc.dmarc_record().is_some();
    let passed = if has_record {
        if dmarc.dkim_result() == &DmarcResult::Pass {
            Some(How::Dkim)
        } else if dmarc_pass {
            Some(How::Spf)
        } else {
            None
        }
    } else if dkim_pass_aligned {
        Some(How::Dkim)
    } else if spf_pass_aligned {
        Some(How::Spf)
    } else {
        None
    };
    if passed.is_some() {
        return Ok(Verdict {
            passed,
            reject: false,
            summary,
        });
    }

    // A forwarder or list changed the mail (DKIM broken, SPF of the
    // forwarder): a trusted first sealer's results stand in.
    let arc = authenticator.verify_arc(&message).await;
    match arc.result() {
        DkimResult::None | DkimResult::Pass => {}
        other => summary.push_str(&format!(" arc={other:?}")),
    }
    if arc.result() == &DkimResult::Pass {
        if let Some(first) = arc.sets().iter().find(|s| s.seal.header.i == 1) {
            let sealer = first.seal.header.d.to_ascii_lowercase();
            summary.push_str(&format!(" arc=pass (first sealer {sealer})"));
            if trusted_arc_sealers
                .iter()
                .any(|t| t.eq_ignore_ascii_case(&sealer))
            {
                let aar = String::from_utf8_lossy(first.results.value);
                if let Some(ar) = AuthResults::parse_arc(&aar) {
                    let verdict = ar.evaluate(from_domain, "ARC");
                    if verdict.authenticated() {
                        return Ok(Verdict {
                            passed: Some(How::Arc),
                            reject: false,
                            summary: format!("{summary}: {}", verdict.summary),
                        });
                    }
                }
            } else {
                summary.push_str(", not a trusted sealer");
            }
        }
    }

    if dmarc_temp || (dkim_temp && !has_record) {
        return Err(TempError(format!("DNS temporary failure ({summary})")));
    }
    // The records this verdict rests on, asked again: mail-auth reads a
    // SERVFAIL or REFUSED answer as "no such record", which would make a
    // broken name server look like a domain without DMARC (or without a
    // key), and hold or drop mail the MTA should simply retry.
    let mut names = vec![format!("_dmarc.{from_domain}")];
    let org = organizational_domain(from_domain);
    if org != from_domain {
        names.push(format!("_dmarc.{org}"));
    }
    for output in &dkim {
        if let Some(sig) = output.signature() {
            names.push(format!("{}._domainkey.{}", sig.s, sig.d));
        }
    }
    if client_ip.is_some() && spf_result == SpfResult::None {
        names.push(mail_from_domain.clone());
    }
    if let Some(trouble) = dns_trouble(&authenticator, &names).await {
        return Err(TempError(format!(
            "DNS temporary failure: {trouble} ({summary})"
        )));
    }
    let reject = has_record && dmarc.policy() == Policy::Reject;
    Ok(Verdict {
        passed: None,
        reject,
        summary: format!("{summary}: not authenticated"),
    })
}

/// The first of `names` whose TXT lookup fails for a reason that may pass
/// (SERVFAIL, REFUSED, a timeout), as `name: reason`; "no such name" and
/// "no TXT record" are answers, not trouble.
async fn dns_trouble(authenticator: &MessageAuthenticator, names: &[String]) -> Option<String> {
    use mail_auth::hickory_resolver::proto::op::ResponseCode;
    use mail_auth::hickory_resolver::proto::rr::Name;
    use mail_auth::hickory_resolver::proto::ProtoErrorKind;
    for name in names {
        let Ok(fqdn) = Name::from_str_relaxed(format!("{}.", name.trim_end_matches('.'))) else {
            continue;
        };
        let Err(e) = authenticator.resolver().txt_lookup(fqdn).await else {
            continue;
        };
        match e.kind() {
            ProtoErrorKind::NoRecordsFound(n)
                if matches!(
                    n.response_code,
                    ResponseCode::NXDomain | ResponseCode::NoError
                ) => {}
            ProtoErrorKind::NoRecordsFound(n) => {
                return Some(format!("{name}: {}", n.response_code))
            }
            _ => return Some(format!("{name}: {e}")),
        }
    }
    None
}

fn dkim_summary(dkim: &[mail_auth::DkimOutput<'_>]) -> String {
    if dkim.is_empty() {
        return "none".into();
    }
    dkim.iter()
        .map(|o| {
            let d = o.signature().map(|s| s.d.as_str()).unwrap_or("?");
            let r = match o.result() {
                DkimResult::Pass => "pass",
                DkimResult::Neutral(_) => "neutral",
                DkimResult::Fail(_) => "fail",
                DkimResult::PermError(_) => "permerror",
                DkimResult::TempError(_) => "temperror",
                DkimResult::None => "none",
            };
            format!("{r}({d})")
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn spf_name(r: SpfResult) -> &'static str {
    match r {
        SpfResult::Pass => "pass",
        SpfResult::Fail => "fail",
        SpfResult::SoftFail => "softfail",
        SpfResult::Neutral => "neutral",
        SpfResult::TempError => "temperror",
        SpfResult::PermError => "permerror",
        SpfResult::None => "none",
    }
}

fn dmarc_name(dkim: &DmarcResult, spf: &DmarcResult, has_record: bool) -> &'static str {
    if !has_record {
        return "none";
    }
    if dkim == &DmarcResult::Pass || spf == &DmarcResult::Pass {
        "pass"
    } else {
        "fail"
    }
}

/// Whether `domain` (a DKIM d= or SPF domain) speaks for `from_domain`:
/// DMARC's relaxed alignment (RFC 7489 3.1), the same organizational
/// domain, i.e. the same registrable name under the public suffix list
/// (`mail.example.co.uk` and `example.co.uk` align, `a.co.uk` and
/// `b.co.uk` do not).
fn aligned(domain: &str, from_domain: &str) -> bool {
    let d = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    let f = from_domain
        .trim()
        .trim_end_matches('.')
        .to_ascii_lowercase();
    if d.is_empty() || f.is_empty() {
        return false;
    }
    match (psl::domain_str(&d), psl::domain_str(&f)) {
        (Some(a), Some(b)) => a == b,
        // A public suffix itself (`com`, `co.uk`) speaks for nobody.
        _ => false,
    }
}

/// The organizational domain mail-auth compares for relaxed DMARC
/// alignment; a name that is itself a public suffix stays as it is (and
/// so aligns only with itself).
fn organizational_domain(domain: &str) -> &str {
    psl::domain_str(domain).unwrap_or(domain)
}

/// The unfolded values of every header `name` (lowercase), top first.
fn header_values(raw: &[u8], name: &str) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let head = text
        .split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .split("\n\n")
        .next()
        .unwrap_or_default();
    let mut values: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for line in head.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with([' ', '\t']) {
            if let Some(v) = current.as_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        if let Some(v) = current.take() {
            values.push(v);
        }
        if let Some((n, v)) = line.split_once(':') {
            if n.trim().eq_ignore_ascii_case(name) {
                current = Some(v.trim().to_string());
            }
        }
    }
    if let Some(v) = current {
        values.push(v);
    }
    values
}

/// One parsed `Authentication-Results` (RFC 8601) header.
#[derive(Debug, Clone, PartialEq, Eq)]
struct AuthResults {
    authserv_id: String,
    results: Vec<MethodResult>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct MethodResult {
    method: String,
    result: String,
    /// `ptype.property=value`, keys lowercased.
    props: Vec<(String, String)>,
    /// Comments, lowercased (`(p=REJECT sp=REJECT dis=NONE)`).
    comment: String,
}

impl MethodResult {
    fn prop(&self, key: &str) -> Option<&str> {
        self.props
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The domain of a property holding a domain or an address.
    fn prop_domain(&self, key: &str) -> Option<String> {
        let v = self.prop(key)?;
        let v = v.rsplit_once('@').map_or(v, |(_, d)| d);
        Some(v.trim_matches(['<', '>']).to_ascii_lowercase())
    }
}

impl AuthResults {
    fn parse(value: &str) -> Option<AuthResults> {
        let (comments, text) = strip_comments(value);
        let mut parts = split_unquoted(&text, ';').into_iter();
        let id = parts.next()?.split_whitespace().next()?.to_string();
        let mut results = Vec::new();
        for (i, part) in parts.enumerate() {
            let mut words = part.split_whitespace();
            let Some(first) = words.next() else { continue };
            let Some((method, result)) = first.split_once('=') else {
                continue;
            };
            let props = words
                .filter_map(|w| w.split_once('='))
                .map(|(k, v)| (k.to_ascii_lowercase(), v.trim_matches('"').to_string()))
                .collect();
            results.push(MethodResult {
                method: method.to_ascii_lowercase(),
                result: result.to_ascii_lowercase(),
                props,
                comment: comments.get(i + 1).cloned().unwrap_or_default(),
            });
        }
        Some(AuthResults {
            authserv_id: id,
            results,
        })
    }

    /// An `ARC-Authentication-Results` value: `i=N; authserv-id; ...`.
    fn parse_arc(value: &str) -> Option<AuthResults> {
        let rest = value.trim();
        let rest = match rest.split_once(';') {
            Some((instance, rest)) if instance.trim().starts_with("i=") => rest,
            _ => rest,
        };
        AuthResults::parse(rest)
    }

    fn evaluate(&self, from_domain: &str, what: &str) -> Verdict {
        let about_from = |r: &&MethodResult| {
            r.prop_domain("header.from")
                .is_none_or(|d| d == from_domain)
        };
        let dkim_aligned = self.results.iter().any(|r| {
            r.method == "dkim"
                && r.result == "pass"
                && (r
                    .prop_domain("header.d")
                    .or_else(|| r.prop_domain("header.i")))
                .is_some_and(|d| aligned(&d, from_domain))
        });
        let spf_aligned = self.results.iter().any(|r| {
            r.method == "spf"
                && r.result == "pass"
                && (r
                    .prop_domain("smtp.mailfrom")
                    .or_else(|| r.prop_domain("smtp.helo")))
                .is_some_and(|d| aligned(&d, from_domain))
        });
        let how = if dkim_aligned { How::Dkim } else { How::Spf };
        let dmarc = self
            .results
            .iter()
            .filter(|r| r.method == "dmarc")
            .find(about_from);
        let summary = self
            .results
            .iter()
            .map(|r| format!("{}={}", r.method, r.result))
            .collect::<Vec<_>>()
            .join(" ");
        match dmarc.map(|r| r.result.as_str()) {
            Some("pass") => Verdict {
                passed: Some(how),
                reject: false,
                summary: format!("{what} from {}: {summary}", self.authserv_id),
            },
            Some("none") | None if dkim_aligned || spf_aligned => Verdict {
                passed: Some(how),
                reject: false,
                summary: format!(
                    "{what} from {}: {summary} (no DMARC record, aligned)",
                    self.authserv_id
                ),
            },
            result => {
                let reject = result == Some("fail")
                    && dmarc.is_some_and(|r| {
                        r.prop("policy.dmarc")
                            .is_some_and(|p| p.eq_ignore_ascii_case("reject"))
                            || r.prop("policy.published-domain-policy")
                                .is_some_and(|p| p.eq_ignore_ascii_case("reject"))
                            || r.comment.contains("p=reject")
                    });
                Verdict {
                    passed: None,
                    reject,
                    summary: format!(
                        "{what} from {}: {summary}: not authenticated",
                        self.authserv_id
                    ),
                }
            }
        }
    }
}

/// `value` without `( ... )` comments (outside quotes), and the comments of
/// each `;`-separated part, lowercased.
fn strip_comments(value: &str) -> (Vec<String>, String) {
    let mut text = String::new();
    let mut comments = vec![String::new()];
    let mut depth = 0usize;
    let mut quoted = false;
    for c in value.chars() {
        match c {
            '"' if depth == 0 => {
                quoted = !quoted;
                text.push(c);
            }
            '(' if !quoted => depth += 1,
            ')' if !quoted && depth > 0 => {
                depth -= 1;
                if let Some(last) = comments.last_mut() {
                    last.push(' ');
                }
            }
            _ if depth > 0 => {
                if let Some(last) = comments.last_mut() {
                    last.extend(c.to_lowercase());
                }
            }
            ';' if !quoted => {
                comments.push(String::new());
                text.push(c);
            }
            _ => text.push(c),
        }
    }
    (comments, text)
}

fn split_unquoted(text: &str, sep: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut quoted = false;
    for c in text.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        if c == sep && !quoted {
            parts.push(String::new());
        } else if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trusted(raw: &str) -> Verdict {
        verify(
            raw.as_bytes(),
            "example.com",
            &Source::TrustAuthResults("mx.desk.test".into()),
        )
        .unwrap()
    }

    #[test]
    fn only_the_topmost_header_of_the_trusted_server_counts() {
        let forged_below = "Authentication-Results: mx.desk.test; dmarc=fail (p=reject dis=none) header.from=example.com\r\n\
            Authentication-Results: mx.desk.test; dmarc=pass header.from=example.com\r\n\
            From: a@example.com\r\n\r\nbody\r\n";
        let v = trusted(forged_below);
        assert!(!v.authenticated(), "{v:?}");
        assert!(v.reject);

        let spoofed_other_id =
            "Authentication-Results: mx.desk.test; dmarc=fail header.from=example.com\r\n\
            Authentication-Results: evil.example; dmarc=pass header.from=example.com\r\n\
            From: a@example.com\r\n\r\nbody\r\n";
        let v = trusted(spoofed_other_id);
        assert!(!v.authenticated());
        assert!(!v.reject, "p=reject not stated");

        let temp = verify(
            b"Authentication-Results: mx.desk.test; dmarc=temperror header.from=example.com\r\nFrom: a@example.com\r\n\r\nb\r\n",
            "example.com",
            &Source::TrustAuthResults("mx.desk.test".into()),
        );
        assert!(temp.is_err(), "the server could not check: retry later");

        let none = trusted("From: a@example.com\r\n\r\nbody\r\n");
        assert!(!none.authenticated());
        assert!(none
            .summary
            .contains("no Authentication-Results from mx.desk.test"));
    }

    #[test]
    fn dmarc_pass_or_aligned_dkim_or_spf_without_a_record() {
        let v = trusted(
            "Authentication-Results: mx.desk.test;\r\n\tdkim=pass (2048-bit key) header.d=example.com header.s=s1;\r\n\tspf=fail smtp.mailfrom=example.com;\r\n\tdmarc=pass (p=REJECT) header.from=example.com\r\nFrom: a@example.com\r\n\r\nb\r\n",
        );
        assert_eq!(v.passed, Some(How::Dkim));
        let v = trusted("Authentication-Results: mx.desk.test; spf=pass smtp.mailfrom=bounce@mail.example.com\r\nFrom: a@example.com\r\n\r\nb\r\n");
        assert_eq!(v.passed, Some(How::Spf), "aligned SPF, no DMARC");
        let v = trusted("Authentication-Results: mx.desk.test; dkim=pass header.d=evil.example\r\nFrom: a@example.com\r\n\r\nb\r\n");
        assert_eq!(
            v.passed, None,
            "a signature of another domain proves nothing"
        );
        let v = trusted("Authentication-Results: mx.desk.test; dkim=pass header.d=example.com; dmarc=pass header.from=other.example\r\nFrom: a@example.com\r\n\r\nb\r\n");
        assert_eq!(
            v.passed,
            Some(How::Dkim),
            "DMARC about another From is ignored"
        );
        let v = trusted("Authentication-Results: mx.desk.test; dmarc=fail policy.dmarc=reject header.from=example.com\r\nFrom: a@example.com\r\n\r\nb\r\n");
        assert!(v.reject && !v.authenticated());
    }

    #[test]
    fn alignment_is_the_same_organizational_domain() {
        assert!(aligned("example.com", "example.com"));
        assert!(aligned("mail.example.com", "example.com"));
        assert!(aligned("example.com", "support.example.com"));
        assert!(aligned("mail.example.com", "support.example.com"));
        assert!(aligned("Mail.Example.CO.UK.", "example.co.uk"));
        assert!(!aligned("com", "example.com"), "a bare TLD never aligns");
        assert!(!aligned("co.uk", "example.co.uk"), "nor a public suffix");
        assert!(!aligned("other.co.uk", "example.co.uk"));
        assert!(!aligned("badexample.com", "example.com"));
        assert!(!aligned("example.com.evil", "example.com"));
    }

    #[test]
    fn arc_results_skip_the_instance() {
        let ar = AuthResults::parse_arc("i=1; lists.example.org; dkim=pass header.d=example.com; dmarc=pass header.from=example.com").unwrap();
        assert_eq!(ar.authserv_id, "lists.example.org");
        assert_eq!(ar.results.len(), 2);
    }
}
