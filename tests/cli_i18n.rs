//! Spanish and English end to end: the language from the locale, the
//! `language` setting and `ECOLO_LANG`; a whole `ticket open` in Spanish in a
//! real terminal; `-c` by name in both languages; errors in Spanish with the
//! exit codes unchanged; and scripts (JSON, tab-separated output) byte for
//! byte the same in both languages.

mod cli_common;
mod common;

use std::process::Output;

use cli_common::{closed_port, fails, json, ok, open};
use common::{run_with_stdin, stdout, Desk, User};
use rexpect::process::wait::WaitStatus;
use rexpect::session::PtySession;

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
const SPANISH: (&str, &str) = ("LANG", "es_ES.UTF-8");

/// `ecolo ARGS` with extra environment, no terminal, empty stdin.
fn run(user: &User, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = user.cmd();
    cmd.envs(env.iter().copied()).args(args);
    run_with_stdin(cmd, "")
}

/// `ecolo ARGS` on a pseudo-terminal, a message typed (no $EDITOR).
fn pty(user: &User, env: &[(&str, &str)], args: &[&str]) -> PtySession {
    let mut cmd = user.cmd();
    cmd.env("TERM", "xterm")
        .env_remove("EDITOR")
        .env_remove("VISUAL")
        .envs(env.iter().copied())
        .args(args);
    // The timeout only stops a hung test; each step waits for its prompt.
    rexpect::session::spawn_command(cmd, Some(30_000)).expect("spawn on a pty")
}

/// Waits for the end; returns the rest of the output (as UTF-8) and the code.
fn finish(p: &mut PtySession) -> (String, i32) {
    let rest = utf8(&p.exp_eof().unwrap());
    match p.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => (rest, code),
        other => panic!("ecolo ended by {other:?}; output: {rest}"),
    }
}

/// rexpect hands back each byte as one char; this reads them as UTF-8.
fn utf8(out: &str) -> String {
    if out.chars().any(|c| c as u32 > 0xff) {
        return out.to_string();
    }
    let bytes: Vec<u8> = out.chars().map(|c| c as u32 as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// rexpect matches bytes read as Latin-1 chars; this is how a UTF-8
/// text looks to it.
fn as_pty(text: &str) -> String {
    text.bytes().map(|b| b as char).collect()
}

fn expect(p: &mut PtySession, text: &str) -> String {
    utf8(
        &p.exp_string(&as_pty(text))
            .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}")),
    )
}

/// Digits vary (ticket numbers, dates, ports): snapshots see them as 0.
fn masked(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

#[test]
fn a_whole_ticket_open_in_spanish_on_a_terminal() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let mut p = pty(&user, &[SPANISH], &["ticket", "open"]);
    expect(&mut p, "Categoría (↑/↓, Intro)");
    // Names and descriptions in Spanish.
    expect(&mut p, "Pagos y Cobranza (billing): Pagos, facturas");
    keys(&mut p, &[DOWN, ENTER]);
    expect(&mut p, "Asunto");
    p.send_line("Cobro doble").unwrap();
    expect(&mut p, "Mensaje (una línea; defina $EDITOR para más)");
    p.send_line("Me cobraron dos veces la factura 1234.")
        .unwrap();
    expect(&mut p, "Prioridad");
    expect(&mut p, "media");
    keys(&mut p, &[DOWN, ENTER]);
    expect(&mut p, "Adjuntar un archivo (ruta; vacío para terminar)");
    p.send_line("").unwrap();
    // The summary before sending, aligned in Spanish.
    expect(&mut p, "Categoría: Pagos y Cobranza (billing)");
    expect(&mut p, "Asunto:    Cobro doble");
    expect(&mut p, "Prioridad: alta");
    expect(&mut p, "Mensaje:   38 caracteres");
    expect(&mut p, "¿Abrir este ticket? (S/n)");
    p.send_line("s").unwrap();
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("✓ Ticket "), "{out}");
    assert!(
        out.contains(" abierto en billing; sígalo con `ecolo ticket view "),
        "{out}"
    );

    let all = json(&user.run(&["ticket", "list", "--json"]));
    assert_eq!(all[0]["category"], "billing");
    assert_eq!(all[0]["priority"], "high");
    assert_eq!(all[0]["subject"], "Cobro doble");

    // The list on a terminal: Spanish headers, words and relative times.
    let mut p = pty(&user, &[SPANISH], &["ticket", "list"]);
    expect(&mut p, "NÚMERO");
    expect(&mut p, "ESTADO");
    expect(&mut p, "abierto");
    expect(&mut p, "alta");
    expect(&mut p, "ahora mismo");
    assert_eq!(finish(&mut p).1, 0);

    // And the categories as a table in Spanish.
    let mut p = pty(&user, &[SPANISH], &["category", "list"]);
    expect(&mut p, "CLAVE");
    expect(&mut p, "QUÉ VA AHÍ");
    expect(&mut p, "Pagos y Cobranza");
    let (rest, code) = finish(&mut p);
    assert_eq!(code, 0, "{rest}");
    assert!(!rest.contains("Billing Issues"), "{rest}");

    // whoami for a person: Spanish labels and words, aligned.
    let mut p = pty(&user, &[SPANISH], &["whoami"]);
    expect(
        &mut p,
        "Actúa como:   Olga Owner <owner@example.com> (titular)",
    );
    expect(&mut p, "Categorías:   todas");
    expect(&mut p, "Administra:   contactos y tokens");
    assert_eq!(finish(&mut p).1, 0);
}

