//! `ecolo-bench`: does the desk cost the same at a million tickets as at a
//! thousand, and does the client keep pace with curl? (issue 11)
//!
//! It builds two desks through the store's own functions (a small one and
//! one of `--tickets N`), measures the same figures against each through
//! the real `ecolo-desk` and `ecolo` binaries, prints a table with the
//! ratio and the target of each, and exits 1 when a target is missed.
//! It runs on demand (`cargo build --release --bins`, then
//! `cargo run --release --bin ecolo-bench -- --tickets N`), never in CI.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::Parser;

use ecolo::api::{Channel, CloseRequest, NewMessage, NewTicket, Priority};
use ecolo::desk::config::StoreConfig;
use ecolo::desk::mail::notify;
use ecolo::desk::store::{Confirmation, Login, Store};
use ecolo::desk::Actor;

#[derive(Debug, Parser)]
#[command(
    name = "ecolo-bench",
    about = "Measures the desk at two sizes and the client against curl"
)]
struct Args {
    /// Tickets in the large desk
    #[arg(long, default_value_t = 100_000)]
    tickets: u64,
    /// Tickets in the small desk the large one is compared with
    #[arg(long, default_value_t = 1_000)]
    small: u64,
    /// Seconds of each `wrk -c32` run
    #[arg(long, default_value_t = 10)]
    wrk_seconds: u64,
    /// Requests of each sequential HTTP figure
    #[arg(long, default_value_t = 500)]
    requests: usize,
    /// Mails piped for each `pipe` figure
    #[arg(long, default_value_t = 100)]
    mails: usize,
    /// Size of the upload/download file, in MiB
    #[arg(long, default_value_t = 1024)]
    upload_mib: u64,
    /// Skip the client-vs-curl figures
    #[arg(long)]
    skip_client: bool,
    /// Only the client-vs-curl figures (no desks of --small/--tickets built)
    #[arg(long, conflicts_with = "skip_client")]
    only_client: bool,
    /// Keep the desks' directories (their paths are printed)
    #[arg(long)]
    keep: bool,
    /// Measure a copy of the large desk a `--keep` run left in DIR instead
    /// of building one (`--tickets` is then read from it); the copy is
    /// opened by this version's store, so older desks are migrated first
    #[arg(long, value_name = "DIR")]
    large_from: Option<PathBuf>,
}

