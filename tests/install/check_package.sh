#!/usr/bin/env bash
# cpack -G DEB builds a Debian package holding the binary, its data, the desktop entry, the icon
# and the systemd user units that start /usr/bin/thecaview.
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
for f in ./usr/bin/thecaview ./usr/share/thecaview/shaders/trace.frag ./usr/share/thecaview/assets/content/es/steps.json \
         ./usr/share/applications/thecaview.desktop ./usr/share/icons/hicolor/scalable/apps/thecaview.svg \
         ./usr/lib/systemd/user/thecaview-kiosk.service ./usr/lib/systemd/user/thecaview-signage.service; do
  echo "$contents" | grep -q " $f$" || fail "$f is not in the package"
done
dpkg-deb -f "$deb" Depends | grep -q "libglfw3" || fail "the package does not depend on libglfw3"
unit=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/lib/systemd/user/thecaview-kiosk.service)
echo "$unit" | grep -q "^ExecStart=/usr/bin/thecaview --kiosk$" || fail "the packaged unit starts: $(echo "$unit" | grep ExecStart)"
echo "check_package: $(basename "$deb") holds the app, its data, desktop entry, icon and units"
