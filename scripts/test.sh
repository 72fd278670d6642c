#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what is missing from Debian's packages (Chromium,
# the PostgreSQL 15 server), builds, runs the unit, integration and browser suites, and prints
# "N passed, N failed, N skipped" last. Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need=()
[[ -x /usr/bin/chromium ]] || need+=(chromium)
[[ -x /usr/lib/postgresql/15/bin/initdb ]] || need+=(postgresql-15)
if (( ${#need[@]} )); then
  echo "Installing ${need[*]} from Debian's packages..."
  sudo_cmd=""; [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "Building..."
dotnet build Sightline.sln -c Release --nologo -v quiet -clp:ErrorsOnly

results="$root/.test-results"
rm -rf "$results"
status=0
for project in tests/Sightline.Core.Tests tests/Sightline.Web.Tests tests/Sightline.Browser.Tests; do
  [[ -d "$project" ]] || continue
  echo "== $(basename "$project")"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFilePrefix=$(basename "$project")" --logger "console;verbosity=minimal" \
    --results-directory "$results" "$@" || status=1
done

# One closing line for CI, summed over every suite's TRX file.
py_status=0
python3 - "$results" <<'PY' || py_status=1
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    if counters is None: continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
PY
exit $(( status || py_status ))
