#!/usr/bin/env bash
# Mutation check of the desk's permission checks, run on demand (not in
# .ci/run: it rebuilds once per mutant and takes a while):
#
#     tests/mutation/check-permissions.sh            # every mutant below
#     tests/mutation/check-permissions.sh tokens     # those whose name matches
#     tests/mutation/check-permissions.sh '^(agent|actor)'   # (a bash regex)
#
# Each mutant removes or disables one check in src/desk/store/** or
# src/desk/auth.rs. The script applies it in place (like `cargo mutants
# --in-place`), builds, and runs the tests that guard permissions (then, if
# all pass, the desk's unit tests), stopping at the first that fails: a
# failure kills the mutant, all passing means it survived, i.e. no test
# notices the check is gone. The file is restored from git after each
# mutant (and on exit or Ctrl-C), so the mutated files must have no
# uncommitted changes. It prints one line per mutant and exits 1 if any
# survived (or its text is no longer in the source: the list below must
# follow the code).
#
# In place, not in a copy of the tree: a copy built in a copied target dir
# was seen to test stale binaries (mutants the in-place run kills
# "survived"), and a copy built from scratch costs a full build.
set -euo pipefail
cd "$(dirname "$0")/../.."
filter=${1:-}

# The tests that guard permissions, cheapest and most likely to kill first.
tests=(desk_permissions desk_staff desk_attachments desk_tickets desk_store staff_permissions staff_flow mail_pipe cli_contact_token cli_permissions)

