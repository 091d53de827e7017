# Shared by scripts/run, scripts/test and scripts/bench: installs what is missing and builds.
# Sourced, not run.

THECAVIEW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The Debian 12 packages Thecaview needs to build, test and run.
THECAVIEW_PACKAGES=(
  cmake g++ make pkg-config
  libglfw3-dev libglm-dev libimgui-dev python3-glad libcli11-dev nlohmann-json3-dev libstb-dev
  libgtest-dev libbenchmark-dev
  xvfb xauth libgl1-mesa-dri libgl-dev libx11-dev fonts-dejavu-core
)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Installs whichever of the packages are missing (apt-get; sudo when not root).
install_missing() {
  local missing=()
  for p in "${THECAVIEW_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  say "Installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

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
