#!/usr/bin/env bash
# Runs every test: unit tests (no I/O) and integration tests against real services. It installs what is
# missing (npm ci for Azurite, dotnet tool restore for smtp4dev), starts its own Azurite and smtp4dev on
# ports of its own (so a running demo is never touched), runs `dotnet test` over the solution, and stops
# exactly the services it started. Browser tests need Debian's chromium: installed here when this user may
# (root, or passwordless sudo), as .ci/run does; otherwise every other test runs and the run says which command
# installs it.
#
#   ./test.sh                          all tests
#   ./test.sh --filter Name~Roster     any extra arguments go to `dotnet test` (a filter is kept, and narrowed
#                                      to Category!=Browser when chromium is missing)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"

export PULSE_SERVICES_DIR="${PULSE_TEST_SERVICES_DIR:-$root/.pulse/test-services}"
export PULSE_BLOB_PORT="${PULSE_TEST_BLOB_PORT:-20000}" PULSE_QUEUE_PORT="${PULSE_TEST_QUEUE_PORT:-20001}" PULSE_TABLE_PORT="${PULSE_TEST_TABLE_PORT:-20002}"
export PULSE_SMTP_PORT="${PULSE_TEST_SMTP_PORT:-20025}" PULSE_SMTP4DEV_HTTP_PORT="${PULSE_TEST_SMTP4DEV_HTTP_PORT:-20080}" PULSE_HTTP_PORT="${PULSE_TEST_HTTP_PORT:-20071}"
# shellcheck source=scripts/ports.sh
source "$root/scripts/ports.sh"
# shellcheck source=scripts/setup.sh
source "$root/scripts/setup.sh"

chromium_install="apt-get update -q && apt-get install -y --no-install-recommends chromium"
if ! command -v chromium >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]]; then
    say "installing chromium for the browser tests: $chromium_install"
    (export DEBIAN_FRONTEND=noninteractive; bash -c "$chromium_install") >&2 || true
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    say "installing chromium for the browser tests: sudo sh -c '$chromium_install'"
    sudo -n env DEBIAN_FRONTEND=noninteractive sh -c "$chromium_install" >&2 || true
  fi
fi
browser_tests=true
if command -v chromium >/dev/null 2>&1; then
  export PULSE_CHROMIUM="${PULSE_CHROMIUM:-$(command -v chromium)}"
else
  browser_tests=false
  say "chromium is not installed and this user cannot install it; running every test but the browser tests."
  say "To run them too: sudo sh -c '$chromium_install'"
fi

# The browser tests carry [Trait("Category", "Browser")]; without chromium they are filtered out, keeping any
# filter given on the command line.
args=()
filter=""
while (($#)); do
  case "$1" in
    --filter) filter=${2:-}; shift $(($# > 1 ? 2 : 1)) ;;
    --filter=*) filter=${1#--filter=}; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
if ! $browser_tests; then
  filter=${filter:+($filter)&}Category!=Browser
fi
if [[ -n $filter ]]; then
  args+=(--filter "$filter")
fi

ensure_services_installed
"$root/scripts/services.sh" stop >/dev/null 2>&1 || true
rm -rf "$PULSE_SERVICES_DIR/azurite-data"   # every run starts from empty storage
trap '"$root/scripts/services.sh" stop' EXIT
"$root/scripts/services.sh" start
pulse_local_env

# The whole output is kept, and a failed run ends with each failed test and its message, so that the end of the
# output (often all a CI log shows) says what failed.
log="$root/.pulse/test-output.log"
mkdir -p "$(dirname "$log")"
status=0
dotnet test "$root/PulsePipeline.sln" -c Release --nologo -tl:off --logger "console;verbosity=normal" "${args[@]}" 2>&1 | tee "$log" || status=$?
if ((status != 0)); then
  say "FAILED (exit $status). What failed, from $log:"
  grep -a -E -A 12 '^\s+Failed [A-Za-z]|Test Run Aborted|The active test run was aborted|error [A-Z]+[0-9]+:' "$log" | cut -c1-400 | head -n 300 >&2 || true
fi
if ! $browser_tests; then
  say "NOTE: the browser tests (Category=Browser) did NOT run: chromium is missing. Install it with: sudo sh -c '$chromium_install'"
fi
exit $status