/// Sends keys one write each, so an escape sequence arrives whole.
fn keys(p: &mut PtySession, keys: &[&str]) {
    for k in keys {
        p.send(k).unwrap();
        p.flush().unwrap();
    }
}

#[test]
fn category_by_name_in_either_language_or_without_accents() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    for (typed, slug) in [
        ("facturacion", "billing"),
        ("Pagos y Cobranza", "billing"),
        ("pagos", "billing"),
        ("Billing Issues", "billing"),
        ("correo", "email"),
        ("Correo Electrónico", "email"),
        ("website updates", "website-updates"),
    ] {
        let out = user.run(&[
            "ticket",
            "open",
            "-c",
            typed,
            "-s",
            "Por nombre",
            "-m",
            "x",
            "--json",
        ]);
        assert_eq!(json(&out)["category"], slug, "-c {typed}");
    }
    // The same resolver filters the list.
    let listed = json(&user.run(&["ticket", "list", "-c", "correo", "--json"]));
    assert_eq!(listed.as_array().unwrap().len(), 2);
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["category"] == "email"));
}

#[test]
fn an_unknown_category_suggests_the_nearest_in_the_persons_language() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let args = ["ticket", "open", "-c", "facturasion", "-s", "x", "-m", "y"];
    let es = fails(&run(&user, &[SPANISH], &args), 2);
    assert!(
        es.contains("¿quiso decir `billing` (Pagos y Cobranza)?"),
        "{es}"
    );
    insta::assert_snapshot!("unknown_category_es", es);
    let en = fails(&run(&user, &[], &args), 2);
    assert!(
        en.contains("did you mean `billing` (Billing Issues)?"),
        "{en}"
    );
    insta::assert_snapshot!("unknown_category_en", en);
    // Nothing was sent.
    assert_eq!(
        json(&user.run(&["ticket", "list", "--json"])),
        serde_json::json!([])
    );
}

#[test]
fn errors_in_spanish_keep_their_exit_codes() {
    let desk = Desk::start();
    let user = desk.user();
    // 3: not logged in.
    let es = fails(&run(&user, &[SPANISH], &["whoami"]), 3);
    insta::assert_snapshot!("not_logged_in_es", es);
    let en = fails(&run(&user, &[], &["whoami"]), 3);
    insta::assert_snapshot!("not_logged_in_en", en);
    // 2: a missing value without a terminal names its flag.
    user.login_owner();
    let es = fails(
        &run(&user, &[SPANISH], &["ticket", "open", "-c", "billing"]),
        2,
    );
    insta::assert_snapshot!("missing_subject_es", es);
    // 7: the desk is down; the message names the URL.
    let port = closed_port();
    let down = port.url();
    let es = fails(
        &run(
            &user,
            &[SPANISH, ("ECOLO_URL", &down)],
            &["category", "list"],
        ),
        7,
    );
    insta::assert_snapshot!("desk_down_es", masked(&es.replace(&down, "[URL]")));
    // 6: the desk refuses; the same code in both languages.
    let long = "x".repeat(500);
    let args = ["ticket", "open", "-c", "billing", "-s", &long, "-m", "y"];
    let es = fails(&run(&user, &[SPANISH], &args), 2);
    assert!(es.contains("el asunto tiene 500 caracteres"), "{es}");
    let en = fails(&run(&user, &[], &args), 2);
    assert!(en.contains("the subject is 500 characters"), "{en}");
}

