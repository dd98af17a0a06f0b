# Sourced by bin/laa: what `bin/laa test` sets up before Maven runs the tests. Each function says
# what it found, or what is missing and how to provide it, and returns non-zero when the tests
# cannot run.

laa_reachable() { # HOST PORT -> true when a TCP connection opens within 5 s
  if command -v timeout >/dev/null; then
    timeout 5 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
  else
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
  fi
}

# PostgreSQL for the tests: the server in LAA_TEST_JDBC_URL (default 127.0.0.1:5432), or else a
# Docker engine, in which the tests start one (Testcontainers).
laa_test_postgres() {
  local url="${LAA_TEST_JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}" hostport host port
  hostport="${url#jdbc:postgresql://}"
  hostport="${hostport%%/*}"
  hostport="${hostport%%\?*}"
  host="${hostport%%:*}"
  port="${hostport##*:}"
  [ "$port" = "$hostport" ] && port=5432
  if laa_reachable "$host" "$port"; then
    echo "PostgreSQL: $host:$port"
    return 0
  fi
  if [ -n "${DOCKER_HOST:-}" ] || [ -S /var/run/docker.sock ]; then
    echo "PostgreSQL: none at $host:$port; the tests start one in Docker (Testcontainers)"
    return 0
  fi
  echo "PostgreSQL is not reachable at $host:$port, and there is no Docker engine: the tests need a real" >&2
  echo "PostgreSQL server. Start one (user postgres, trust auth) or set LAA_TEST_JDBC_URL (and" >&2
  echo "LAA_TEST_JDBC_USER / LAA_TEST_JDBC_PASSWORD) to one." >&2
  return 1
}

# The gateway's browser test drives Chromium, headless, through its ChromeDriver: Debian's chromium
# and chromium-driver at /usr/bin, or those LAA_CHROMIUM and LAA_CHROMEDRIVER name. Debian's are
# installed when missing, as root or through sudo without a password; otherwise this says what to
# install and fails, rather than let the build run without its browser test.
laa_test_browser() {
  local chromium="${LAA_CHROMIUM:-/usr/bin/chromium}" driver="${LAA_CHROMEDRIVER:-/usr/bin/chromedriver}"
  local as_root=() why="" log
  if [ -x "$chromium" ] && [ -x "$driver" ]; then
    echo "Chromium: $chromium, ChromeDriver: $driver"
    return 0
  fi
  if [ -n "${LAA_CHROMIUM:-}${LAA_CHROMEDRIVER:-}" ]; then
    why="LAA_CHROMIUM or LAA_CHROMEDRIVER is set, so Debian's are not installed in their place."
  elif ! command -v apt-get >/dev/null; then
    why="There is no apt-get here to install Debian's."
  elif [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      as_root=(sudo -n)
    else
      why="Installing them needs root (or sudo without a password)."
    fi
  fi
  if [ -z "$why" ]; then
    echo "Chromium: installing Debian's chromium and chromium-driver (apt-get) for the browser test..."
    log=$(mktemp)
    if "${as_root[@]}" apt-get update -q >"$log" 2>&1 \
      && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >>"$log" 2>&1 \
      && [ -x "$chromium" ] && [ -x "$driver" ]; then
      rm -f "$log"
      echo "Chromium: $chromium, ChromeDriver: $driver"
      return 0
    fi
    tail -15 "$log" >&2
    why="Installing them with apt-get failed (its whole output is in $log)."
  fi
  echo "The gateway's browser test needs Chromium and its ChromeDriver, at $chromium and $driver." >&2
  echo "$why" >&2
  echo "Install them: as root, apt-get update && apt-get install -y chromium chromium-driver (Debian)," >&2
  echo "or install a Chromium and the ChromeDriver of its version anywhere and name them:" >&2
  echo "  LAA_CHROMIUM=/path/to/chromium LAA_CHROMEDRIVER=/path/to/chromedriver bin/laa test" >&2
  return 1
}

# buf lints the protos (proto/buf.yaml: the STANDARD rules) during the build, when Maven is given
# -Dlaa.buf=PATH. It comes from the npm package @bufbuild/buf, this version, installed under
# .laa/tools/buf (npm comes with Node.js; Debian's nodejs and npm are installed when missing, as root).
LAA_BUF_VERSION=1.75.0
laa_test_buf() {
  local dir="${LAA_TOOLS_DIR:-$ROOT/.laa/tools}/buf" log
  LAA_BUF="$dir/node_modules/.bin/buf"
  if [ "$("$LAA_BUF" --version 2>/dev/null)" = "$LAA_BUF_VERSION" ]; then
    echo "buf: $LAA_BUF ($LAA_BUF_VERSION)"
    return 0
  fi
  if ! command -v npm >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "buf: installing Debian's nodejs and npm (apt-get) to fetch it..."
    apt-get update -q >/dev/null 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >/dev/null 2>&1
  fi
  if ! command -v npm >/dev/null; then
    echo "buf lint needs npm (Node.js) to install @bufbuild/buf $LAA_BUF_VERSION: install Node.js and npm" >&2
    echo "(Debian: apt-get install nodejs npm), then run bin/laa test again." >&2
    return 1
  fi
  echo "buf: installing @bufbuild/buf $LAA_BUF_VERSION (npm) into $dir..."
  mkdir -p "$dir"
  log=$(mktemp)
  if npm install --prefix "$dir" --no-save --no-audit --no-fund "@bufbuild/buf@$LAA_BUF_VERSION" >"$log" 2>&1 \
    && [ "$("$LAA_BUF" --version 2>/dev/null)" = "$LAA_BUF_VERSION" ]; then
    rm -f "$log"
    echo "buf: $LAA_BUF ($LAA_BUF_VERSION)"
    return 0
  fi
  tail -15 "$log" >&2
  echo "Installing @bufbuild/buf with npm failed (its whole output is in $log)." >&2
  return 1
}

# The programs the tests need besides the JDK, Maven (the wrapper fetches it) and PostgreSQL: each is
# set up here, installed when it can be, before Maven runs. A new tool gets its own function and a
# line below.
laa_test_tools() {
  laa_test_buf || return 1
  laa_test_browser || return 1
}
