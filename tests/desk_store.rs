//! The store API the e-mail channel and admin commands call directly
//! (no HTTP): senders, Message-ID dedup, channels, attachments from readers.

use ecolo::api::{AuthorRole, Channel, NewContact, NewMessage, NewTicket, Priority, TicketStatus};
use ecolo::desk::config::StoreConfig;
use ecolo::desk::mail::notify;
use ecolo::desk::store::{Confirmation, Login, TicketQuery};
use ecolo::desk::{Actor, Error, Store};

fn store(dir: &tempfile::TempDir) -> Store {
    let mut config = StoreConfig::new(&dir.path().join("desk.db"));
    config.mail_domain = "desk.example.com".into();
    config.limits.max_attachment_bytes = 100;
    Store::open(config).unwrap()
}

/// A store with one account; its id and its owner's full credentials.
fn store_with_owner(dir: &tempfile::TempDir) -> (Store, i64, Actor) {
    let store = store(dir);
    let account = store
        .create_account("owner@example.com", "Olga", "long enough")
        .unwrap();
    let owner = Actor::Customer(store.owner_principal(account).unwrap());
    (store, account, owner)
}

fn new_ticket(category: &str, attachments: Vec<String>) -> NewTicket {
    NewTicket {
        category: category.into(),
        subject: "By mail".into(),
        message: "Hello from e-mail".into(),
        priority: Priority::Medium,
        attachments,
    }
}

#[test]
fn senders_are_owners_or_contacts_with_their_categories() {
    let dir = tempfile::tempdir().unwrap();
    let (store, account, owner) = store_with_owner(&dir);
    store
        .add_contact(
            &owner,
            &NewContact {
                email: "martha@example.com".into(),
                name: "Martha".into(),
                categories: vec!["quotes".into(), "billing".into()],
                language: None,
            },
        )
        .unwrap();

    let found = store.find_sender("OWNER@example.com").unwrap();
    assert_eq!(found.len(), 1);
    assert!(found[0].can_manage());
    let found = store.find_sender("martha@example.com").unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].account_id, account);
    assert_eq!(
        found[0].categories.as_deref(),
        Some(&["billing".to_string(), "quotes".to_string()][..])
    );
    assert_eq!(found[0].person().role, AuthorRole::Contact);
    assert!(store
        .find_sender("stranger@example.com")
        .unwrap()
        .is_empty());

    assert_eq!(
        store
            .category_for_intake("Billing@desk.example.com")
            .as_deref(),
        Some("billing")
    );
    assert_eq!(store.category_for_intake("billing@elsewhere.com"), None);
    assert_eq!(store.intake_address("quotes"), "quotes@desk.example.com");
}

#[test]
fn one_email_message_id_is_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let (store, account, owner) = store_with_owner(&dir);

    let first = store
        .open_ticket(
            &owner,
            &new_ticket("email", vec![]),
            Channel::Email,
            Some("<a@mail>".into()),
            Confirmation::Send,
        )
        .unwrap();
    assert!(first.created);
    assert_eq!(first.ticket.messages[0].channel, Channel::Email);
    let again = store
        .open_ticket(
            &owner,
            &new_ticket("email", vec![]),
            Channel::Email,
            Some("<a@mail>".into()),
            Confirmation::Send,
        )
        .unwrap();
    assert!(!again.created);
    assert_eq!(again.ticket.ticket.number, first.ticket.ticket.number);

    let number = first.ticket.ticket.number;
    let reply = NewMessage {
        message: "more".into(),
        attachments: vec![],
    };
    let m1 = store
        .add_message(
            &owner,
            number,
            &reply,
            Channel::Email,
            Some("<b@mail>".into()),
        )
        .unwrap();
    let m2 = store
        .add_message(
            &owner,
            number,
            &reply,
            Channel::Email,
            Some("<b@mail>".into()),
        )
        .unwrap();
    assert_eq!(m1.id, m2.id);
    let detail = store.ticket_detail(&owner, number).unwrap();
    assert_eq!(detail.messages.len(), 2);
    assert_eq!(detail.ticket.status, TicketStatus::CustomerReply);

    let staff = store.staff_reply(number, "done", None).unwrap();
    assert_eq!(staff.channel, Channel::Staff);
    let (owner_account, detail) = store.staff_ticket_detail(number).unwrap();
    assert_eq!(owner_account, account);
    assert_eq!(detail.ticket.status, TicketStatus::Answered);
}

