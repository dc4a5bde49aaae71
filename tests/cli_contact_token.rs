//! `ecolo contact ...` and `ecolo token ...` end to end, and what limited
//! credentials may do (issue 4, command-line side).

mod cli_common;
mod common;

use cli_common::{add_contact, as_token, fails, json, keys, ok, open, token};
use common::{code, stderr, Desk};

#[test]
fn contacts_add_list_edit_remove() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();

    let added = add_contact(&user, "martha@their-domain.com", "Martha", &["billing"]);
    assert!(added.contains("martha@their-domain.com"), "{added}");
    assert!(
        added.contains("billing@"),
        "shows where she may write: {added}"
    );

    let v = json(&user.run(&[
        "contact",
        "add",
        "--json",
        "--email",
        "ivan@their-domain.com",
        "--name",
        "Ivan",
        "-c",
        "control-panel",
        "-c",
        "email",
    ]));
    assert_eq!(
        keys(&v),
        [
            "categories",
            "created_at",
            "email",
            "intake_addresses",
            "language",
            "name"
        ]
    );
    assert_eq!(
        v["categories"],
        serde_json::json!(["control-panel", "email"])
    );
    // No --language: the account's (Spanish); `contact edit --language`
    // changes it, and a bad value is refused naming the flag.
    assert_eq!(v["language"], "es");
    let en = json(&user.run(&[
        "contact",
        "edit",
        "--json",
        "ivan@their-domain.com",
        "--language",
        "en",
    ]));
    assert_eq!(en["language"], "en");
    let bad = user.run(&[
        "contact",
        "edit",
        "ivan@their-domain.com",
        "--language",
        "fr",
    ]);
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("--language"), "{}", stderr(&bad));

    // Piped list: one tab-separated line per contact, no header.
    let list = ok(&user.run(&["contact", "list"]));
    assert_eq!(list.lines().count(), 2, "{list}");
    let martha = list.lines().find(|l| l.starts_with("martha@")).unwrap();
    let fields: Vec<&str> = martha.split('\t').collect();
    assert_eq!(
        fields[..3],
        ["martha@their-domain.com", "Martha", "billing"]
    );
    assert!(fields[3].starts_with("billing@"), "{martha}");
    let all = json(&user.run(&["contact", "list", "--json"]));
    assert_eq!(all.as_array().unwrap().len(), 2);

    let edited = json(&user.run(&[
        "contact",
        "edit",
        "martha@their-domain.com",
        "--name",
        "Martha B.",
        "--add-category",
        "quotes",
        "--json",
    ]));
    assert_eq!(edited["name"], "Martha B.");
    assert_eq!(
        edited["categories"],
        serde_json::json!(["billing", "quotes"])
    );
    let edited = json(&user.run(&[
        "contact",
        "edit",
        "martha@their-domain.com",
        "--remove-category",
        "billing",
        "--json",
    ]));
    assert_eq!(edited["categories"], serde_json::json!(["quotes"]));

    // Bad input: named flags, usage errors, nothing changed.
    let err = fails(
        &user.run(&["contact", "edit", "martha@their-domain.com"]),
        2,
    );
    assert!(err.contains("--name"), "{err}");
    let err = fails(
        &user.run(&[
            "contact", "add", "--email", "x@y.com", "--name", "X", "-c", "bogus",
        ]),
        2,
    );
    assert!(err.contains("billing") && err.contains("bogus"), "{err}");
    insta::assert_snapshot!("contact_unknown_category", err);
    let err = fails(
        &user.run(&["contact", "add", "--email", "x@y.com", "--name", "X"]),
        2,
    );
    assert!(err.contains("--category"), "{err}");
    let add_billing = |email: &str, name: &str| {
        user.run(&[
            "contact", "add", "--email", email, "--name", name, "-c", "billing",
        ])
    };
    let err = fails(&add_billing("not-an-email", "X"), 2);
    assert!(err.contains("--email"), "{err}");
    insta::assert_snapshot!("contact_invalid_email", err);
    let err = fails(&add_billing("martha@their-domain.com", "Again"), 6);
    insta::assert_snapshot!("duplicate_contact", err);
    let err = fails(&add_billing(common::OWNER_EMAIL, "Me"), 6);
    insta::assert_snapshot!("owner_as_contact", err);
    // Taking away the last category would leave an empty set: refused.
    let err = fails(
        &user.run(&[
            "contact",
            "edit",
            "martha@their-domain.com",
            "--remove-category",
            "quotes",
        ]),
        6,
    );
    assert!(err.contains("--remove-category: "), "{err}");
    fails(
        &user.run(&["contact", "edit", "nobody@their-domain.com", "--name", "N"]),
        4,
    );

    // Remove: destructive, so --yes without a terminal.
    let contacts = || {
        json(&user.run(&["contact", "list", "--json"]))
            .as_array()
            .unwrap()
            .len()
    };
    let err = fails(
        &user.run(&["contact", "remove", "ivan@their-domain.com"]),
        2,
    );
    insta::assert_snapshot!("remove_without_yes", err);
    assert_eq!(contacts(), 2);
    ok(&user.run(&["contact", "remove", "ivan@their-domain.com", "--yes"]));
    assert_eq!(contacts(), 1);
    fails(
        &user.run(&["contact", "remove", "ivan@their-domain.com", "--yes"]),
        4,
    );
}