# name ||| file ||| occurrence ||| text ||| replacement
# (occurrence: which match of `text` in `file`, counting from 1; `\n` in
# text or replacement is a line break)
mutants=$(cat <<'LIST'
ticket-access-account|||src/desk/store/tickets.rs|||1|||WHERE t.number = ?1 AND t.account_id = ?2|||WHERE t.number = ?1 AND ?2 IS NOT NULL
ticket-access-category|||src/desk/store/tickets.rs|||1|||            p.check_category(&row.2.category)?;|||
open-ticket-category|||src/desk/store/tickets.rs|||1|||        customer.check_category(&category)?;|||
open-ticket-idempotency-account|||src/desk/store/tickets.rs|||1|||WHERE account_id = ?1 AND key = ?2|||WHERE ?1 IS NOT NULL AND key = ?2
list-tickets-category-filter|||src/desk/store/tickets.rs|||1|||                    p.check_category(c)?;|||
list-tickets-account|||src/desk/store/tickets.rs|||1|||sql.push_str(" AND t.account_id = ?");|||sql.push_str(" AND ? IS NOT NULL");
list-tickets-limited-categories|||src/desk/store/tickets.rs|||1|||if let Some(allowed) = &p.categories {|||if let Some(allowed) = None::<&Vec<String>> {
list-tickets-queue-filters-customer|||src/desk/store/tickets.rs|||1|||if query.assignee.is_some() || query.account.is_some() {|||if false {
link-attachment-account|||src/desk/store/tickets.rs|||1|||Actor::Customer(p) => h.account_id == Some(p.account_id),|||Actor::Customer(_) => true,
link-attachment-agent|||src/desk/store/tickets.rs|||1|||Actor::Agent(a) => h.agent_id == Some(a.agent_id),|||Actor::Agent(_) => true,
attachment-account|||src/desk/store/attachments.rs|||1|||if holder.account_id != Some(p.account_id) {|||if false {
attachment-category|||src/desk/store/attachments.rs|||1|||                    p.check_category(&category)?;|||
view-internal-filter|||src/desk/store/tickets.rs|||1|||WHERE ticket_id = ?1 AND internal = 0 ORDER BY id|||WHERE ticket_id = ?1 ORDER BY id
search-internal-filter|||src/desk/store/tickets.rs|||1|||"m.kind = 'message' AND m.internal = 0"|||"m.kind IN ('message', 'note')"
attachment-note-hidden|||src/desk/store/attachments.rs|||1|||if kind == "note" {|||if false {
ticket-access-agent-category|||src/desk/store/tickets.rs|||1|||if !a.allows(&row.2.category) {|||if false {
list-agent-category-filter|||src/desk/store/tickets.rs|||1|||Some(c) if !a.allows(c) => {|||Some(c) if c.is_empty() => {
list-agent-categories|||src/desk/store/tickets.rs|||1|||in_list(&mut sql, &mut args, "t.category", list);|||{}
attachment-agent-category|||src/desk/store/attachments.rs|||1|||Some((category, _)) if a.allows(&category) => {}|||Some(_) => {}
attachment-agent-own-upload|||src/desk/store/attachments.rs|||1|||None if holder.agent_id == Some(a.agent_id) => {}|||None => {}
move-agent-category|||src/desk/store/tickets.rs|||1|||            if !agent.allows(c) {|||            if c.is_empty() {
actor-agent-guard|||src/desk/auth.rs|||1|||Actor::Customer(_) => Err(Error::Forbidden(|||Actor::Customer(p) => Ok(Box::leak(Box::new(AgentPrincipal { agent_id: 0, name: p.account_name.clone(), email: p.account_email.clone(), categories: None, agent_categories: None, token_id: p.token_id }))),\n            Actor::Customer(_) => Err(Error::Forbidden(
actor-customer-guard|||src/desk/auth.rs|||1|||Actor::Agent(_) => Err(Error::Forbidden(|||Actor::Agent(a) => Ok(Box::leak(Box::new(Principal { account_id: 1, account_name: a.name.clone(), account_email: a.email.clone(), contact: None, categories: None, token_id: a.token_id }))),\n            Actor::Agent(_) => Err(Error::Forbidden(
note-agent-only|||src/desk/store/tickets.rs|||1|||actor.agent("writing an internal note")?|||actor.agent("writing an internal note").unwrap_or_else(|_| &*Box::leak(Box::new(crate::desk::auth::AgentPrincipal { agent_id: 0, name: String::new(), email: String::new(), categories: None, agent_categories: None, token_id: None })))
assign-agent-only|||src/desk/store/tickets.rs|||1|||actor.agent("assigning tickets")?|||actor.agent("assigning tickets").unwrap_or_else(|_| &*Box::leak(Box::new(crate::desk::auth::AgentPrincipal { agent_id: 0, name: String::new(), email: String::new(), categories: None, agent_categories: None, token_id: None })))
change-agent-only|||src/desk/store/tickets.rs|||1|||actor.agent("changing a ticket's category or priority")?|||actor.agent("changing a ticket's category or priority").unwrap_or_else(|_| &*Box::leak(Box::new(crate::desk::auth::AgentPrincipal { agent_id: 0, name: String::new(), email: String::new(), categories: None, agent_categories: None, token_id: None })))
close-last-answer-agent-only|||src/desk/store/tickets.rs|||1|||                actor.agent("closing with a last answer")?;|||
contacts-list-manage|||src/desk/store/contacts.rs|||1|||        actor.require_manage()?;|||
contacts-list-account|||src/desk/store/contacts.rs|||1|||SELECT id FROM contacts WHERE account_id = ?1 ORDER BY id|||SELECT id FROM contacts WHERE ?1 IS NOT NULL ORDER BY id
contacts-add-manage|||src/desk/store/contacts.rs|||2|||        actor.require_manage()?;|||
contacts-change-manage|||src/desk/store/contacts.rs|||3|||        actor.require_manage()?;|||
contacts-remove-manage|||src/desk/store/contacts.rs|||4|||        actor.require_manage()?;|||
contact-by-email-account|||src/desk/store/contacts.rs|||1|||SELECT id FROM contacts WHERE account_id = ?1 AND email = ?2|||SELECT id FROM contacts WHERE ?1 IS NOT NULL AND email = ?2
tokens-create-manage|||src/desk/store/tokens.rs|||1|||        actor.require_manage()?;|||
token-owner-manage|||src/desk/store/tokens.rs|||1|||            p.require_manage()?;|||
token-owner-account|||src/desk/store/tokens.rs|||1|||Ok(("t.account_id = ?1", p.account_id))|||Ok(("?1 IS NOT NULL", p.account_id))
token-owner-agent|||src/desk/store/tokens.rs|||1|||Ok(("t.agent_id = ?1", a.agent_id))|||Ok(("?1 IS NOT NULL", a.agent_id))
token-owner-narrowed-agent|||src/desk/store/tokens.rs|||1|||if a.categories != a.agent_categories {|||if false {
tokens-create-contact-categories|||src/desk/store/tokens.rs|||1|||if !outside.is_empty() {|||if outside.is_empty() && false {
agent-token-width|||src/desk/store/tokens.rs|||1|||list.iter().find(|c| !agent.allows(c))|||list.iter().find(|c| c.is_empty())
agent-token-default-width|||src/desk/store/tokens.rs|||1|||let categories = categories.or_else(|| agent.agent_categories.clone());|||let categories = categories.or(None);
authenticate-prefix|||src/desk/store/tokens.rs|||1|||if !token.starts_with(crate::api::TOKEN_PREFIX) {|||if false {
authenticate-expiry|||src/desk/store/tokens.rs|||1|||if expires <= Utc::now() {|||if false {
authenticate-contact-gone|||src/desk/store/tokens.rs|||2|||.ok_or_else(unknown)?;|||.unwrap_or_default();
authenticate-agent-token-narrows|||src/desk/store/tokens.rs|||1|||Some(own) => own.into_iter().filter(|c| limit.contains(c)).collect(),|||Some(own) => own,
authenticate-disabled-account|||src/desk/store/tokens.rs|||1|||if disabled.is_some() {|||if false {
authenticate-token-narrows-contact|||src/desk/store/tokens.rs|||1|||allowed.retain(|c| limit.contains(c));|||let _ = limit;
authenticate-contact-categories|||src/desk/store/tokens.rs|||1|||                categories = Some(allowed);|||                let _ = allowed;
login-password|||src/desk/store/accounts.rs|||1|||if auth::verify_password(password, &hash) =>|||if !password.is_empty() || hash.is_empty() =>
mail-sender-contact-categories|||src/desk/store/accounts.rs|||1|||p.categories = Some(super::contacts::contact_categories(&conn, contact_id)?);|||let _ = contact_id;
agent-add-second-role|||src/desk/store/agents.rs|||1|||            refuse_second_role(tx, &email, "agent")?;|||
contact-add-agent-address|||src/desk/store/contacts.rs|||1|||if super::agents::agent_id_by_email(tx, &email)?.is_some() {|||if false {
account-create-agent-address|||src/desk/store/accounts.rs|||1|||            if let Some(role) = super::agents::address_role(tx, &email)? {|||            if let Some(role) = None::<Msg> {
can-manage-categories|||src/desk/auth.rs|||1|||self.contact.is_none() && self.categories.is_none()|||self.contact.is_none()
can-manage-contact|||src/desk/auth.rs|||1|||self.contact.is_none() && self.categories.is_none()|||self.categories.is_none()
allows|||src/desk/auth.rs|||1|||Some(list) => list.iter().any(|c| c == category),|||Some(_) => !category.is_empty(),
agent-allows|||src/desk/auth.rs|||2|||Some(list) => list.iter().any(|c| c == category),|||Some(_) => !category.is_empty(),
check-category|||src/desk/auth.rs|||1|||if self.allows(category) {|||if !category.is_empty() {
require-manage|||src/desk/auth.rs|||1|||if self.can_manage() {|||if self.account_id > 0 {
verify-password|||src/desk/auth.rs|||1|||            .is_ok(),|||            .is_ok() || !password.is_empty(),
rate-limit|||src/desk/auth.rs|||1|||if times.len() >= *max {|||if times.len() >= *max * 1000 {
LIST
)

files=$(printf '%s\n' "$mutants" | awk -F'[|][|][|]' 'NF { print $2 }' | sort -u)
# shellcheck disable=SC2086
if ! git diff --quiet -- $files; then
  echo "uncommitted changes in the mutated files; commit or stash them first" >&2
  exit 2
fi
current=""
restore() { if [ -n "$current" ]; then git checkout -q -- "$current"; fi; }
trap restore EXIT
trap 'exit 130' INT TERM
log=$(mktemp -d "${TMPDIR:-/tmp}/ecolo-mutation.XXXXXX")
export CARGO_TERM_COLOR=never

echo "building the unmutated tree"
cargo build --quiet --lib --bins >"$log/build.log" 2>&1 || {
  cat "$log/build.log"; echo "the unmutated tree does not build"; exit 2; }

killed=0 survived=0 missing=0
printf '%-36s %-9s %s\n' MUTANT RESULT "KILLED BY"
while IFS= read -r line; do
  [ -z "$line" ] && continue
  name=${line%%|||*}; rest=${line#*|||}
  file=${rest%%|||*}; rest=${rest#*|||}
  nth=${rest%%|||*}; rest=${rest#*|||}
  from=${rest%%|||*}; to=${rest#*|||}
  if [ -n "$filter" ] && ! [[ "$name" =~ $filter ]]; then continue; fi
  current=$file
  FROM=$from TO=$to NTH=$nth perl -0pi -e \
    'my ($f, $t) = ($ENV{FROM}, $ENV{TO}); s/\\n/\n/g for $f, $t;
     my $n = 0; s/\Q$f\E/++$n == $ENV{NTH} ? $t : $&/ge' "$file"
  if git diff --quiet -- "$file"; then
    printf '%-36s %-9s %s\n' "$name" MISSING "\`$from\` (#$nth) is not in $file"
    missing=$((missing + 1))
    current=""
    continue
  fi
  result=survived by=""
  # The library and binaries must build; each test binary is then built
  # only when its turn comes (most mutants die at the first), and a test
  # that fails to build is reported as such, never as a kill.
  if ! cargo build --quiet --lib --bins >"$log/build.log" 2>&1; then
    result=unviable by="does not build"
  else
    for t in "${tests[@]}"; do
      if ! cargo test --quiet --no-run --test "$t" >"$log/build.log" 2>&1; then
        result=unviable by="$t does not build"
        break
      fi
      if ! timeout 900 cargo test --quiet --test "$t" >"$log/test.log" 2>&1; then
        result=killed by=$t
        break
      fi
    done
    # The store's unit tests last: their build is only paid for survivors.
    if [ "$result" = survived ] && ! timeout 900 cargo test --quiet --lib desk:: >"$log/test.log" 2>&1; then
      result=killed by="lib desk::"
    fi
  fi
  git checkout -q -- "$file"
  current=""
  case $result in
    killed) killed=$((killed + 1)) ;;
    survived) survived=$((survived + 1)) ;;
    *) missing=$((missing + 1)) ;;
  esac
  printf '%-36s %-9s %s\n' "$name" "$result" "$by"
done <<<"$mutants"
rm -rf "$log"

echo "killed: $killed, survived: $survived, missing or unviable: $missing"
[ "$survived" -eq 0 ] && [ "$missing" -eq 0 ]