const OWNER: &str = "owner@example.com";
const AGENT: &str = "agent@example.com";
/// Tickets opened per transaction while building a desk.
const BATCH: usize = 5_000;
const DOMAIN: &str = "desk.localhost";

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("ecolo-bench: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// One line of the report.
struct Row {
    figure: String,
    a: String,
    b: String,
    ratio: Option<f64>,
    target: String,
    pass: Option<bool>,
}

fn run(args: Args) -> Result<bool> {
    let bins = Bins::find()?;
    let mut ok = true;
    if !args.only_client {
        ok &= desk_table(&bins, &args)?;
    }
    if !args.skip_client {
        let rows = client_figures(&bins, &args)?;
        ok &= print_table("client vs curl", "ecolo", "curl/bound", &rows);
    }
    println!(
        "\n{}",
        if ok {
            "all targets met"
        } else {
            "TARGETS MISSED"
        }
    );
    Ok(ok)
}

/// The desk figures at both sizes, printed; whether all targets were met.
fn desk_table(bins: &Bins, args: &Args) -> Result<bool> {
    let wrk = which("wrk");
    if wrk.is_none() {
        eprintln!(
            "wrk is not installed: the `wrk -c32` figures are skipped (install it with \
             `apt-get install -y wrk`)"
        );
    }
    let mut built = vec![];
    eprintln!("== building a desk of {} tickets", args.small);
    built.push(BenchDesk::build(args.small, args.keep)?);
    match &args.large_from {
        Some(dir) => {
            eprintln!("== copying the desk kept in {}", dir.display());
            built.push(BenchDesk::copy_of(dir)?);
        }
        None => {
            eprintln!("== building a desk of {} tickets", args.tickets);
            built.push(BenchDesk::build(args.tickets, args.keep)?);
        }
    }
    let desks: [BenchDesk; 2] = built.try_into().map_err(|_| anyhow::anyhow!("two desks"))?;
    eprintln!("== measuring both");
    let [small, large] = desk_figures(&desks, bins, args, wrk.as_deref())?;
    let (small, large) = (&small, &large);
    let mut rows = vec![];
    for (s, l) in small.iter().zip(large) {
        let ratio = match (s.value, l.value) {
            (Some(a), Some(b)) if a > 0.0 => Some(b / a),
            _ => None,
        };
        let pass = match (l.check)(l.value, ratio) {
            Check::Skip => None,
            Check::Pass => Some(true),
            Check::Fail => Some(false),
        };
        rows.push(Row {
            figure: l.name.clone(),
            a: s.shown(),
            b: l.shown(),
            ratio: if l.ratio_matters { ratio } else { None },
            target: l.target.clone(),
            pass,
        });
    }
    Ok(print_table(
        &format!("desk: {} vs {} tickets", args.small, args.tickets),
        &format!("{} tickets", args.small),
        &format!("{} tickets", args.tickets),
        &rows,
    ))
}

fn print_table(title: &str, a: &str, b: &str, rows: &[Row]) -> bool {
    // Columns as wide as their longest cell (34 and 22 at least).
    let width = |cell: fn(&Row) -> &str, least: usize| {
        rows.iter().map(|r| cell(r).len()).fold(least, usize::max)
    };
    let fw = width(|r| &r.figure, 34);
    let tw = width(|r| &r.target, 22);
    println!("\n{title}");
    println!(
        "| {:<fw$} | {:>16} | {:>16} | {:>6} | {:<tw$} | {:<4} |",
        "figure", a, b, "ratio", "target", ""
    );
    println!(
        "|{:-<fw2$}|{:->18}|{:->18}|{:->8}|{:-<tw2$}|{:-<6}|",
        "",
        "",
        "",
        "",
        "",
        "",
        fw2 = fw + 2,
        tw2 = tw + 2
    );
    let mut ok = true;
    for r in rows {
        let verdict = match r.pass {
            Some(true) => "PASS",
            Some(false) => {
                ok = false;
                "FAIL"
            }
            None => "skip",
        };
        let ratio = r.ratio.map(|x| format!("{x:.2}x")).unwrap_or_default();
        println!(
            "| {:<fw$} | {:>16} | {:>16} | {:>6} | {:<tw$} | {:<4} |",
            r.figure, r.a, r.b, ratio, r.target, verdict
        );
    }
    let _ = std::io::stdout().flush();
    ok
}

enum Check {
    Pass,
    Fail,
    Skip,
}

/// One figure measured on one desk.
struct Figure {
    name: String,
    value: Option<f64>,
    unit: &'static str,
    target: String,
    /// Whether the large/small ratio is what the target is about.
    ratio_matters: bool,
    check: fn(Option<f64>, Option<f64>) -> Check,
}

impl Figure {
    fn shown(&self) -> String {
        match self.value {
            Some(v) if v >= 100.0 => format!("{v:.0} {}", self.unit),
            Some(v) => format!("{v:.2} {}", self.unit),
            None => "n/a".into(),
        }
    }
}

fn throughput(name: &str, value: Option<f64>, unit: &'static str) -> Figure {
    Figure {
        name: name.into(),
        value,
        unit,
        target: "large >= 0.8x small".into(),
        ratio_matters: true,
        check: |_, ratio| match ratio {
            None => Check::Skip,
            Some(r) if r >= 0.8 => Check::Pass,
            Some(_) => Check::Fail,
        },
    }
}

/// Every desk figure for both desks. The two are measured in alternating
/// rounds (small, large, large, small, ...) and each keeps its best round,
/// so load from other work on the machine hits both alike.
fn desk_figures(
    desks: &[BenchDesk; 2],
    bins: &Bins,
    args: &Args,
    wrk: Option<&Path>,
) -> Result<[Vec<Figure>; 2]> {
    let servers = [
        Server::start(bins, &desks[0].db, &[])?,
        Server::start(bins, &desks[1].db, &[])?,
    ];
    let http = reqwest::blocking::Client::new();
    let open_body = r#"{"category":"billing","subject":"Benchmark","message":"One more ticket."}"#;
    let auth = |d: usize| format!("Bearer {}", desks[d].token);

    // Sequential opens over one keep-alive connection.
    let seq_opens = paired_rate(args.requests, |d, _| {
        let resp = http
            .post(format!("{}/v1/tickets", servers[d].url))
            .header("Authorization", auth(d))
            .header("Content-Type", "application/json")
            .body(open_body)
            .send()?;
        if resp.status().as_u16() != 201 {
            bail!(
                "POST /v1/tickets answered {}: {}",
                resp.status(),
                resp.text()?
            );
        }
        Ok(())
    })?;
    eprintln!(
        "  sequential opens: {:.0}/s, {:.0}/s",
        seq_opens[0], seq_opens[1]
    );

    let mut wrk_results: [Option<Wrk>; 2] = [None, None];
    if let Some(wrk) = wrk {
        for round in 0..2 {
            for d in order(round) {
                let w = run_wrk(
                    wrk,
                    &servers[d].url,
                    &desks[d].token,
                    open_body,
                    args.wrk_seconds,
                )?;
                eprintln!(
                    "  wrk -c32 opens ({} tickets): {:.0}/s, {} errors, p50 {:.1} ms, p99 {:.1} ms",
                    desks[d].tickets, w.rps, w.errors, w.p50_ms, w.p99_ms
                );
                let best = &mut wrk_results[d];
                match best {
                    Some(b) if b.rps >= w.rps => b.errors += w.errors,
                    Some(b) => {
                        let errors = b.errors + w.errors;
                        *b = Wrk { errors, ..w };
                    }
                    None => *best = Some(w),
                }
            }
        }
    }

    // The first page, as `ecolo ticket list` asks for it.
    let list = paired_rate(args.requests, |d, _| {
        let resp = http
            .get(format!("{}/v1/tickets?limit=30", servers[d].url))
            .header("Authorization", auth(d))
            .send()?;
        if !resp.status().is_success() {
            bail!("GET /v1/tickets answered {}", resp.status());
        }
        resp.bytes()?;
        Ok(())
    })?;
    eprintln!(
        "  GET /v1/tickets?limit=30: {:.0}/s, {:.0}/s",
        list[0], list[1]
    );

    // Other pages against that first one (each within 1.5x of its time).
    // The 10,000th page (the last one of a smaller desk) is found by
    // walking the list to it.
    let mut deep = vec![];
    for d in 0..2 {
        let started = Instant::now();
        let (page, cursor) = walk_to_page(&http, &servers[d].url, &auth(d), 10_000)?;
        eprintln!(
            "  walked {} tickets to page {page} in {:.1} s",
            desks[d].tickets,
            started.elapsed().as_secs_f64()
        );
        deep.push((page, cursor));
    }
    let few = |d: usize| format!("search=ticket+{}", desks[d].tickets / 2);
    let pages: Vec<(String, [String; 2], bool)> = vec![
        (
            format!("page {} (cursor)", deep[1].0),
            [0, 1].map(|d| format!("cursor={}", deep[d].1)),
            false,
        ),
        (
            "status=all".into(),
            [0, 1].map(|_| "status=all".into()),
            false,
        ),
        (
            "status=closed".into(),
            [0, 1].map(|_| "status=closed".into()),
            false,
        ),
        (
            "category=quotes".into(),
            [0, 1].map(|_| "category=quotes".into()),
            false,
        ),
        (
            "status=customer-reply&category=quotes".into(),
            [0, 1].map(|_| "status=customer-reply&category=quotes".into()),
            false,
        ),
        (
            "agents' queue (waiting)".into(),
            [0, 1].map(|_| String::new()),
            true,
        ),
        (
            "queue: category=quotes&assignee=none".into(),
            [0, 1].map(|_| "category=quotes&assignee=none".into()),
            true,
        ),
        (
            "agents: status=answered".into(),
            [0, 1].map(|_| "status=answered".into()),
            true,
        ),
        (
            "search=down (every ticket)".into(),
            [0, 1].map(|_| "search=down".into()),
            false,
        ),
        (
            "search=ticket+N/2 (one ticket)".into(),
            [0, 1].map(few),
            false,
        ),
    ];
    // Each page against the first one on the same desk, in alternating
    // rounds of the two, so load from elsewhere hits both alike.
    let mut page_costs = vec![];
    for (name, queries, as_agent) in &pages {
        let mut cost = [0.0; 2];
        let mut shown = [0.0; 2];
        for d in 0..2 {
            let token = if *as_agent {
                &desks[d].agent_token
            } else {
                &desks[d].token
            };
            let get = |token: &str, query: &str| -> Result<()> {
                let resp = http
                    .get(format!("{}/v1/tickets?limit=30&{query}", servers[d].url))
                    .header("Authorization", format!("Bearer {token}"))
                    .send()?;
                if !resp.status().is_success() {
                    bail!("GET /v1/tickets?{query} answered {}", resp.status());
                }
                resp.bytes()?;
                Ok(())
            };
            let [first, this] = paired_rate(args.requests, |which, _| {
                if which == 0 {
                    get(&desks[d].token, "")
                } else {
                    get(token, &queries[d])
                }
            })?;
            cost[d] = first / this;
            shown[d] = this;
        }
        eprintln!(
            "  {name}: {:.0}/s, {:.0}/s ({:.2}x, {:.2}x the first page)",
            shown[0], shown[1], cost[0], cost[1]
        );
        page_costs.push((name.clone(), cost));
    }
    drop(servers);

    let dns = no_records_dns()?;
    let owner_mail = paired_rate(args.mails, |d, i| {
        pipe_one(
            bins,
            &desks[d].db,
            &dns,
            &format!(
                "From: Owner <{OWNER}>\r\nTo: billing@{DOMAIN}\r\nSubject: Mail {i}\r\n\
                 Message-ID: <bench-owner-{i}-{}@example.com>\r\n\r\nOpened by mail.\r\n",
                desks[d].tickets
            ),
        )
    })?;
    eprintln!(
        "  pipe of owner mail: {:.0}/s, {:.0}/s",
        owner_mail[0], owner_mail[1]
    );
    let stranger_mail = paired_rate(args.mails, |d, i| {
        pipe_one(
            bins,
            &desks[d].db,
            &dns,
            &format!(
                "From: Stranger <stranger{i}@example.org>\r\nTo: billing@{DOMAIN}\r\n\
                 Subject: Hola {i}\r\nMessage-ID: <bench-stranger-{i}-{}@example.org>\r\n\r\nHola.\r\n",
                desks[d].tickets
            ),
        )
    })?;
    eprintln!(
        "  pipe of stranger mail: {:.0}/s, {:.0}/s",
        stranger_mail[0], stranger_mail[1]
    );

    let mut out = vec![];
    for d in 0..2 {
        let seq_opens = seq_opens[d];
        let wrk_result = wrk_results[d].take();
        let (list, owner_mail, stranger_mail) = (list[d], owner_mail[d], stranger_mail[d]);
        let desk = &desks[d];
        let mut figures = vec![
            throughput("sequential opens (HTTP)", Some(seq_opens), "/s"),
            throughput("wrk -c32 opens", wrk_result.as_ref().map(|w| w.rps), "/s"),
            Figure {
                name: "wrk -c32 errors".into(),
                value: wrk_result.as_ref().map(|w| w.errors as f64),
                unit: "",
                target: "0".into(),
                ratio_matters: false,
                check: |v, _| match v {
                    None => Check::Skip,
                    Some(0.0) => Check::Pass,
                    Some(_) => Check::Fail,
                },
            },
            Figure {
                name: "wrk -c32 p50".into(),
                value: wrk_result.as_ref().map(|w| w.p50_ms),
                unit: "ms",
                target: "".into(),
                ratio_matters: false,
                check: |_, _| Check::Skip,
            },
            Figure {
                name: "wrk -c32 p99/p50".into(),
                value: wrk_result.as_ref().map(|w| w.p99_ms / w.p50_ms.max(0.001)),
                unit: "x",
                target: "<= 10x".into(),
                ratio_matters: false,
                check: |v, _| match v {
                    None => Check::Skip,
                    Some(v) if v <= 10.0 => Check::Pass,
                    Some(_) => Check::Fail,
                },
            },
            Figure {
                name: "wrk -c32 / sequential opens".into(),
                value: wrk_result.as_ref().map(|w| w.rps / seq_opens),
                unit: "x",
                target: ">= 1x".into(),
                ratio_matters: false,
                check: |v, _| match v {
                    None => Check::Skip,
                    Some(v) if v >= 1.0 => Check::Pass,
                    Some(_) => Check::Fail,
                },
            },
            throughput("pipe of owner mail", Some(owner_mail), "/s"),
            throughput("pipe of stranger mail", Some(stranger_mail), "/s"),
            throughput("GET /v1/tickets?limit=30", Some(list), "/s"),
        ];
        for (name, cost) in &page_costs {
            figures.push(Figure {
                name: format!("  {name}"),
                value: Some(cost[d]),
                unit: "x",
                target: "<= 1.5x first page".into(),
                ratio_matters: false,
                check: |v, _| match v {
                    None => Check::Skip,
                    Some(v) if v <= 1.5 => Check::Pass,
                    Some(_) => Check::Fail,
                },
            });
        }
        figures.push(Figure {
            name: "database size".into(),
            value: Some(std::fs::metadata(&desk.db)?.len() as f64 / 1048576.0),
            unit: "MiB",
            target: "".into(),
            ratio_matters: false,
            check: |_, _| Check::Skip,
        });
        out.push(figures);
    }
    let [a, b]: [Vec<Figure>; 2] = out.try_into().map_err(|_| anyhow::anyhow!("two desks"))?;
    Ok([a, b])
}

/// A desk built through the store, with a session token for its owner.
struct BenchDesk {
    db: PathBuf,
    token: String,
    /// A session of a support agent working every category.
    agent_token: String,
    tickets: u64,
    _dir: Option<tempfile::TempDir>,
}

impl BenchDesk {
    fn build(n: u64, keep: bool) -> Result<BenchDesk> {
        let dir = tempfile::Builder::new().prefix("ecolo-bench-").tempdir()?;
        let db = dir.path().join("desk.db");
        let store = Store::open(StoreConfig::new(&db))?;
        let owner = store.create_account(OWNER, "Owner", "a bench passphrase")?;
        let principal = Actor::Customer(store.owner_principal(owner)?);
        let agent = store.add_agent(AGENT, "Agent", "a bench passphrase", &[], None)?;
        let agent = store
            .find_agent(&agent.email)?
            .context("the bench's agent vanished")?;
        let started = Instant::now();
        let categories = ["billing", "control-panel", "quotes", "email"];
        let mut batch = Vec::with_capacity(BATCH);
        let mut last_report = 0;
        for i in 0..n {
            batch.push(NewTicket {
                category: categories[(i % 4) as usize].to_string(),
                subject: format!("Ticket {i}"),
                message: format!("Message of ticket {i}: the site is down again."),
                priority: Priority::Medium,
                attachments: vec![],
            });
            if batch.len() < BATCH && i + 1 < n {
                continue;
            }
            let numbers = store.open_tickets_in_bulk(&principal, &batch, Confirmation::Send)?;
            // One in a hundred of each other status, so the status filters
            // have something to find (one transaction each, as in use).
            let first = i + 1 - batch.len() as u64;
            for (j, number) in numbers.into_iter().enumerate() {
                match (first + j as u64) % 100 {
                    1 => {
                        let reply = NewMessage {
                            message: "Any news?".into(),
                            attachments: vec![],
                        };
                        store.add_message(&principal, number, &reply, Channel::Cli, None)?;
                    }
                    2 => {
                        store.staff_reply(number, "Fixed.", Some(&agent))?;
                    }
                    3 => {
                        store.close_ticket(&principal, number, &CloseRequest::default())?;
                    }
                    _ => {}
                }
            }
            batch.clear();
            let done = i + 1;
            if done - last_report >= (n / 10).max(BATCH as u64) || done == n {
                last_report = done;
                eprintln!(
                    "  built {done} of {n} tickets in {:.1} s",
                    started.elapsed().as_secs_f64()
                );
            }
        }
        // A running desk would have rendered every change's mail and sent
        // it by now (else the first `pipe` measured would render them all).
        notify::render_pending(&store)?;
        store.mark_all_mail_sent()?;
        eprintln!(
            "  built and mailed in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        let token = store.create_session(Login::Account(owner))?;
        let agent_token = store.create_session(Login::Agent(agent.agent_id))?;
        let kept = if keep {
            std::fs::write(dir.path().join("tickets"), n.to_string())?;
            let path = dir.keep();
            eprintln!("  kept at {}", path.display());
            None
        } else {
            Some(dir)
        };
        Ok(BenchDesk {
            db,
            token,
            agent_token,
            tickets: n,
            _dir: kept,
        })
    }
}

impl BenchDesk {
    /// A copy of the desk `build` kept in `kept`, with new sessions.
    fn copy_of(kept: &Path) -> Result<BenchDesk> {
        let n: u64 = std::fs::read_to_string(kept.join("tickets"))
            .context("no `tickets` file: not a directory a `--keep` run left")?
            .trim()
            .parse()?;
        let dir = tempfile::Builder::new().prefix("ecolo-bench-").tempdir()?;
        let db = dir.path().join("desk.db");
        let started = Instant::now();
        for suffix in ["", "-wal"] {
            let from = kept.join(format!("desk.db{suffix}"));
            if from.exists() {
                std::fs::copy(&from, dir.path().join(format!("desk.db{suffix}")))?;
            }
        }
        let store = Store::open(StoreConfig::new(&db))?;
        eprintln!(
            "  copied and opened (migrated if older) in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        let login = |email| {
            store
                .verify_login(email, "a bench passphrase")?
                .with_context(|| format!("no {email} in the kept desk"))
        };
        let token = store.create_session(login(OWNER)?)?;
        let agent_token = store.create_session(login(AGENT)?)?;
        Ok(BenchDesk {
            db,
            token,
            agent_token,
            tickets: n,
            _dir: Some(dir),
        })
    }
}

/// The release binaries next to this one.
struct Bins {
    desk: PathBuf,
    ecolo: PathBuf,
}

impl Bins {
    fn find() -> Result<Bins> {
        let me = std::env::current_exe()?;
        let dir = me.parent().context("no directory for the bench binary")?;
        let bins = Bins {
            desk: dir.join("ecolo-desk"),
            ecolo: dir.join("ecolo"),
        };
        for b in [&bins.desk, &bins.ecolo] {
            if !b.is_file() {
                bail!(
                    "{} is missing: run `cargo build --release --bins` first",
                    b.display()
                );
            }
        }
        Ok(bins)
    }
}

/// `ecolo-desk serve` on a free loopback port, stopped on drop.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start(bins: &Bins, db: &Path, extra: &[&str]) -> Result<Server> {
        let mut child = Command::new(&bins.desk)
            .arg("--db")
            .arg(db)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(extra)
            .env("ECOLO_DESK_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .context("cannot start ecolo-desk")?;
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped")).read_line(&mut line)?;
        let url = line
            .trim()
            .strip_prefix("listening on ")
            .with_context(|| format!("ecolo-desk said `{line}` instead of its address"))?
            .to_string();
        Ok(Server { child, url })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        #[cfg(unix)]
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM);
        }
        let _ = self.child.wait();
    }
}

