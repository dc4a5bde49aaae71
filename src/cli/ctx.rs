//! The seam between a command and the world: output writers, what is a
//! terminal, whether we may prompt, the profile, and the ApiClient (built
//! only when a command needs it, so `--help`-like paths never touch config).

use std::io::{IsTerminal, Write};

use serde::Serialize;

use super::config::{ProfileConfig, Store, DEFAULT_PROFILE};
use super::error::{CliError, Result};
use super::terminal;
use super::GlobalArgs;
use crate::api::{AuthorRole, Me};
use crate::client::{normalize_url, ApiClient, ApiError};
use crate::i18n::{self, Lang};
use crate::t;

/// Where the token in use came from; shown by `whoami`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TokenSource {
    /// `ECOLO_TOKEN`, which beats stored credentials.
    Env,
    /// The profile's entry in the credentials file.
    Stored,
}

pub struct Ctx {
    pub out: Box<dyn Write>,
    pub err: Box<dyn Write>,
    pub out_tty: bool,
    pub err_tty: bool,
    pub stdin_tty: bool,
    pub json: bool,
    pub verbose: bool,
    pub no_input: bool,
    /// `CI=true` or `CI=1`: never prompt.
    pub ci: bool,
    pub profile: String,
    pub store: Store,
    /// What people read is in this language (`Lang::detect`); JSON,
    /// slugs, exit codes and tab-separated output never depend on it.
    pub lang: Lang,
    url_flag: Option<String>,
    env_token: Option<String>,
    client: Option<ApiClient>,
    token_source: Option<TokenSource>,
    /// `GET /v1/me`, asked at most once per run.
    me: Option<Me>,
}

impl Ctx {
    /// The real process: stdout/stderr, environment, config dir.
    pub fn from_process(global: &GlobalArgs) -> Result<Ctx> {
        let ci = std::env::var("CI")
            .map(|v| {
                let v = v.trim().to_ascii_lowercase();
                v == "true" || v == "1"
            })
            .unwrap_or(false);
        let env_token = std::env::var("ECOLO_TOKEN")
            .ok()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        let out_tty = std::io::stdout().is_terminal();
        let err_tty = std::io::stderr().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        console::set_colors_enabled(out_tty && !no_color);
        console::set_colors_enabled_stderr(err_tty && !no_color);
        let store = Store::locate()?;
        // A damaged config.json is reported by the command that needs it.
        let setting = store.language().ok().flatten();
        let lang = Lang::detect(|n| std::env::var(n).ok(), setting);
        // Renderings (Display of results and errors) read it from here.
        i18n::set(lang);
        // Piped output is written in large blocks and flushed once at exit
        // (`ecolo ticket list --json | jq` wrote a syscall per JSON token);
        // a terminal keeps the standard line buffering, so nothing shown
        // before a prompt is held back.
        let out: Box<dyn Write> = if out_tty {
            Box::new(std::io::stdout())
        } else {
            Box::new(std::io::BufWriter::with_capacity(
                64 * 1024,
                std::io::stdout(),
            ))
        };
        Ok(Ctx {
            out,
            err: Box::new(std::io::stderr()),
            out_tty,
            err_tty,
            stdin_tty: std::io::stdin().is_terminal(),
            json: global.json,
            verbose: global.verbose,
            no_input: global.no_input,
            ci,
            profile: global
                .profile
                .clone()
                .filter(|p| !p.trim().is_empty())
                .unwrap_or_else(|| DEFAULT_PROFILE.to_string()),
            store,
            lang,
            url_flag: global.url.clone().filter(|u| !u.trim().is_empty()),
            env_token,
            client: None,
            token_source: None,
            me: None,
        })
    }

    /// A context writing into `out`/`err`, with no terminal and no client
    /// yet: what unit tests of renderings use.
    pub fn with_writers(
        out: Box<dyn Write>,
        err: Box<dyn Write>,
        json: bool,
        out_tty: bool,
        store: Store,
    ) -> Ctx {
        Ctx {
            out,
            err,
            out_tty,
            err_tty: false,
            stdin_tty: false,
            json,
            verbose: false,
            no_input: false,
            ci: false,
            profile: DEFAULT_PROFILE.to_string(),
            store,
            lang: i18n::current(),
            url_flag: None,
            env_token: None,
            client: None,
            token_source: None,
            me: None,
        }
    }