#[test]
fn attachments_from_readers_respect_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _, owner) = store_with_owner(&dir);

    let err = store
        .save_attachment(&owner, "big.bin", None, &mut &[7u8; 101][..])
        .unwrap_err();
    assert!(matches!(err, Error::TooLarge(_)), "{err:?}");
    assert_eq!(
        std::fs::read_dir(dir.path().join("attachments"))
            .unwrap()
            .count(),
        0
    );

    let a = store
        .save_attachment(
            &owner,
            "../notes.txt",
            Some("text/plain"),
            &mut &b"hi there"[..],
        )
        .unwrap();
    assert_eq!(a.filename, "notes.txt");
    assert_eq!(a.size, 8);
    let opened = store
        .open_ticket(
            &owner,
            &new_ticket("other", vec![a.id.clone()]),
            Channel::Email,
            None,
            Confirmation::Send,
        )
        .unwrap();
    assert_eq!(opened.ticket.messages[0].attachments, vec![a.clone()]);
    let (_, path) = store.attachment(&owner, &a.id).unwrap();
    assert_eq!(std::fs::read(path).unwrap(), b"hi there");
}

#[cfg(unix)]
#[test]
fn the_database_is_private_to_the_desk_user() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let _store = store(&dir);
    let mode = std::fs::metadata(dir.path().join("desk.db"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let mode = std::fs::metadata(dir.path().join("attachments"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700);
}

#[test]
fn sessions_expire() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir);
    let account = store
        .create_account("owner@example.com", "Olga", "long enough")
        .unwrap();
    let session = store.create_session(Login::Account(account)).unwrap();
    let Actor::Customer(who) = store.authenticate(&session).unwrap() else {
        panic!("an owner's session acts as a customer")
    };
    assert_eq!(who.account_id, account);
    let expires: String = store
        .conn()
        .unwrap()
        .query_row(
            "SELECT expires_at FROM tokens WHERE kind = 'session'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(expires > chrono::Utc::now().to_rfc3339(), "{expires}");
    store
        .conn()
        .unwrap()
        .execute(
            "UPDATE tokens SET expires_at = '2000-01-01T00:00:00.000000Z'",
            [],
        )
        .unwrap();
    assert!(matches!(
        store.authenticate(&session),
        Err(Error::Unauthorized(_))
    ));
}

#[test]
fn abandoned_uploads_are_removed_attached_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _, owner) = store_with_owner(&dir);
    let kept = store
        .save_attachment(&owner, "kept.txt", None, &mut &b"k"[..])
        .unwrap();
    store
        .open_ticket(
            &owner,
            &new_ticket("other", vec![kept.id.clone()]),
            Channel::Cli,
            None,
            Confirmation::Send,
        )
        .unwrap();
    let fresh = store
        .save_attachment(&owner, "fresh.txt", None, &mut &b"f"[..])
        .unwrap();
    let old = store
        .save_attachment(&owner, "old.txt", None, &mut &b"o"[..])
        .unwrap();
    store
        .conn()
        .unwrap()
        .execute(
            "UPDATE attachments SET created_at = '2000-01-01T00:00:00.000000Z' WHERE id != ?1",
            [&fresh.id],
        )
        .unwrap();

    assert_eq!(
        store.remove_unattached(chrono::Duration::days(7)).unwrap(),
        1
    );
    assert!(matches!(
        store.attachment(&owner, &old.id),
        Err(Error::NotFound(_))
    ));
    assert!(!store.attachment_path(&old.id).exists());
    for a in [&kept, &fresh] {
        let (_, path) = store.attachment(&owner, &a.id).unwrap();
        assert!(path.exists());
    }
}

