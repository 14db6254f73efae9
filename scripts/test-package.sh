#!/usr/bin/env bash
# Tests the Debian package as an operator meets it: builds it (from the debug build the tests
# made), installs it with dpkg, checks the systemd unit with `systemd-analyze verify`, starts
# the installed server as the service would (its user, its settings file) on a fresh
# database, checks it serves the widget, the dashboard and its health, stops it with
# SIGTERM, and removes the package again.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "package test: $*" >&2; exit 1; }

package=$(scripts/package-deb.sh debug)
# The data folder stays on purge (by design); the test removes it only if it made it.
[ -e /var/lib/mitreden ] && had_data=yes || had_data=
dpkg -i "$package" >/dev/null
work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  dpkg --purge mitreden >/dev/null 2>&1 || true
  [ -n "$had_data" ] || rm -rf /var/lib/mitreden
  rm -rf "$work"
}
trap cleanup EXIT

# What the package put where, with the rights it needs.
[ -x /usr/bin/mitreden-server ] || fail "no /usr/bin/mitreden-server"
getent passwd mitreden >/dev/null || fail "no user mitreden"
[ "$(stat -c '%U:%G %a' /etc/mitreden/mitreden.env)" = "root:mitreden 640" ] ||
  fail "the settings file must be readable by root and the service only"
[ -f "/usr/share/mitreden/widget/$(cat /usr/share/mitreden/widget/current)/boot.js" ] ||
  fail "the widget build is missing"
unit=/usr/lib/systemd/system/mitreden.service
[ -f "$unit" ] || fail "no unit in /usr/lib/systemd/system"
systemd-analyze verify "$unit" || fail "systemd-analyze verify found problems in the unit"
[ -f /usr/share/doc/mitreden/copyright ] || fail "no copyright file"
zcat /usr/share/doc/mitreden/changelog.Debian.gz | head -n 1 | grep -q '^mitreden (' ||
  fail "no changelog.Debian.gz"
dpkg-query -W -f='${Depends}' mitreden | grep -q 'libc6 (>= 2\.' || fail "libc6 without a version"
# A man page for every command, down to `staff add`.
for page in "" -serve -backup -restore -staff -staff-add -staff-list -staff-remove -staff-token \
  -staff-tokens -staff-revoke; do
  [ -f "/usr/share/man/man1/mitreden-server$page.1.gz" ] || fail "no man page mitreden-server$page"
done
zcat /usr/share/man/man1/mitreden-server-staff-add.1.gz | grep -q -- '\\-\\-role' ||
  fail "the man page of staff add lacks --role"
! mitreden-server serve --help | grep -q 'server/' || fail "--help names a source path"
# Enabled on installation; an admin's `systemctl disable` survives an upgrade.
wants=/etc/systemd/system/multi-user.target.wants/mitreden.service
[ -L "$wants" ] || fail "the unit is not enabled after installation"
systemctl disable mitreden.service >/dev/null 2>&1 || rm -f "$wants"
dpkg -i "$package" >/dev/null
[ ! -e "$wants" ] || fail "an upgrade enabled the unit the admin had disabled"
# The man page and --help come from the same definitions.
for flag in --shutdown-timeout --metrics-from --behind-proxy; do
  zcat /usr/share/man/man1/mitreden-server-serve.1.gz | grep -q -- "${flag//-/\\\\-}" ||
    fail "the man page lacks $flag"
  mitreden-server serve --help | grep -q -- "$flag" || fail "--help lacks $flag"
done

# Started as the unit starts it: its user, its settings, a fresh database of its own.
chown mitreden:mitreden "$work"
settings=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) ;; *) settings+=("$line") ;; esac
done </etc/mitreden/mitreden.env
# setpriv runs the server itself as the user (no process in between to take the signal).
setpriv --reuid=mitreden --regid=mitreden --init-groups env -i "${settings[@]}" MITREDEN_ADDR=127.0.0.1:0 \
  MITREDEN_DATABASE="$work/mitreden.db" /usr/bin/mitreden-server serve \
  >"$work/out" 2>"$work/log" &
server=$!
for _ in $(seq 1 100); do
  grep -q "^Results JSON:" "$work/out" 2>/dev/null && break
  sleep 0.1
done
base=$(sed -n 's|^Widget (direct): *\(http://[^/]*\)/.*|\1|p' "$work/out")
[ -n "$base" ] || fail "the installed server did not start: $(cat "$work/log")"

status() { curl -s -o /dev/null -w '%{http_code}' "$base$1"; }
[ "$(status /healthz)" = 200 ] || fail "/healthz"
[ "$(status /readyz)" = 200 ] || fail "/readyz"
curl -s "$base/w/demo" | grep -q 'boot.js' || fail "the widget page does not load the widget"
build=$(cat /usr/share/mitreden/widget/current)
[ "$(status "/widget/$build/boot.js")" = 200 ] || fail "the widget's files are not served"
[ "$(status /staff/)" = 200 ] || fail "the dashboard is not served"
id=00000000-0000-4000-8000-00000000d0eb
answer=$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' \
  -d "{\"id\":\"$id\",\"group\":\"citizens\",\"ranking\":[\"once-only\"],\"shown\":[\"once-only\",\"federal-it\"],\"lang\":\"de\"}" \
  "$base/api/v1/consultations/demo/responses")
[ "$answer" = 201 ] || fail "a submission got $answer"
[ "$(stat -c %U "$work/mitreden.db")" = mitreden ] || fail "the database is not the service's"

# SIGTERM, as systemctl stop sends it: a clean exit.
kill -TERM "$server"
wait "$server" || fail "the server did not exit cleanly on SIGTERM"
server=
grep -q "stopped" "$work/log" || fail "no 'stopped' in the log"

dpkg --purge mitreden >/dev/null
[ ! -e /usr/bin/mitreden-server ] || fail "the package left its binary behind"
echo "package test: $package installs, starts as its service, serves and stops cleanly"
