# Shared by the deploy/check-*-cli.sh scripts, which source it after setting $binary and $subcommand:
# a temporary folder, pass/fail counting, running the subcommand, a bad-input check, and the verdict.
[ -x "$binary" ] || { echo "no executable at $binary: build it first (swift build --product atelier)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# Runs the subcommand; keeps stdout, stderr and the exit code in $tmp.
run() {
  local rc=0
  "$binary" "$subcommand" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
  echo "$rc" >"$tmp/rc"
}

# Bad input: a non-zero exit, the expected words on stderr, nothing on stdout.
bad() { # NAME EXPECTED_IN_STDERR ARGS...
  local name=$1 expected=$2
  shift 2
  run "$@"
  if [ "$(cat "$tmp/rc")" = 0 ]; then
    fail "$name: exit 0"
  elif ! grep -q . "$tmp/err"; then
    fail "$name: nothing on stderr"
  elif ! grep -qiF -- "$expected" "$tmp/err"; then
    fail "$name: stderr lacks \"$expected\": $(head -c 300 "$tmp/err")"
  elif [ -s "$tmp/out" ]; then
    fail "$name: something on stdout"
  else
    pass "$name: exit $(cat "$tmp/rc"), stderr: $(head -n 1 "$tmp/err")"
  fi
}

verdict() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "all checks passed"
}