    /// Prompts only when a person can answer: stdin and stderr are
    /// terminals, and neither `--no-input` nor `CI` says otherwise.
    pub fn can_prompt(&self) -> bool {
        self.stdin_tty && self.err_tty && !self.no_input && !self.ci
    }

    /// Progress bars: only for a person watching, never mixed into JSON.
    pub fn show_progress(&self) -> bool {
        self.err_tty && !self.json
    }

    pub fn profile_config(&self) -> Result<ProfileConfig> {
        Ok(self.store.profile(&self.profile)?)
    }

    /// `--url`/`ECOLO_URL`, else the profile's URL.
    pub fn desk_url(&self) -> Result<Option<String>> {
        let url = match &self.url_flag {
            Some(u) => Some(u.clone()),
            None => self.profile_config()?.url,
        };
        url.map(|u| {
            normalize_url(&u)
                .map_err(|e| CliError::usage(t!("bad-url-flag", reason = e.to_string())))
        })
        .transpose()
    }

    pub fn url_from_flag(&self) -> Option<&str> {
        self.url_flag.as_deref()
    }

    fn require_url(&self) -> Result<String> {
        self.desk_url()?
            .ok_or_else(|| CliError::usage(t!("no-desk-url")))
    }

    /// The token to use: `ECOLO_TOKEN` beats stored credentials.
    fn token(&self) -> Result<Option<(String, TokenSource)>> {
        if let Some(t) = &self.env_token {
            return Ok(Some((t.clone(), TokenSource::Env)));
        }
        Ok(self
            .store
            .credential(&self.profile)?
            .map(|c| (c.token, TokenSource::Stored)))
    }

    /// A stored token goes only to the desk that issued it: `--url` or
    /// `ECOLO_URL` pointing elsewhere must not receive it.
    fn stored_login_elsewhere(&self, url: &str) -> Result<Option<String>> {
        Ok(self.profile_config()?.url.filter(|u| u != url))
    }

    /// The client with credentials; fails with "run `ecolo login`" without.
    pub fn client(&mut self) -> Result<&ApiClient> {
        if self.client.as_ref().is_some_and(|c| c.has_token()) {
            return Ok(self.client.as_ref().expect("checked"));
        }
        let (token, source) = self.token()?.ok_or_else(|| ApiError::NotLoggedIn {
            profile: self.profile.clone(),
        })?;
        let url = self.require_url()?;
        if source == TokenSource::Stored {
            if let Some(login_url) = self.stored_login_elsewhere(&url)? {
                return Err(ApiError::LoggedInElsewhere {
                    profile: self.profile.clone(),
                    login_url,
                    url,
                }
                .into());
            }
        }
        self.client = Some(ApiClient::new(&url, Some(token), self.verbose)?);
        self.token_source = Some(source);
        Ok(self.client.as_ref().expect("just set"))
    }

    /// A client for endpoints that need no login (categories, limits); it
    /// still sends the token when there is one.
    pub fn public_client(&mut self) -> Result<&ApiClient> {
        if self.client.is_none() {
            let url = self.require_url()?;
            let mut token = self.token()?;
            if matches!(token, Some((_, TokenSource::Stored)))
                && self.stored_login_elsewhere(&url)?.is_some()
            {
                token = None;
            }
            self.token_source = token.as_ref().map(|(_, s)| *s);
            self.client = Some(ApiClient::new(&url, token.map(|(t, _)| t), self.verbose)?);
        }
        Ok(self.client.as_ref().expect("just set"))
    }

    /// Who the credentials act as (`GET /v1/me`), asked once per run: what
    /// decides between the support team's and a customer's rendering, and
    /// the staff-only refusals.
    pub fn me(&mut self) -> Result<&Me> {
        if self.me.is_none() {
            let me: Me = self.client()?.get("/v1/me")?;
            self.me = Some(me);
        }
        Ok(self.me.as_ref().expect("just set"))
    }

    /// Whether the credentials are a support agent's.
    pub fn is_staff(&mut self) -> Result<bool> {
        Ok(self.me()?.acting_as.role == AuthorRole::Staff)
    }

    pub fn token_source(&self) -> Option<TokenSource> {
        self.token_source
    }

    pub fn env_token_set(&self) -> bool {
        self.env_token.is_some()
    }

