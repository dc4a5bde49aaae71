#!/usr/bin/env bash
# Mutation check of the desk's permission checks, run on demand (not in
# .ci/run: it rebuilds once per mutant and takes a while):
#
#     tests/mutation/check-permissions.sh            # every mutant below
#     tests/mutation/check-permissions.sh tokens     # those whose name matches
#
# Each mutant removes or disables one check in src/desk/store/** or
# src/desk/auth.rs. The script applies it to a temporary copy of the tree
# (never to this one), builds, and runs the tests that guard permissions
# (then, if all pass, the desk's unit tests), stopping at the first that fails: a failure kills the mutant, all passing
# means it survived, i.e. no test notices the check is gone. It prints one
# line per mutant and exits 1 if any survived (or its text is no longer in
# the source: the list below must follow the code).
#
# MUTATION_TARGET_DIR: the cargo target dir to build in (default: one inside
# the temporary copy, built from scratch). Pointing it at a copy of an
# already built target/ saves the first full build.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
filter=${1:-}

# The tests that guard permissions, cheapest and most likely to kill first.
tests=(desk_permissions desk_attachments desk_tickets desk_store mail_pipe cli_contact_token cli_permissions)

# name ||| file ||| occurrence ||| text ||| replacement
# (occurrence: which match of `text` in `file`, counting from 1)
mutants=$(cat <<'LIST'
ticket-access-account|||src/desk/store/tickets.rs|||1|||FROM tickets WHERE number = ?1 AND account_id = ?2|||FROM tickets WHERE number = ?1 AND ?2 IS NOT NULL
ticket-access-category|||src/desk/store/tickets.rs|||1|||    actor.check_category(&ticket.category)?;|||
open-ticket-category|||src/desk/store/tickets.rs|||1|||        actor.check_category(&category)?;|||
open-ticket-idempotency-account|||src/desk/store/tickets.rs|||1|||WHERE account_id = ?1 AND key = ?2|||WHERE ?1 IS NOT NULL AND key = ?2
list-tickets-category-filter|||src/desk/store/tickets.rs|||1|||            actor.check_category(c)?;|||
list-tickets-account|||src/desk/store/tickets.rs|||1|||FROM tickets WHERE account_id = ?");|||FROM tickets WHERE ? IS NOT NULL");
list-tickets-limited-categories|||src/desk/store/tickets.rs|||1|||} else if let Some(allowed) = &actor.categories {|||} else if let Some(allowed) = None::<&Vec<String>> {
link-attachment-account|||src/desk/store/tickets.rs|||1|||Some((account, None, _)) if account == actor.account_id|||Some((_, None, _))
attachment-account|||src/desk/store/attachments.rs|||1|||if account_id != actor.account_id {|||if account_id != account_id {
attachment-category|||src/desk/store/attachments.rs|||1|||            actor.check_category(&category)?;|||
contacts-list-manage|||src/desk/store/contacts.rs|||1|||        actor.require_manage()?;|||
contacts-list-account|||src/desk/store/contacts.rs|||1|||SELECT id FROM contacts WHERE account_id = ?1 ORDER BY id|||SELECT id FROM contacts WHERE ?1 IS NOT NULL ORDER BY id
contacts-add-manage|||src/desk/store/contacts.rs|||2|||        actor.require_manage()?;|||
contacts-change-manage|||src/desk/store/contacts.rs|||3|||        actor.require_manage()?;|||
contacts-remove-manage|||src/desk/store/contacts.rs|||4|||        actor.require_manage()?;|||
contact-by-email-account|||src/desk/store/contacts.rs|||1|||SELECT id FROM contacts WHERE account_id = ?1 AND email = ?2|||SELECT id FROM contacts WHERE ?1 IS NOT NULL AND email = ?2
tokens-list-manage|||src/desk/store/tokens.rs|||1|||        actor.require_manage()?;|||
tokens-list-account|||src/desk/store/tokens.rs|||1|||"t.account_id = ?1 AND t.kind = 'personal'"|||"?1 IS NOT NULL AND t.kind = 'personal'"
tokens-create-manage|||src/desk/store/tokens.rs|||2|||        actor.require_manage()?;|||
tokens-create-contact-categories|||src/desk/store/tokens.rs|||1|||if !outside.is_empty() {|||if outside.is_empty() && false {
tokens-revoke-manage|||src/desk/store/tokens.rs|||3|||        actor.require_manage()?;|||
tokens-revoke-account|||src/desk/store/tokens.rs|||1|||DELETE FROM tokens WHERE account_id = ?1 AND kind|||DELETE FROM tokens WHERE ?1 IS NOT NULL AND kind
authenticate-prefix|||src/desk/store/tokens.rs|||1|||if !token.starts_with(crate::api::TOKEN_PREFIX) {|||if false {
authenticate-expiry|||src/desk/store/tokens.rs|||1|||if expires <= Utc::now() {|||if false {
authenticate-contact-gone|||src/desk/store/tokens.rs|||2|||.ok_or_else(unknown)?;|||.unwrap_or_default();
authenticate-token-narrows-contact|||src/desk/store/tokens.rs|||1|||allowed.retain(|c| limit.contains(c));|||let _ = limit;
authenticate-contact-categories|||src/desk/store/tokens.rs|||1|||                categories = Some(allowed);|||                let _ = allowed;
login-password|||src/desk/store/accounts.rs|||1|||if auth::verify_password(password, &hash) =>|||if !password.is_empty() || hash.is_empty() =>
mail-sender-contact-categories|||src/desk/store/accounts.rs|||1|||p.categories = Some(super::contacts::contact_categories(&conn, contact_id)?);|||let _ = contact_id;
can-manage-categories|||src/desk/auth.rs|||1|||self.contact.is_none() && self.categories.is_none()|||self.contact.is_none()
can-manage-contact|||src/desk/auth.rs|||1|||self.contact.is_none() && self.categories.is_none()|||self.categories.is_none()
allows|||src/desk/auth.rs|||1|||Some(list) => list.iter().any(|c| c == category),|||Some(_) => !category.is_empty(),
check-category|||src/desk/auth.rs|||1|||if self.allows(category) {|||if !category.is_empty() {
require-manage|||src/desk/auth.rs|||1|||if self.can_manage() {|||if self.account_id > 0 {
verify-password|||src/desk/auth.rs|||1|||            .is_ok(),|||            .is_ok() || !password.is_empty(),
rate-limit|||src/desk/auth.rs|||1|||if times.len() >= self.max_failures {|||if times.len() >= self.max_failures * 1000 {
LIST
)

work=$(mktemp -d "${TMPDIR:-/tmp}/ecolo-mutation.XXXXXX")
trap 'rm -rf "$work"' EXIT
git ls-files -z | (cd "$root" && xargs -0 cp --parents -t "$work")
# Uncommitted changes count too: copy the working files, not the index.
export CARGO_TARGET_DIR=${MUTATION_TARGET_DIR:-$work/target}
export CARGO_TERM_COLOR=never
cd "$work"

test_args=()
for t in "${tests[@]}"; do test_args+=(--test "$t"); done

echo "building the unmutated tree (target: $CARGO_TARGET_DIR)"
cargo test --quiet --no-run "${test_args[@]}" >"$work/build.log" 2>&1 || {
  cat "$work/build.log"; echo "the unmutated tree does not build"; exit 2; }

killed=0 survived=0 missing=0
printf '%-36s %-9s %s\n' MUTANT RESULT "KILLED BY"
while IFS= read -r line; do
  [ -z "$line" ] && continue
  name=${line%%|||*}; rest=${line#*|||}
  file=${rest%%|||*}; rest=${rest#*|||}
  nth=${rest%%|||*}; rest=${rest#*|||}
  from=${rest%%|||*}; to=${rest#*|||}
  if [ -n "$filter" ] && [[ "$name" != *"$filter"* ]]; then continue; fi
  cp "$file" "$work/original"
  FROM=$from TO=$to NTH=$nth perl -0pi -e \
    'my $n = 0; s/\Q$ENV{FROM}\E/++$n == $ENV{NTH} ? $ENV{TO} : $&/ge' "$file"
  if cmp -s "$file" "$work/original"; then
    printf '%-36s %-9s %s\n' "$name" MISSING "\`$from\` (#$nth) is not in $file"
    missing=$((missing + 1))
    continue
  fi
  result=survived by=""
  if ! cargo test --quiet --no-run "${test_args[@]}" >"$work/build.log" 2>&1; then
    result=unviable by="does not build"
  else
    for t in "${tests[@]}"; do
      if ! timeout 900 cargo test --quiet --test "$t" >"$work/test.log" 2>&1; then
        result=killed by=$t
        break
      fi
    done
    # The store's unit tests last: their build is only paid for survivors.
    if [ "$result" = survived ] && ! timeout 900 cargo test --quiet --lib desk:: >"$work/test.log" 2>&1; then
      result=killed by="lib desk::"
    fi
  fi
  cp "$work/original" "$file"
  case $result in
    killed) killed=$((killed + 1)) ;;
    survived) survived=$((survived + 1)) ;;
    *) missing=$((missing + 1)) ;;
  esac
  printf '%-36s %-9s %s\n' "$name" "$result" "$by"
done <<<"$mutants"

echo "killed: $killed, survived: $survived, missing or unviable: $missing"
[ "$survived" -eq 0 ] && [ "$missing" -eq 0 ]