struct Wrk {
    rps: f64,
    errors: u64,
    p50_ms: f64,
    p99_ms: f64,
}

fn run_wrk(wrk: &Path, url: &str, token: &str, body: &str, secs: u64) -> Result<Wrk> {
    let script = tempfile::Builder::new().suffix(".lua").tempfile()?;
    std::fs::write(
        script.path(),
        format!(
            "wrk.method = \"POST\"\nwrk.body = '{body}'\n\
             wrk.headers[\"Content-Type\"] = \"application/json\"\n\
             wrk.headers[\"Authorization\"] = \"Bearer {token}\"\n"
        ),
    )?;
    let out = Command::new(wrk)
        .args(["-t2", "-c32", "--latency", "--timeout", "30s"])
        .arg(format!("-d{secs}s"))
        .arg("-s")
        .arg(script.path())
        .arg(format!("{url}/v1/tickets"))
        .output()
        .context("cannot run wrk")?;
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    if !out.status.success() {
        bail!("wrk failed: {text}{}", String::from_utf8_lossy(&out.stderr));
    }
    parse_wrk(&text).with_context(|| format!("cannot read wrk's output:\n{text}"))
}

fn parse_wrk(text: &str) -> Option<Wrk> {
    let mut w = Wrk {
        rps: 0.0,
        errors: 0,
        p50_ms: 0.0,
        p99_ms: 0.0,
    };
    for line in text.lines().map(str::trim) {
        let mut words = line.split_whitespace();
        match words.next()? {
            "Requests/sec:" => w.rps = words.next()?.parse().ok()?,
            "50%" => w.p50_ms = millis(words.next()?)?,
            "99%" => w.p99_ms = millis(words.next()?)?,
            "Non-2xx" => w.errors += line.rsplit(' ').next()?.parse::<u64>().ok()?,
            "Socket" => {
                // Socket errors: connect 0, read 0, write 0, timeout 0
                for part in line.split(',') {
                    w.errors += part.rsplit(' ').next()?.parse::<u64>().ok()?;
                }
            }
            _ => {}
        }
    }
    Some(w)
}