#[test]
fn tokens_create_list_revoke_without_showing_secrets() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let out = user.run(&[
        "token",
        "create",
        "--verbose",
        "--name",
        "ci",
        "-c",
        "billing",
        "--expires",
        "90d",
    ]);
    let secret = ok(&out);
    assert!(stderr(&out).contains("> POST"), "{}", stderr(&out));
    assert_eq!(
        secret.lines().count(),
        1,
        "stdout is the token only: {secret:?}"
    );
    let secret = secret.trim().to_string();
    assert!(secret.starts_with("ecolo_"));
    assert!(!stderr(&out).contains(&secret));

    let v = json(&user.run(&["token", "create", "--name", "laptop", "--json"]));
    assert_eq!(keys(&v), ["info", "token"]);
    assert_eq!(
        keys(&v["info"]),
        [
            "categories",
            "contact",
            "created_at",
            "expires_at",
            "last_used_at",
            "name"
        ]
    );

    // The token works, and is then listed as used; never its secret.
    ok(&as_token(&user, &secret, &["whoami"]));
    let list = user.run(&["token", "list"]);
    let text = ok(&list);
    assert!(
        !text.contains(&secret) && !text.contains("ecolo_"),
        "{text}"
    );
    let ci = text.lines().find(|l| l.starts_with("ci\t")).unwrap();
    let fields: Vec<&str> = ci.split('\t').collect();
    assert_eq!(fields[1], "owner: billing");
    assert_ne!(fields[3], "never", "last used: {ci}");
    assert_ne!(fields[4], "never", "expires: {ci}");
    let all = json(&user.run(&["token", "list", "--json"]));
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert!(!all.to_string().contains("ecolo_"));

    fails(&user.run(&["token", "create", "--name", "ci"]), 6);
    fails(&user.run(&["token", "create"]), 2);
    let err = fails(
        &user.run(&["token", "create", "--name", "x", "--expires", "soon"]),
        2,
    );
    assert!(err.contains("--expires"), "{err}");
    let err = fails(
        &user.run(&["token", "create", "--name", "x", "-c", "nope"]),
        2,
    );
    assert!(err.contains("billing"), "{err}");

    let err = fails(&user.run(&["token", "revoke", "ci"]), 2);
    assert!(err.contains("--yes"), "{err}");
    ok(&as_token(&user, &secret, &["whoami"]));
    ok(&user.run(&["token", "revoke", "ci", "--yes"]));
    let err = fails(&as_token(&user, &secret, &["whoami"]), 3);
    assert!(!err.contains(&secret));
    insta::assert_snapshot!("revoked_token", err);
    fails(&user.run(&["token", "revoke", "ci", "--yes"]), 4);
}

#[test]
fn token_lifetime_beyond_the_desk_limit_fails_before_sending() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    for too_long in ["4000d", "3651", "11y", "99999999999w"] {
        let out = user.run(&[
            "token",
            "create",
            "--verbose",
            "--name",
            "t",
            "--expires",
            too_long,
        ]);
        let err = fails(&out, 2);
        assert!(err.contains("--expires"), "{err}");
        assert!(err.contains("1 to 3650 days"), "{err}");
        assert!(!err.contains("> POST"), "nothing is sent: {err}");
    }
    let err = fails(
        &user.run(&["token", "create", "--name", "t", "--expires", "4000d"]),
        2,
    );
    insta::assert_snapshot!("token_expires_too_long", err);
    let err = fails(
        &user.run(&["token", "create", "--name", "t", "--expires", "0d"]),
        2,
    );
    assert!(err.contains("1 to 3650 days"), "{err}");
    let listed = json(&user.run(&["token", "list", "--json"]));
    assert_eq!(listed, serde_json::json!([]), "nothing was created");

    // The longest lifetime the client allows is one the desk takes.
    let v = json(&user.run(&[
        "token",
        "create",
        "--json",
        "--name",
        "ten-years",
        "--expires",
        "10y",
    ]));
    assert_eq!(v["info"]["name"], "ten-years");
    assert!(v["info"]["expires_at"].is_string(), "{v}");
}

