#!/usr/bin/env bash
# cmake --install into a temporary prefix, then the installed binary renders from there alone.
# Usage: check_install.sh BUILD_DIR WORK_DIR
set -euo pipefail
build="$1"
work="$2"
rm -rf "$work"
mkdir -p "$work"
fail() { echo "check_install: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" >/dev/null
# Moved after installing: what runs cannot lean on the build tree or the prefix it was given.
mv "$work/prefix" "$work/moved"
root="$work/moved"
for f in bin/thecaview share/thecaview/shaders/surface.frag share/thecaview/assets/content/en/steps.json \
         share/thecaview/assets/drugs/drugs.json share/applications/thecaview.desktop \
         share/icons/hicolor/scalable/apps/thecaview.svg lib/systemd/user/thecaview-kiosk.service \
         lib/systemd/user/thecaview-signage.service share/doc/thecaview/config.example.json; do
  [ -e "$root/$f" ] || fail "missing $f"
done
[ ! -e "$root/share/thecaview/assets/desktop" ] || fail "the desktop files were installed twice"
grep -q "^ExecStart=$work/prefix/bin/thecaview --kiosk$" "$root/lib/systemd/user/thecaview-kiosk.service" ||
  fail "the kiosk unit does not start the installed binary: $(grep ExecStart "$root/lib/systemd/user/thecaview-kiosk.service")"
grep -q "^Restart=on-failure$" "$root/lib/systemd/user/thecaview-kiosk.service" || fail "the kiosk unit does not restart on failure"
grep -q "^Exec=thecaview$" "$root/share/applications/thecaview.desktop" || fail "the desktop entry does not run thecaview"

unset THECAVIEW_DATA_DIR
"$root/bin/thecaview" render --out "$work/frame.png" --size 96x64 --samples 1 --view side
[ "$(head -c 4 "$work/frame.png" | od -An -c | tr -d ' ')" = "211PNG" ] || fail "no PNG was written"

# Its data really is the installed copy: without its shaders it says where it looked.
mv "$root/share/thecaview/shaders" "$root/share/thecaview/shaders.away"
if out=$("$root/bin/thecaview" render --out "$work/none.png" --size 96x64 2>&1); then fail "rendered without its shaders"; fi
grep -q "$root/share/thecaview" <<< "$out" || fail "the error does not name the installed data folder: $out"
echo "check_install: installed, moved and rendered from $root"