fn millis(s: &str) -> Option<f64> {
    let (num, scale) = if let Some(n) = s.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = s.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = s.strip_suffix('s') {
        (n, 1000.0)
    } else {
        return None;
    };
    Some(num.parse::<f64>().ok()? * scale)
}

/// Walks the owner's list 30 tickets a page up to page `page` (or the
/// last page of a smaller desk); answers which page that is and the
/// cursor that asks for it.
fn walk_to_page(
    http: &reqwest::blocking::Client,
    url: &str,
    auth: &str,
    page: usize,
) -> Result<(usize, String)> {
    let mut cursor: Option<String> = None;
    let mut at = 1;
    while at < page {
        let mut req = http
            .get(format!("{url}/v1/tickets"))
            .query(&[("limit", "30")])
            .header("Authorization", auth);
        if let Some(c) = &cursor {
            req = req.query(&[("cursor", c)]);
        }
        let body: serde_json::Value = req.send()?.error_for_status()?.json()?;
        match body["next_cursor"].as_str() {
            Some(next) => {
                cursor = Some(next.to_string());
                at += 1;
            }
            None => break,
        }
    }
    let cursor = cursor.context("the list has a single page")?;
    Ok((at, cursor))
}

/// One mail through `ecolo-desk pipe`, a process per mail as the MTA runs it.
/// A DNS server on loopback that knows no records (NXDOMAIN for every
/// name), so the `pipe` figures measure the desk, not this machine's
/// resolver: authenticating a mail asks for the sender domain's SPF and
/// DMARC records, and a slow or unreachable resolver made each `pipe` take
/// 200 ms here. Answers until the process ends.
fn no_records_dns() -> Result<String> {
    use mail_auth::hickory_resolver::proto::op::{Message, ResponseCode};
    let socket = std::net::UdpSocket::bind("127.0.0.1:0")?;
    let addr = socket.local_addr()?.to_string();
    std::thread::spawn(move || {
        let mut buf = [0u8; 1500];
        while let Ok((n, from)) = socket.recv_from(&mut buf) {
            let Ok(request) = Message::from_vec(&buf[..n]) else {
                continue;
            };
            let mut response = Message::response(request.id(), request.op_code());
            response
                .set_recursion_desired(request.recursion_desired())
                .set_recursion_available(true)
                .set_authoritative(true)
                .set_response_code(ResponseCode::NXDomain);
            if let Some(q) = request.queries().first() {
                response.add_query(q.clone());
            }
            if let Ok(bytes) = response.to_vec() {
                let _ = socket.send_to(&bytes, from);
            }
        }
    });
    Ok(addr)
}

