# Shared by scripts/run, scripts/test and scripts/bench: installs what is missing and builds.
# Sourced, not run.

THECAVIEW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# packages_in GROUP...: the packages of those groups in scripts/packages.txt, one per line.
packages_in() {
  awk -v groups=" $* " '
    /^[[:space:]]*\[/ { gsub(/[][[:space:]]/, ""); group = $0; next }
    { sub(/#.*/, "") }
    index(groups, " " group " ") { for (i = 1; i <= NF; i++) print $i }' "$THECAVIEW_ROOT/scripts/packages.txt"
}

# install_groups GROUP...: installs whichever packages of those groups are missing (apt-get; sudo
# when not root). The groups are those of scripts/packages.txt: build, test, headless, run, fuzz, docs.
install_groups() {
  local missing=() p
  for p in $(packages_in "$@"); do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  say "Installing ${missing[*]}"
  # apt's and dpkg's chatter goes to a log, shown only when the install fails.
  local log status=0
  log=$(mktemp)
  { "${sudo[@]}" apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
    >"$log" 2>&1 || status=$?
  [ "$status" -eq 0 ] || { cat "$log"; say "Installing failed (status $status)"; }
  rm -f "$log"
  return "$status"
}

# Phase timing: phase NAME starts a phase and ends the one before; phase_end ends the last one.
# Each ended phase prints "==> phase NAME: N s", the lines .ci/run gathers into its summary.
THECAVIEW_PHASE=""
phase_end() {
  [ -n "$THECAVIEW_PHASE" ] && say "phase $THECAVIEW_PHASE: $(( $(date +%s) - THECAVIEW_PHASE_START )) s"
  THECAVIEW_PHASE=""
}
phase() {
  phase_end
  THECAVIEW_PHASE="$1"
  THECAVIEW_PHASE_START=$(date +%s)
}

# A display for commands that need one: the real one if there is one, else Xvfb (headless group).
has_display() { [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; }

# configure_and_build BUILD_DIR CMAKE_ARGS...: configures once, then rebuilds only what changed.
configure_and_build() {
  local dir="$1"; shift
  cmake -S "$THECAVIEW_ROOT" -B "$dir" "$@" >/dev/null
  cmake --build "$dir" -j"$(nproc)"
}

# Runs a command with a display: the real one if there is one, else a private Xvfb.
with_display() {
  if [ -n "${DISPLAY:-}" ]; then
    "$@"
  else
    xvfb-run -a -s "-screen 0 1920x1080x24" "$@"
  fi
}