#[test]
fn ecolo_lang_and_the_setting_beat_the_locale() {
    let desk = Desk::start();
    let user = desk.user();
    let english = fails(&run(&user, &[], &["whoami"]), 3);
    assert!(english.starts_with("error: not logged in"), "{english}");
    let spanish = fails(&run(&user, &[SPANISH], &["whoami"]), 3);
    assert!(
        spanish.starts_with("error: no ha iniciado sesión"),
        "{spanish}"
    );
    // ECOLO_LANG=en over a Spanish locale.
    let over = run(&user, &[SPANISH, ("ECOLO_LANG", "en")], &["whoami"]);
    assert_eq!(fails(&over, 3), english);
    // LC_ALL beats LANG (POSIX order).
    let posix = run(&user, &[SPANISH, ("LC_ALL", "en_US.UTF-8")], &["whoami"]);
    assert_eq!(fails(&posix, 3), english);

    // The setting beats the locale and is said in the new language.
    let set = run(&user, &[], &["config", "set", "language", "es"]);
    assert!(
        common::stderr(&set).contains("Idioma: es"),
        "{}",
        common::stderr(&set)
    );
    ok(&set);
    let cfg: serde_json::Value =
        serde_json::from_slice(&std::fs::read(user.config.path().join("config.json")).unwrap())
            .unwrap();
    assert_eq!(cfg["language"], "es");
    assert_eq!(ok(&run(&user, &[], &["config", "get", "language"])), "es\n");
    assert_eq!(fails(&run(&user, &[], &["whoami"]), 3), spanish);
    let en_locale = run(&user, &[("LANG", "en_US.UTF-8")], &["whoami"]);
    assert_eq!(fails(&en_locale, 3), spanish);
    // ECOLO_LANG still beats the setting.
    assert_eq!(
        fails(&run(&user, &[("ECOLO_LANG", "en")], &["whoami"]), 3),
        english
    );
    // A language ecolo does not speak is refused, naming the values.
    let bad = fails(&run(&user, &[], &["config", "set", "language", "fr"]), 2);
    assert!(bad.contains("`fr`") && bad.contains("es o en"), "{bad}");
    let got = json(&run(&user, &[], &["config", "get", "language", "--json"]));
    assert_eq!(
        got,
        serde_json::json!({"key": "language", "value": "es", "in_use": "es"})
    );
}

#[test]
fn scripts_see_the_same_bytes_in_both_languages() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let number = open(&user, "billing", "Same for scripts");
    desk.staff_reply(&number, "On it");
    let langs: [&[(&str, &str)]; 3] = [&[], &[SPANISH], &[("ECOLO_LANG", "es")]];
    for args in [
        &["ticket", "view", &number, "--json"][..],
        &["ticket", "list", "--status", "all", "--json"],
        &["ticket", "list", "--status", "all"],
        &["category", "list", "--json"],
        &["category", "list"],
        &["whoami", "--json"],
        &["whoami"],
    ] {
        let outs: Vec<Vec<u8>> = langs
            .iter()
            .map(|env| {
                let out = run(&user, env, args);
                ok(&out);
                out.stdout
            })
            .collect();
        assert!(!outs[0].is_empty(), "{args:?}");
        assert_eq!(outs[0], outs[1], "{args:?} differs in Spanish");
        assert_eq!(outs[0], outs[2], "{args:?} differs with ECOLO_LANG=es");
    }
}

