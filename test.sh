#!/usr/bin/env bash
# Runs every test: unit tests (no I/O) and integration tests against real services. It installs what is
# missing (npm ci for Azurite, dotnet tool restore for smtp4dev), starts its own Azurite and smtp4dev on
# ports of its own (so a running demo is never touched), runs `dotnet test` over the solution, and stops
# exactly the services it started. Browser tests need Debian's chromium (`apt-get install chromium`).
#
#   ./test.sh                      all tests
#   ./test.sh --filter Name~Roster any extra arguments go to `dotnet test`
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

if ! command -v chromium >/dev/null 2>&1; then
  say "chromium is not installed; the browser tests need it: sudo apt-get install -y chromium"
  exit 1
fi
export PULSE_CHROMIUM="${PULSE_CHROMIUM:-$(command -v chromium)}"

ensure_services_installed
"$root/scripts/services.sh" stop >/dev/null 2>&1 || true
rm -rf "$PULSE_SERVICES_DIR/azurite-data"   # every run starts from empty storage
trap '"$root/scripts/services.sh" stop' EXIT
"$root/scripts/services.sh" start
pulse_local_env

dotnet test "$root/PulsePipeline.sln" -c Release --nologo -tl:off --logger "console;verbosity=normal" "$@"
