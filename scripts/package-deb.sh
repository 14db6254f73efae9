#!/usr/bin/env bash
# Builds the Debian package of mitreden: the server, the built widget and staff dashboard, a
# hardened systemd unit, a commented settings file and man pages.
#
#   scripts/package-deb.sh           release build (what a server gets)
#   scripts/package-deb.sh debug     the debug build the tests already made (for the test)
#
# Prints the path of the package, target/debian/mitreden_VERSION_ARCH.deb. Needs what
# scripts/setup.sh installs; dpkg-deb comes with Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-release}

if [ "$profile" = "release" ]; then
  scripts/build.sh release >&2
  binary=target/server/mitreden-server
else
  binary=target/debug/mitreden-server
fi
for built in "$binary" dist/current dashboard/dist/index.html; do
  [ -e "$built" ] || { echo "missing $built: run scripts/build.sh $profile" >&2; exit 1; }
done

version=$(sed -n 's/^version = "\(.*\)"/\1/p' server/Cargo.toml | head -n 1)
arch=$(dpkg --print-architecture)
root=target/debian/root
rm -rf "$root"
install -d "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/mitreden/widget" \
  "$root/usr/share/mitreden/dashboard" "$root/usr/lib/systemd/system" "$root/etc/mitreden" \
  "$root/usr/share/man/man1" "$root/usr/share/doc/mitreden"

install -m 0755 "$binary" "$root/usr/bin/mitreden-server"
[ "$profile" = "release" ] && strip "$root/usr/bin/mitreden-server"
# The current widget build only (its folder and the file naming it), and the dashboard.
current=$(cat dist/current)
cp -r "dist/$current" "$root/usr/share/mitreden/widget/"
cp dist/current "$root/usr/share/mitreden/widget/current"
cp -r dashboard/dist/. "$root/usr/share/mitreden/dashboard/"
install -m 0644 packaging/mitreden.service "$root/usr/lib/systemd/system/mitreden.service"
install -m 0640 packaging/mitreden.env "$root/etc/mitreden/mitreden.env"
# A page for the server and one for every command, down to `staff add` (the binary writes
# them from the same definitions as its --help).
"$binary" manual "$root/usr/share/man/man1" >/dev/null
gzip -9n "$root"/usr/share/man/man1/*.1
install -m 0644 README.md "$root/usr/share/doc/mitreden/README.md"
install -m 0644 server/seed/notices.json "$root/usr/share/doc/mitreden/notices.example.json"
install -m 0644 packaging/copyright "$root/usr/share/doc/mitreden/copyright"
# The changelog Debian's tools expect, dated as the commit it is built from.
{
  echo "mitreden ($version) unstable; urgency=medium"
  echo
  echo "  * Built from the mitreden repository at $(git rev-parse --short HEAD 2>/dev/null || echo unknown)."
  echo "    What changed is in the repository's history; README.md describes this release."
  echo
  echo " -- mitreden <mitreden@example.org>  $(date -R -u -d "@$(git log -1 --format=%ct 2>/dev/null || date +%s)")"
} | gzip -9n >"$root/usr/share/doc/mitreden/changelog.Debian.gz"
install -m 0755 packaging/postinst packaging/prerm packaging/postrm "$root/DEBIAN/"
echo /etc/mitreden/mitreden.env >"$root/DEBIAN/conffiles"

size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
# The newest glibc symbol version the binary needs is the least libc6 it runs with.
glibc=$(objdump -T "$binary" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n 1)
[ -n "$glibc" ] || { echo "cannot tell which glibc the binary needs" >&2; exit 1; }
cat >"$root/DEBIAN/control" <<CONTROL
Package: mitreden
Version: $version
Architecture: $arch
Maintainer: mitreden <mitreden@example.org>
Installed-Size: $size
Depends: libc6 (>= $glibc), adduser, fonts-dejavu-core, init-system-helpers (>= 1.54~)
Recommends: systemd
Suggests: postgresql, nginx | apache2
Section: web
Priority: optional
Homepage: https://example.org/mitreden
Description: co-creative public consultations
 mitreden lets citizens, civil society, academia and business rank impact goals and take
 positions on goal conflicts in a widget embedded on any public web page; organisations hand
 in structured statements; staff see aggregated rankings per stakeholder group and close the
 loop. The server keeps its data in a SQLite file in /var/lib/mitreden or in PostgreSQL.
CONTROL

mkdir -p target/debian
package="target/debian/mitreden_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$root" "$package" >&2
echo "$package"
