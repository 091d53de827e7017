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
  echo "$contents" | grep -q " $f$" || fail "$f is not in the package"
done

# Depends is the run group of scripts/packages.txt, word for word.
source "$(dirname "$0")/../../scripts/lib.sh"
run_group=$(packages_in run | paste -sd, | sed 's/,/, /g')
depends=$(dpkg-deb -f "$deb" Depends)
[ "$depends" = "$run_group" ] || fail "Depends is '$depends', the run group is '$run_group'"

# Every shared library the binary loads belongs to a package that the run group brings in (the
# group and its dependencies), so an installed .deb starts. The sanitizer runtimes of the test
# build are not part of a kiosk's install.
# apt-cache can fail while another apt run rebuilds its cache: try again, then say so, rather than
# judge the libraries against half a closure.
depends_tree=""
for attempt in 1 2 3; do
  if depends_tree=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
      --no-breaks --no-replaces --no-enhances $(packages_in run) 2>/dev/null) && [ -n "$depends_tree" ]; then
    break
  fi
  depends_tree=""
  sleep 2
done
[ -n "$depends_tree" ] || fail "apt-cache depends gave no dependency tree for the run group"
closure=$( { packages_in run; echo "$depends_tree" |
  sed -n 's/^ *\(Pre\)\?Depends: //p' | tr -d '<>' | sed 's/:any$//'; } | sort -u)
for lib in $(ldd "$build/bin/thecaview" | awk '$3 ~ /^\// { print $3 }'); do
  # dpkg knows a file by the path its package ships it at: try the path ldd gives, then the real one.
  owner=$(dpkg -S "$lib" 2>/dev/null | head -n1 | cut -d: -f1) || true
  [ -n "$owner" ] || owner=$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null | head -n1 | cut -d: -f1) || true
  [ -n "$owner" ] || fail "$lib (loaded by thecaview) belongs to no Debian package"
  case "$owner" in libasan*|libubsan*|liblsan*) continue ;; esac
  echo "$closure" | grep -qx "$owner" || fail "$lib (package $owner) is not brought in by the run group"
done
unit=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/lib/systemd/user/thecaview-kiosk.service)
echo "$unit" | grep -q "^ExecStart=/usr/bin/thecaview --kiosk$" || fail "the packaged unit starts: $(echo "$unit" | grep ExecStart)"
echo "check_package: $(basename "$deb") holds the app, its data, desktop entry, icon and units"