fn pipe_one(bins: &Bins, db: &Path, dns: &str, mail: &str) -> Result<()> {
    let mut child = Command::new(&bins.desk)
        .arg("--db")
        .arg(db)
        .args(["pipe", "--recipient", &format!("billing@{DOMAIN}")])
        .args(["--dns", dns])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()?;
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(mail.as_bytes())?;
    let out = child.wait_with_output()?;
    if !out.status.success() {
        bail!("pipe failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(())
}

/// Desk 0 first in even rounds, desk 1 first in odd ones.
fn order(round: usize) -> [usize; 2] {
    if round % 2 == 0 {
        [0, 1]
    } else {
        [1, 0]
    }
}

/// Operations per second on each desk: four alternating rounds of `n / 4`
/// each, the best round of each desk counting.
fn paired_rate(n: usize, mut op: impl FnMut(usize, usize) -> Result<()>) -> Result<[f64; 2]> {
    let per_round = (n / 4).max(1);
    let mut best = [0.0f64; 2];
    let mut i = 0;
    for round in 0..4 {
        for d in order(round) {
            let started = Instant::now();
            for _ in 0..per_round {
                op(d, i)?;
                i += 1;
            }
            best[d] = best[d].max(per_round as f64 / started.elapsed().as_secs_f64());
        }
    }
    Ok(best)
}

/// Wall time, CPU time (user + system) and peak RSS of one child.
struct Cost {
    wall: Duration,
    cpu: Duration,
    rss_kib: i64,
}

fn measure(cmd: &mut Command) -> Result<Cost> {
    let started = Instant::now();
    let child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot run {cmd:?}"))?;
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    // Peak RSS from /proc while it runs: wait4's ru_maxrss counts the
    // pages of this (large) process the child had before its exec.
    let mut rss_kib = 0;
    loop {
        rss_kib = peak_rss_kib(pid).unwrap_or(0).max(rss_kib);
        // SAFETY: waits for our own child; `usage` is a valid out-pointer.
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            break;
        }
        if r != 0 {
            bail!("wait4 failed: {}", std::io::Error::last_os_error());
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let wall = started.elapsed();
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        let mut err = String::new();
        if let Some(mut e) = child.stderr {
            let _ = std::io::Read::read_to_string(&mut e, &mut err);
        }
        bail!("{cmd:?} failed: {err}");
    }
    let tv =
        |t: libc::timeval| Duration::from_micros(t.tv_sec as u64 * 1_000_000 + t.tv_usec as u64);
    Ok(Cost {
        wall,
        cpu: tv(usage.ru_utime) + tv(usage.ru_stime),
        rss_kib,
    })
}

/// VmHWM of a running process, in KiB.
fn peak_rss_kib(pid: libc::pid_t) -> Option<i64> {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// The best of `n` runs (least disturbed by the other work on the machine).
fn best_of(n: usize, mut f: impl FnMut() -> Result<Cost>) -> Result<Cost> {
    let mut best: Option<Cost> = None;
    for _ in 0..n {
        let c = f()?;
        if best.as_ref().is_none_or(|b| c.wall < b.wall) {
            best = Some(c);
        }
    }
    Ok(best.expect("n > 0"))
}

/// The best of `n` alternating rounds of `a` and `b` (`a` first in even
/// rounds, `b` in odd ones), so the machine's other work and the disk's
/// writeback of the previous run weigh on both alike.
fn paired_best(
    n: usize,
    mut a: impl FnMut() -> Result<Cost>,
    mut b: impl FnMut() -> Result<Cost>,
) -> Result<(Cost, Cost)> {
    let (mut best_a, mut best_b): (Option<Cost>, Option<Cost>) = (None, None);
    let keep = |best: &mut Option<Cost>, c: Cost| {
        if best.as_ref().is_none_or(|x| c.wall < x.wall) {
            *best = Some(c);
        }
    };
    for round in 0..n {
        for side in order(round) {
            if side == 0 {
                keep(&mut best_a, a()?);
            } else {
                keep(&mut best_b, b()?);
            }
        }
    }
    Ok((best_a.expect("n > 0"), best_b.expect("n > 0")))
}

fn ratio_row(figure: &str, ecolo: f64, other: f64, unit: &str, max: f64) -> Row {
    let ratio = ecolo / other.max(1e-9);
    Row {
        figure: figure.into(),
        a: format!("{ecolo:.3} {unit}"),
        b: format!("{other:.3} {unit}"),
        ratio: Some(ratio),
        target: format!("<= {max}x"),
        pass: Some(ratio <= max),
    }
}

fn bound_row(figure: &str, value: f64, unit: &str, bound: f64, why: &str) -> Row {
    Row {
        figure: figure.into(),
        a: format!("{value:.2} {unit}"),
        b: format!("{bound} {unit}"),
        ratio: None,
        target: why.into(),
        pass: Some(value <= bound),
    }
}

fn client_figures(bins: &Bins, args: &Args) -> Result<Vec<Row>> {
    let curl = which("curl").context("curl is not installed: `apt-get install -y curl`")?;
    eprintln!("== client vs curl ({} MiB file)", args.upload_mib);
    let desk = BenchDesk::build(10, false)?;
    let bytes = args.upload_mib * 1048576;
    let server = Server::start(
        bins,
        &desk.db,
        &["--max-attachment-bytes", &(bytes + 1).to_string()],
    )?;
    let work = tempfile::Builder::new()
        .prefix("ecolo-bench-client-")
        .tempdir()?;
    let file = work.path().join("big.bin");
    {
        let mut f = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&file)?);
        let chunk: Vec<u8> = (0..1048576u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8)
            .collect();
        for _ in 0..args.upload_mib {
            f.write_all(&chunk)?;
        }
        // On disk before anything is timed: its writeback would otherwise
        // slow whichever upload runs first.
        f.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    }
    let config = work.path().join("config");
    let ecolo = |a: &[&str]| {
        let mut c = Command::new(&bins.ecolo);
        c.args(a)
            .env("ECOLO_CONFIG_DIR", &config)
            .env("ECOLO_URL", &server.url)
            .env("ECOLO_TOKEN", &desk.token)
            .env("NO_COLOR", "1")
            .env_remove("CI");
        c
    };
    let auth = format!("Authorization: Bearer {}", desk.token);
    let file_s = file.to_str().context("temp path is not UTF-8")?;

    let (up_ecolo, up_curl) = paired_best(
        5,
        || {
            measure(&mut ecolo(&[
                "ticket",
                "open",
                "-c",
                "billing",
                "-s",
                "Upload",
                "-m",
                "A big file.",
                "-a",
                file_s,
            ]))
        },
        || {
            measure(
                Command::new(&curl)
                    .args([
                        "-sS",
                        "--fail",
                        "-o",
                        "/dev/null",
                        "-H",
                        &auth,
                        "-X",
                        "POST",
                    ])
                    .args(["-H", "Content-Type: application/octet-stream", "-T", file_s])
                    .arg(format!("{}/v1/attachments?filename=big.bin", server.url)),
            )
        },
    )?;

    // The last ticket opened above carries the file.
    let http = reqwest::blocking::Client::new();
    let page: serde_json::Value = http
        .get(format!("{}/v1/tickets?limit=1", server.url))
        .header("Authorization", format!("Bearer {}", desk.token))
        .send()?
        .json()?;
    let number = page["items"][0]["number"]
        .as_u64()
        .context("no ticket in the list")?;
    let detail: serde_json::Value = http
        .get(format!("{}/v1/tickets/{number}", server.url))
        .header("Authorization", format!("Bearer {}", desk.token))
        .send()?
        .json()?;
    let id = find_attachment_id(&detail).context("the uploaded ticket has no attachment")?;
    let down_dir = work.path().join("down");
    let down_file = work.path().join("down.bin");
    let (down_ecolo, down_curl) = paired_best(
        5,
        || {
            let _ = std::fs::remove_dir_all(&down_dir);
            std::fs::create_dir_all(&down_dir)?;
            measure(&mut ecolo(&[
                "ticket",
                "download",
                &number.to_string(),
                "--to",
                down_dir.to_str().expect("UTF-8"),
            ]))
        },
        || {
            let _ = std::fs::remove_file(&down_file);
            measure(
                Command::new(&curl)
                    .args(["-sS", "--fail", "-H", &auth, "-o"])
                    .arg(&down_file)
                    .arg(format!("{}/v1/attachments/{id}", server.url)),
            )
        },
    )?;
    let (list_ecolo, list_curl) = paired_best(
        10,
        || measure(&mut ecolo(&["ticket", "list", "-L", "100", "--json"])),
        || {
            measure(
                Command::new(&curl)
                    .args(["-sS", "--fail", "-H", &auth])
                    .arg(format!("{}/v1/tickets?limit=100", server.url)),
            )
        },
    )?;
    let s = |d: Duration| d.as_secs_f64();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    // Startup against gh's for the same kind of command, in alternating
    // rounds; gh with a config directory of its own (no login, no update
    // check). Without gh, an absolute bound of 1/10 of its usual 30 ms.
    let gh = which("gh");
    let gh_config = work.path().join("gh-config");
    std::fs::create_dir_all(&gh_config)?;
    let gh_cmd = |a: &[&str]| {
        let mut c = Command::new(gh.as_ref().expect("gh found"));
        c.args(a)
            .env("GH_CONFIG_DIR", &gh_config)
            .env("GH_NO_UPDATE_NOTIFIER", "1")
            .env("GH_PROMPT_DISABLED", "1")
            .env("NO_COLOR", "1")
            .env_remove("GH_TOKEN")
            .env_remove("GITHUB_TOKEN");
        c
    };
    let pairs: [(&str, &[&str], &[&str]); 2] = [
        ("--version", &["--version"], &["--version"]),
        (
            "ticket open --help",
            &["ticket", "open", "--help"],
            &["issue", "create", "--help"],
        ),
    ];
    let mut startup = vec![];
    for (name, ours, theirs) in pairs {
        let figure = format!("ecolo {name}");
        if gh.is_some() {
            let (o, g) = paired_best(
                30,
                || measure(&mut ecolo(ours)),
                || measure(&mut gh_cmd(theirs)),
            )?;
            let (o, g) = (ms(o.wall), ms(g.wall));
            let ratio = o / g.max(1e-9);
            startup.push(Row {
                figure: format!("{figure} vs gh {}", theirs.join(" ")),
                a: format!("{o:.2} ms"),
                b: format!("{g:.2} ms"),
                ratio: Some(ratio),
                target: "<= 0.1x (1/10 of gh)".into(),
                pass: Some(ratio <= 0.1),
            });
        } else {
            let c = best_of(30, || measure(&mut ecolo(ours)))?;
            startup.push(bound_row(
                &figure,
                ms(c.wall),
                "ms",
                3.0,
                "gh absent: 1/10 of gh's 30 ms",
            ));
        }
    }
    drop(server);
    if gh.is_none() {
        eprintln!(
            "gh is not installed: startup is compared with an absolute 3 ms (install it with \
             `apt-get install -y gh`)"
        );
    }

    let mut rows = vec![
        ratio_row(
            "open -a: wall vs curl -T",
            s(up_ecolo.wall),
            s(up_curl.wall),
            "s",
            1.1,
        ),
        ratio_row(
            "open -a: CPU vs curl -T",
            s(up_ecolo.cpu),
            s(up_curl.cpu),
            "s",
            2.0,
        ),
        bound_row(
            "open -a: client RSS",
            up_ecolo.rss_kib as f64 / 1024.0,
            "MiB",
            32.0,
            "< 32 MiB",
        ),
        ratio_row(
            "download: wall vs curl -o",
            s(down_ecolo.wall),
            s(down_curl.wall),
            "s",
            1.1,
        ),
        bound_row(
            "download: client RSS",
            down_ecolo.rss_kib as f64 / 1024.0,
            "MiB",
            32.0,
            "< 32 MiB",
        ),
        ratio_row(
            "list -L 100 --json vs curl",
            ms(list_ecolo.wall),
            ms(list_curl.wall),
            "ms",
            1.0,
        ),
    ];
    rows.extend(startup);
    Ok(rows)
}

fn find_attachment_id(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::Object(m) => {
            if let Some(list) = m.get("attachments").and_then(|a| a.as_array()) {
                if let Some(id) = list.first().and_then(|a| a["id"].as_str()) {
                    return Some(id.to_string());
                }
            }
            m.values().find_map(find_attachment_id)
        }
        serde_json::Value::Array(a) => a.iter().find_map(find_attachment_id),
        _ => None,
    }
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
}