/// The desk's refusals (exit 6) name the flags the user typed, never the
/// API's field names.
#[test]
fn desk_validation_errors_name_the_flags() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    add_contact(&user, "martha@their-domain.com", "Martha", &["billing"]);
    let desk_fields = [
        "contact:",
        "categories:",
        "name:",
        "email:",
        "expires_in_days",
    ];
    // The desk refuses `args` (exit 6) naming `flag` and no API field.
    let refused = |args: &[&str], flag: &str| {
        let err = fails(&user.run(args), 6);
        assert!(err.contains(&format!("\n  {flag}: ")), "{err}");
        for field in desk_fields {
            assert!(!err.contains(&format!("  {field}")), "{err}");
        }
        err
    };

    let err = refused(
        &[
            "token",
            "create",
            "--name",
            "x",
            "--contact",
            "nobody@their-domain.com",
        ],
        "--contact",
    );
    insta::assert_snapshot!("token_unknown_contact", err);
    let err = refused(
        &[
            "token",
            "create",
            "--name",
            "x",
            "--contact",
            "martha@their-domain.com",
            "-c",
            "email",
        ],
        "-c/--category",
    );
    insta::assert_snapshot!("token_outside_contact_categories", err);
    let long = "n".repeat(101);
    refused(&["token", "create", "--name", &long], "--name");
    let err = refused(
        &[
            "contact",
            "add",
            "--email",
            "x@their-domain.com",
            "--name",
            " ",
            "-c",
            "billing",
        ],
        "--name",
    );
    insta::assert_snapshot!("contact_empty_name", err);
    let err = refused(
        &[
            "contact",
            "edit",
            "martha@their-domain.com",
            "--remove-category",
            "billing",
        ],
        "--remove-category",
    );
    insta::assert_snapshot!("contact_without_categories", err);

    // Nothing refused was stored.
    let tokens = json(&user.run(&["token", "list", "--json"]));
    assert_eq!(tokens, serde_json::json!([]));
    let contacts = json(&user.run(&["contact", "list", "--json"]));
    assert_eq!(contacts.as_array().unwrap().len(), 1);
    assert_eq!(contacts[0]["categories"], serde_json::json!(["billing"]));
}

#[test]
fn limited_credentials_stay_in_their_categories() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let email_ticket = open(&user, "email", "Owner's mail ticket");
    add_contact(
        &user,
        "martha@their-domain.com",
        "Martha",
        &["billing", "quotes"],
    );
    let martha = token(
        &user,
        &["--name", "martha", "--contact", "martha@their-domain.com"],
    );
    let billing_only = token(&user, &["--name", "billing-bot", "-c", "billing"]);

    // Opening outside the categories: exit 5 naming what is allowed, nothing sent.
    for t in [&martha, &billing_only] {
        let err = fails(
            &as_token(
                &user,
                t,
                &["ticket", "open", "-c", "email", "-s", "x", "-m", "y"],
            ),
            5,
        );
        assert!(err.contains("billing"), "{err}");
    }
    insta::assert_snapshot!(
        "open_outside_categories",
        fails(
            &as_token(
                &user,
                &billing_only,
                &["ticket", "open", "-c", "email", "-s", "x", "-m", "y"]
            ),
            5
        )
    );
    // The desk says the same for someone else's category ticket.
    let err = fails(
        &as_token(&user, &martha, &["ticket", "view", &email_ticket]),
        5,
    );
    assert!(err.contains("billing"), "{err}");
    let err = fails(
        &as_token(
            &user,
            &martha,
            &["ticket", "reply", &email_ticket, "-m", "hi"],
        ),
        5,
    );
    assert!(err.contains("billing"), "{err}");

    // Inside: a contact's ticket records the contact as requester.
    let v = json(&as_token(
        &user,
        &martha,
        &[
            "ticket", "open", "--json", "-c", "quotes", "-s", "Quote", "-m", "please",
        ],
    ));
    assert_eq!(v["requester"]["email"], "martha@their-domain.com");
    assert_eq!(v["requester"]["role"], "contact");
    let mine = json(&as_token(
        &user,
        &martha,
        &["ticket", "list", "--status", "all", "--json"],
    ));
    assert!(mine
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t["category"] != "email"));

    // Only owner-full credentials manage contacts and tokens.
    for t in [&martha, &billing_only] {
        fails(&as_token(&user, t, &["contact", "list"]), 5);
        fails(
            &as_token(&user, t, &["token", "create", "--name", "sneaky"]),
            5,
        );
    }

    // Removing the contact ends its tokens at once; its ticket stays.
    ok(&user.run(&["contact", "remove", "martha@their-domain.com", "--yes"]));
    fails(&as_token(&user, &martha, &["whoami"]), 3);
    let n = v["number"].to_string();
    let kept = json(&user.run(&["ticket", "view", &n, "--json"]));
    assert_eq!(kept["requester"]["name"], "Martha");
}
