#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine: installs what the tests need (slapd, Samba AD DC,
# ldap-utils, …), builds, runs every test project, and ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

if ! tests/install-test-deps.sh; then
  echo "installing test dependencies failed"
  echo "0 passed, 1 failed"
  exit 1
fi

log=$(mktemp)
dotnet test OpenAaf.slnx -c Release 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

# The shared Samba DC is started on demand by the test fixtures (one per machine); stop it now.
if [ -f /tmp/openaaf-samba/samba.pid ]; then
  kill "$(cat /tmp/openaaf-samba/samba.pid)" 2>/dev/null || true
fi

passed=$(awk '$1=="succeeded:"{s+=$2} END{print s+0}' "$log")
failed=$(awk '$1=="failed:"{s+=$2} END{print s+0}' "$log")
rm -f "$log"
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$rc"