/// The Message-IDs and recipients waiting in the outbox, oldest first.
fn outbox(store: &Store) -> Vec<(String, String)> {
    let conn = store.conn().unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT json_extract(headers, '$.\"Message-ID\"'), to_addr FROM outbox ORDER BY id",
        )
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

/// Makes every write to the outbox fail, as a full disk would.
fn break_outbox(store: &Store) {
    store
        .conn()
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER outbox_broken BEFORE INSERT ON outbox
             BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
        )
        .unwrap();
}

/// Events not yet rendered to the outbox.
fn unrendered(store: &Store) -> i64 {
    store
        .conn()
        .unwrap()
        .query_row(
            "SELECT count(*) FROM events WHERE rendered_at IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn every_change_logs_an_event_whose_mail_is_rendered_once_even_after_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _, owner) = store_with_owner(&dir);

    let opened = store
        .open_ticket(
            &owner,
            &new_ticket("billing", vec![]),
            Channel::Cli,
            None,
            Confirmation::Send,
        )
        .unwrap();
    let number = opened.ticket.ticket.number;
    assert_eq!(unrendered(&store), 1, "the change logged its event");
    assert!(outbox(&store).is_empty(), "the store itself queues no mail");
    assert_eq!(notify::render_pending(&store).unwrap(), 1);
    assert_eq!(
        outbox(&store),
        vec![(
            format!("<ticket-{number}@desk.example.com>"),
            "Olga <owner@example.com>".to_string()
        )],
        "the confirmation is rendered from the event"
    );
    // An e-mail asking for no automatic answer gets none.
    store
        .open_ticket(
            &owner,
            &new_ticket("billing", vec![]),
            Channel::Email,
            Some("<quiet@mail>".into()),
            Confirmation::Skip,
        )
        .unwrap();
    notify::render_pending(&store).unwrap();
    assert_eq!(outbox(&store).len(), 1);

    // A full disk while rendering: the change stays stored with its
    // unrendered event, nothing is half-queued, and a later pass (serve's
    // catch-up) queues its mail exactly once.
    break_outbox(&store);
    let staff = store.staff_reply(number, "Refunded.", None).unwrap();
    assert!(notify::render_pending(&store).is_err());
    assert_eq!(unrendered(&store), 1);
    assert_eq!(outbox(&store).len(), 1);
    let detail = store.ticket_detail(&owner, number).unwrap();
    assert_eq!(detail.ticket.status, TicketStatus::Answered);
    store
        .conn()
        .unwrap()
        .execute_batch("DROP TRIGGER outbox_broken")
        .unwrap();
    assert_eq!(notify::render_pending(&store).unwrap(), 1);
    assert_eq!(notify::render_pending(&store).unwrap(), 0);
    assert_eq!(unrendered(&store), 0);
    let queued: Vec<String> = outbox(&store).into_iter().map(|(id, _)| id).collect();
    assert_eq!(
        queued,
        vec![
            format!("<ticket-{number}@desk.example.com>"),
            format!("<ticket-{number}-m{}@desk.example.com>", staff.id),
        ],
        "one confirmation, then the answer's notification, once"
    );
    let all = ecolo::api::StatusFilter::All;
    assert_eq!(
        store
            .list_tickets(
                &owner,
                &TicketQuery {
                    status: Some(all),
                    ..Default::default()
                }
            )
            .unwrap()
            .items
            .len(),
        2
    );
}

/// Writers of one process queue on the store's writer connection instead of
/// racing on SQLite's busy handler, so none fails however many there are,
/// while another process (a second handle on the file, like `pipe`) writes
/// too.
#[test]
fn concurrent_writers_never_fail() {
    const THREADS: usize = 32;
    const EACH: usize = 10;
    let dir = tempfile::tempdir().unwrap();
    let (store, account, owner) = store_with_owner(&dir);
    let token = store.create_session(Login::Account(account)).unwrap();
    let other_process = self::store(&dir);
    std::thread::scope(|s| {
        let mut handles = vec![];
        for t in 0..THREADS {
            let (store, owner, token) = (store.clone(), owner.clone(), token.clone());
            handles.push(s.spawn(move || {
                for _ in 0..EACH {
                    store.authenticate(&token).unwrap();
                    store
                        .open_ticket(
                            &owner,
                            &new_ticket(if t % 2 == 0 { "billing" } else { "quotes" }, vec![]),
                            Channel::Cli,
                            None,
                            Confirmation::Send,
                        )
                        .unwrap();
                    // As the HTTP handlers do: the change's mail, rendered
                    // right after its commit, through the same writer.
                    notify::render_pending(&store).unwrap();
                }
            }));
        }
        let owner = owner.clone();
        let other = &other_process;
        handles.push(s.spawn(move || {
            for i in 0..EACH {
                other
                    .open_ticket(
                        &owner,
                        &new_ticket("other", vec![]),
                        Channel::Email,
                        Some(format!("<concurrent-{i}@example.com>").as_str().into()),
                        Confirmation::Send,
                    )
                    .unwrap();
                notify::render_pending(other).unwrap();
            }
        }));
        for h in handles {
            h.join().unwrap();
        }
    });
    let count: i64 = store
        .conn()
        .unwrap()
        .query_row("SELECT COUNT(*) FROM tickets", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count as usize, (THREADS + 1) * EACH);
    assert_eq!(
        outbox(&store).len(),
        (THREADS + 1) * EACH,
        "one confirmation each"
    );
}

#[test]
fn a_version_1_database_migrates_keeping_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.db");
    {
        // A desk as issue 7 left it: schema 1 with an account, a token, a
        // ticket, a message and its attachment.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!(
            "../src/desk/store/migrations/0001_initial.sql"
        ))
        .unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO categories VALUES ('billing', 2, 'Pagos', 'Billing', 'd', 'd');
             INSERT INTO accounts VALUES (1, 'owner@example.com', 'Olga', 'x', '2026-01-01T00:00:00.000000Z');
             INSERT INTO tokens (id, account_id, kind, name, token_hash, created_at)
                 VALUES (1, 1, 'personal', 'ci', 'hash', '2026-01-01T00:00:00.000000Z');
             INSERT INTO tickets VALUES (1, 123456, 1, 'billing', 'Old refund', 'open', 'low',
                 'Olga', 'owner@example.com', 'owner', NULL,
                 '2026-01-01T00:00:00.000000Z', '2026-01-02T00:00:00.000000Z');
             INSERT INTO messages VALUES (7, 1, 'Olga', 'owner@example.com', 'owner', 'cli',
                 'the zebracode charge', NULL, '2026-01-01T00:00:00.000000Z');
             INSERT INTO attachments VALUES ('a1', 1, 7, 'r.pdf', 'application/pdf', 3, 'h',
                 '2026-01-01T00:00:00.000000Z');",
        )
        .unwrap();
    }
    let store = Store::open_path(&path).unwrap();
    let owner = Actor::Customer(store.owner_principal(1).unwrap());
    let detail = store.ticket_detail(&owner, 123456).unwrap();
    assert_eq!(detail.messages.len(), 1);
    assert_eq!(detail.messages[0].id, 7);
    assert_eq!(
        detail.messages[0].attachments[0].id, "a1",
        "links survive the rebuild"
    );
    assert_eq!(
        detail.ticket.waiting_since.unwrap().to_rfc3339(),
        "2026-01-02T00:00:00+00:00"
    );
    assert_eq!(detail.ticket.account.email, "owner@example.com");
    assert_eq!(store.list_tokens(&owner).unwrap()[0].name, "ci");
    let found = store
        .list_tickets(
            &owner,
            &TicketQuery {
                search: Some("zebracode".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(found.items.len(), 1, "old messages are indexed for search");
    // Opening it again is a no-op.
    drop(store);
    Store::open_path(&path).unwrap();
}