#[test]
fn ticket_view_in_both_languages_with_local_dates() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let number = open(&user, "billing", "Cobro doble");
    desk.staff_reply(&number, "Lo revisamos");
    // A fixed zone six hours west of UTC, written as POSIX TZ.
    let zone = ("TZ", "CST6");
    let es = ok(&run(&user, &[SPANISH, zone], &["ticket", "view", &number]));
    assert!(es.contains("Categoría: Pagos y Cobranza (billing)"), "{es}");
    assert!(es.contains("Prioridad: media"), "{es}");
    assert!(es.contains(" -06:00"), "dates in the local zone: {es}");
    insta::assert_snapshot!("ticket_view_es", masked(&es.replace(&number, "[NUMBER]")));
    let en = ok(&run(&user, &[zone], &["ticket", "view", &number]));
    assert!(en.contains("Category: Billing Issues (billing)"), "{en}");
    assert!(en.contains(" -06:00"), "dates in the local zone: {en}");
    insta::assert_snapshot!("ticket_view_en", masked(&en.replace(&number, "[NUMBER]")));
    // The JSON keeps UTC timestamps whatever the zone.
    let v = json(&run(
        &user,
        &[SPANISH, zone],
        &["ticket", "view", &number, "--json"],
    ));
    assert!(v["created_at"].as_str().unwrap().ends_with('Z'), "{v}");
    let _ = stdout;
}

#[test]
fn command_line_mistakes_in_spanish_exit_2_like_clap() {
    let desk = Desk::start();
    let user = desk.user();
    let es = fails(
        &run(
            &user,
            &[SPANISH],
            &["ticket", "open", "--categry", "billing"],
        ),
        2,
    );
    assert!(
        es.contains("sugerencia: existe uno parecido: '--category'"),
        "{es}"
    );
    insta::assert_snapshot!("unknown_flag_es", es);
    let es = fails(&run(&user, &[SPANISH], &["ticket", "view", "12"]), 2);
    assert!(es.contains("no es un número de ticket"), "{es}");
    let es = fails(
        &run(&user, &[SPANISH], &["ticket", "list", "--status", "x"]),
        2,
    );
    assert!(es.contains("[valores posibles: open, answered"), "{es}");
    // English keeps clap's own words.
    let en = fails(
        &run(&user, &[], &["ticket", "open", "--categry", "billing"]),
        2,
    );
    assert!(
        en.starts_with("error: unexpected argument '--categry' found"),
        "{en}"
    );
    assert!(en.contains("Usage: ecolo ticket open"), "{en}");
}

const LAURA: &str = "laura@desk.example";
const LAURA_NAME: &str = "Laura Gómez";

/// `ecolo ARGS` on a terminal, expected to succeed; all it printed.
fn on_pty(user: &User, env: &[(&str, &str)], args: &[&str]) -> String {
    let mut p = pty(user, env, args);
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{args:?}: {out}");
    out
}

/// An agent of every category, logged in on their own computer.
fn agent(desk: &Desk) -> User {
    let pass = "laura's long passphrase";
    desk.add_agent(LAURA, LAURA_NAME, pass, &[]);
    let user = desk.user();
    user.login(LAURA, pass);
    user
}

