#!/usr/bin/env bash
# cpack -G DEB builds a Debian package holding the binary, its data, the desktop entry, the icon
# and the systemd user units that start /usr/bin/thecaview. Its Depends are the install list's run
# group, and that group brings in every shared library the binary loads.
# Usage: check_package.sh BUILD_DIR WORK_DIR
set -euo pipefail
build="$1"
work="$2"
rm -rf "$work"
mkdir -p "$work"
fail() { echo "check_package: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work" >/dev/null)
deb=$(ls "$work"/thecaview_*.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || fail "no .deb in $work"
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/thecaview ./usr/share/thecaview/shaders/surface.frag ./usr/share/thecaview/assets/content/es/steps.json \
         ./usr/share/applications/thecaview.desktop ./usr/share/icons/hicolor/scalable/apps/thecaview.svg \
         ./usr/lib/systemd/user/thecaview-kiosk.service ./usr/lib/systemd/user/thecaview-signage.service; do
  grep -q " $f$" <<< "$contents" || fail "$f is not in the package"
done

# Depends is the run group of scripts/packages.txt, word for word.
source "$(dirname "$0")/../../scripts/lib.sh"
run_group=$(packages_in run | paste -sd, | sed 's/,/, /g')
depends=$(dpkg-deb -f "$deb" Depends)
[ "$depends" = "$run_group" ] || fail "Depends is '$depends', the run group is '$run_group'"

# Every shared library the binary loads belongs to a package that the run group brings in (the
# group and its dependencies), so an installed .deb starts. The sanitizer runtimes of the test
# build are not part of a kiosk's install.
# The run group's closure from dpkg's own database of installed packages (Depends and Pre-Depends,
# each alternative that is installed, virtual packages through what provides them).
closure=$(dpkg-query -W -f='${db:Status-Abbrev}\t${Package}\t${Depends}, ${Pre-Depends}\t${Provides}\n' | python3 -c '
import re, sys
roots = sys.argv[1:]
depends, providers = {}, {}
for line in sys.stdin:
    status, name, deps, provides = (line.rstrip("\n").split("\t") + ["", "", ""])[:4]
    if not status.startswith("ii"):
        continue  # known to dpkg but not installed
    depends[name] = [[re.sub(r"[ (:].*", "", alt.strip()) for alt in d.split("|")] for d in deps.split(",") if d.strip()]
    for p in provides.split(","):
        if p.strip():
            providers.setdefault(re.sub(r"[ (:].*", "", p.strip()), []).append(name)
seen, todo = set(), list(roots)
while todo:
    name = todo.pop()
    for real in ([name] if name in depends else providers.get(name, [])):
        if real in seen:
            continue
        seen.add(real)
        for alternatives in depends[real]:
            todo.extend(a for a in alternatives if a in depends or a in providers)
print("\n".join(sorted(seen)))
' $(packages_in run))
[ -n "$closure" ] || fail "dpkg-query gave no packages for the run group"
for lib in $(ldd "$build/bin/thecaview" | awk '$3 ~ /^\// { print $3 }'); do
  # dpkg knows a file by the path its package ships it at: try the path ldd gives, then the real one.
  owner=$(dpkg -S "$lib" 2>/dev/null | head -n1 | cut -d: -f1) || true
  [ -n "$owner" ] || owner=$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null | head -n1 | cut -d: -f1) || true
  [ -n "$owner" ] || fail "$lib (loaded by thecaview) belongs to no Debian package"
  case "$owner" in libasan*|libubsan*|liblsan*) continue ;; esac
  # A here-string, not a pipe: grep -q stops reading at its match, and under pipefail the writer's
  # SIGPIPE would fail the check (that, not apt-cache, made it fail now and then under load).
  grep -qx "$owner" <<< "$closure" || fail "$lib (package $owner) is not brought in by the run group"
done
unit=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/lib/systemd/user/thecaview-kiosk.service)
grep -q "^ExecStart=/usr/bin/thecaview --kiosk$" <<< "$unit" || fail "the packaged unit starts: $(echo "$unit" | grep ExecStart)"
echo "check_package: $(basename "$deb") holds the app, its data, desktop entry, icon and units"