    /// Prints a result: JSON with `--json`; otherwise its Display, in the
    /// alternate (`{:#}`: tab-separated, no header, no colour) form when
    /// stdout is not a terminal. On a terminal, desk data never carries
    /// control characters through (`terminal::for_terminal`).
    pub fn print<T: std::fmt::Display + Serialize>(&mut self, value: &T) -> Result<()> {
        if self.json {
            serde_json::to_writer_pretty(&mut self.out, value)
                .map_err(|e| CliError::Output(e.into()))?;
            writeln!(self.out)?;
        } else if self.out_tty {
            write!(self.out, "{}", terminal::for_terminal(value, false))?;
        } else {
            write!(self.out, "{value:#}")?;
        }
        self.out.flush()?;
        Ok(())
    }

    /// A note for the person (stderr): progress, hints, confirmations.
    pub fn note(&mut self, msg: impl std::fmt::Display) -> Result<()> {
        if self.err_tty {
            writeln!(self.err, "{}", terminal::for_terminal(&msg, false))?;
        } else {
            writeln!(self.err, "{msg}")?;
        }
        Ok(())
    }

    /// A confirmation for a person at a terminal, on stderr like `gh`'s
    /// "✓ ...": never in a pipe or with `--json`, where the result on
    /// stdout already says it.
    pub fn done(&mut self, msg: impl std::fmt::Display) -> Result<()> {
        if self.err_tty && !self.json {
            let mark = console::style("✓").green().for_stderr();
            writeln!(self.err, "{mark} {}", terminal::for_terminal(&msg, false))?;
        }
        Ok(())
    }

    /// A confirmation that scripts see too (login, logout, removals: they
    /// print no result on stdout), with the "✓" only on a terminal.
    pub fn done_always(&mut self, msg: impl std::fmt::Display) -> Result<()> {
        if self.err_tty && !self.json {
            self.done(msg)
        } else {
            self.note(msg)
        }
    }

    /// Writes one line of data to stdout.
    pub fn line(&mut self, msg: impl std::fmt::Display) -> Result<()> {
        if self.out_tty {
            writeln!(self.out, "{}", terminal::for_terminal(&msg, false))?;
        } else {
            writeln!(self.out, "{msg}")?;
        }
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;
    use crate::cli::output::Table;

    /// A writer the test can read back.
    #[derive(Clone, Default)]
    struct Buf(Rc<RefCell<Vec<u8>>>);

    impl Write for Buf {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Buf {
        fn text(&self) -> String {
            String::from_utf8(self.0.borrow().clone()).unwrap()
        }
    }

    #[derive(Serialize)]
    #[serde(transparent)]
    struct Rows(Vec<(u32, String)>);

    impl std::fmt::Display for Rows {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            let mut t = Table::new(vec!["N", "NAME"]);
            for (n, s) in &self.0 {
                t.row(vec![n.to_string().into(), s.as_str().into()]);
            }
            std::fmt::Display::fmt(&t, f)
        }
    }

    fn render(json: bool, tty: bool) -> (String, String) {
        console::set_colors_enabled(false);
        let (out, err) = (Buf::default(), Buf::default());
        let dir = tempfile::tempdir().unwrap();
        let mut ctx = Ctx::with_writers(
            Box::new(out.clone()),
            Box::new(err.clone()),
            json,
            tty,
            Store::at(dir.path()),
        );
        ctx.print(&Rows(vec![(1, "one".into()), (22, "two".into())]))
            .unwrap();
        ctx.note("a hint").unwrap();
        (out.text(), err.text())
    }

    #[test]
    fn one_printer_three_renderings() {
        let (out, err) = render(false, true);
        assert_eq!(out, "N   NAME\n1   one\n22  two\n");
        assert_eq!(err, "a hint\n");
        let (out, _) = render(false, false);
        assert_eq!(out, "1\tone\n22\ttwo\n");
        let (out, _) = render(true, true);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v, serde_json::json!([[1, "one"], [22, "two"]]));
    }

    #[test]
    fn prompting_needs_terminals_and_no_opt_out() {
        let dir = tempfile::tempdir().unwrap();
        let mut ctx = Ctx::with_writers(
            Box::new(Buf::default()),
            Box::new(Buf::default()),
            false,
            true,
            Store::at(dir.path()),
        );
        assert!(!ctx.can_prompt());
        ctx.stdin_tty = true;
        ctx.err_tty = true;
        assert!(ctx.can_prompt());
        ctx.ci = true;
        assert!(!ctx.can_prompt());
        ctx.ci = false;
        ctx.no_input = true;
        assert!(!ctx.can_prompt());
    }
}