#[test]
fn the_support_teams_side_in_spanish() {
    let desk = Desk::start();
    let owner = desk.user();
    owner.login_owner();
    let billing = open(&owner, "billing", "Cobro doble");
    let mail = open(&owner, "email", "Buzón lleno");
    let laura = agent(&desk);
    let es = &[SPANISH, ("TZ", "CST6")][..];

    // Working the ticket: every confirmation in Spanish (a person's, on a
    // terminal).
    let said = on_pty(
        &laura,
        es,
        &[
            "ticket",
            "note",
            &billing,
            "-m",
            "Reembolso R-5521 aprobado.\nEl banco tarda 3 días.",
        ],
    );
    assert!(
        said.contains(&format!(
            "Nota interna añadida al ticket {billing}; el cliente no la ve"
        )),
        "{said}"
    );
    let said = on_pty(&laura, es, &["ticket", "assign", &billing, "--to", "@me"]);
    assert!(
        said.contains(&format!("asignado a {LAURA_NAME} <{LAURA}>")),
        "{said}"
    );
    // The one resolver takes the Spanish name for the new -c too.
    let said = on_pty(
        &laura,
        es,
        &[
            "ticket",
            "edit",
            &mail,
            "-c",
            "pagos y cobranza",
            "-p",
            "high",
        ],
    );
    assert!(
        said.contains("tiene ahora categoría Pagos y Cobranza (billing) y prioridad alta"),
        "{said}"
    );
    assert_eq!(
        json(&run(&laura, &[], &["ticket", "view", &mail, "--json"]))["category"],
        "billing"
    );
    // An unknown one lists the names in Spanish and exits 2, nothing moved.
    let out = run(
        &laura,
        es,
        &["ticket", "edit", &mail, "-c", "factura-electronica"],
    );
    let err = fails(&out, 2);
    assert!(
        err.contains("--category") && err.contains("Pagos y Cobranza"),
        "{err}"
    );

    // The conversation as the agent reads it: account, requester and
    // assignee in the header, the note marked, changes as dim lines.
    let text = ok(&run(&laura, es, &["ticket", "view", &billing]));
    for needle in [
        "Cuenta: Olga Owner <owner@example.com>  Solicitante: Olga Owner <owner@example.com> (titular)",
        "Asignado a: Laura Gómez <laura@desk.example>",
        "Esperando desde",
        "── NOTA INTERNA de Laura Gómez (soporte) <laura@desk.example>",
        "│ Reembolso R-5521 aprobado.\n│ El banco tarda 3 días.",
        "· asignado a Laura Gómez, ",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    insta::assert_snapshot!("agent_view_es", masked(&text.replace(&billing, "[NUMBER]")));
    let moved = ok(&run(&laura, es, &["ticket", "view", &mail]));
    assert!(
        moved.contains("· movido de email a billing — Laura Gómez, "),
        "{moved}"
    );
    // The desk gives each event its kind and arguments: ecolo words them
    // from there, and the JSON is the same in both languages.
    ok(&run(&laura, &[], &["ticket", "edit", &mail, "-p", "high"]));
    let out_en = run(
        &laura,
        &[("ECOLO_LANG", "en")],
        &["ticket", "view", &mail, "--json"],
    );
    let view_es = ok(&run(&laura, es, &["ticket", "view", &mail, "--json"]));
    assert_eq!(ok(&out_en), view_es, "--json is the same in every language");
    let events: Vec<serde_json::Value> = json(&out_en)["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["kind"] == "event")
        .map(|m| m["event"].clone())
        .collect();
    assert!(
        events.contains(
            &serde_json::json!({"kind": "moved", "args": {"from": "email", "to": "billing"}})
        ),
        "{events:?}"
    );
    assert!(
        events.contains(
            &serde_json::json!({"kind": "priority", "args": {"from": "medium", "to": "high"}})
        ),
        "{events:?}"
    );
    let changed = ok(&run(&laura, es, &["ticket", "view", &mail]));
    assert!(
        changed.contains("· prioridad cambiada de media a alta — Laura Gómez, "),
        "{changed}"
    );

    // The queue on a terminal: the support team's columns in Spanish.
    let table = on_pty(&laura, es, &["ticket", "list"]);
    for needle in [
        "NÚMERO",
        "ESTADO",
        "ESPERA",
        "CUENTA",
        "SOLICITANTE",
        "ASIGNADO",
        "abierto",
        "Laura Gómez",
        "owner@example.com",
    ] {
        assert!(table.contains(needle), "missing {needle:?} in:\n{table}");
    }

    // A customer trying the team's commands: refused in Spanish, exit 5.
    let out = run(&owner, es, &["ticket", "note", &billing, "-m", "hola"]);
    let err = fails(&out, 5);
    assert!(
        err.contains("solo el equipo de soporte puede añadir notas internas"),
        "{err}"
    );
    assert!(
        err.contains(&format!("ecolo ticket reply {billing}")),
        "{err}"
    );

    // Scripts: the agent's queue and conversation, byte for byte the same.
    let langs: [&[(&str, &str)]; 3] = [&[], &[SPANISH], &[("ECOLO_LANG", "es")]];
    for args in [
        &["ticket", "list", "--json"][..],
        &["ticket", "list", "--status", "all", "--json"],
        &["ticket", "list", "--status", "all"],
        &["ticket", "view", &billing, "--json"],
        &["whoami", "--json"],
        &["whoami"],
    ] {
        let outs: Vec<Vec<u8>> = langs
            .iter()
            .map(|env| {
                let out = run(&laura, env, args);
                ok(&out);
                out.stdout
            })
            .collect();
        assert!(!outs[0].is_empty(), "{args:?}");
        assert_eq!(outs[0], outs[1], "{args:?} differs in Spanish");
        assert_eq!(outs[0], outs[2], "{args:?} differs with ECOLO_LANG=es");
    }
}
