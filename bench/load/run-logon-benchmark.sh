#!/usr/bin/env bash
# The logon benchmark in one run, against one private slapd on loopback (tests/fixtures/slapd-test.sh):
#   1. the server in Release on its own SQLite: time from process start to /health/ready, idle RSS;
#   2. raw LDAP binds: a new connection and one simple bind per operation (the yardstick), and the
#      server's directory client alone (pooled user binds through LdapUserDirectory, no HTTP);
#   3. FreeRADIUS 3.2 + rlm_ldap answering PAP requests (search the user, bind as the user) from
#      radclient, the same work as a LDAP_PASSWORD:1 logon;
#   4. complete LDAP_PASSWORD:1 logons (POST /logon + do_logon) at 4, 8 and 16 clients, the peak also
#      with the look-up cache off, then at half the peak rate (open loop);
#   5. two-factor logons LDAP_PASSWORD:1 + TOTP:1 (POST /logon, do_logon, next, do_logon).
# Each measured phase prints its rate, p50/p99 where the tool has them, and the CPU milliseconds that
# the serving process and slapd spent per operation. Everything shares the machine's cores.
# Usage: bench/load/run-logon-benchmark.sh [seconds-per-run]     (needs slapd: tests/install-test-deps.sh;
# installs freeradius, freeradius-ldap and freeradius-utils when missing). SERVER_DLL=path runs another build.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-15}
CLIENTS=16
W=$(mktemp -d /tmp/openaaf-bench-XXXX)
PORT=3390; HTTP=5090; RADIUS=18120
cleanup() {
  for p in ${SERVER:-} ${RADIUSD:-} ${SLAPD:-}; do kill "$p" 2>/dev/null || true; done
  sleep 0.5; rm -rf "$W"
}
trap cleanup EXIT

if ! command -v radclient >/dev/null || ! command -v freeradius >/dev/null || [ ! -e /usr/lib/freeradius/rlm_ldap.so ]; then
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends \
    freeradius freeradius-ldap freeradius-utils >/dev/null
fi
dotnet build -c Release src/OpenAaf.Server >/dev/null
dotnet build -c Release bench/OpenAaf.Bench >/dev/null
SERVER_DLL=${SERVER_DLL:-src/OpenAaf.Server/bin/Release/net10.0/OpenAaf.Server.dll}
BENCH="dotnet bench/OpenAaf.Bench/bin/Release/net10.0/OpenAaf.Bench.dll"
SLAPD=$(tests/fixtures/slapd-test.sh "$W/ldap" "$PORT" | tail -1)

# 1,000 more accounts for the two-factor run (a TOTP code is good once per step: it needs many users).
HASH=$(/usr/sbin/slappasswd -h '{SSHA}' -s benchpw)
for i in $(seq -w 1 1000); do
  printf 'dn: uid=bench%s,ou=people,dc=example,dc=test\nobjectClass: inetOrgPerson\nuid: bench%s\ncn: Bench %s\nsn: Bench\nuserPassword: %s\n\n' "$i" "$i" "$i" "$HASH"
done | ldapadd -x -H "ldap://127.0.0.1:$PORT" -D cn=admin,dc=example,dc=test -w adminpw >/dev/null

REPO='"baseDn": "dc=example,dc=test", "bindDn": "cn=svc-mfa,ou=service,dc=example,dc=test", "bindPassword": "svcpw"'
cat > "$W/bench.json" <<C
{
  "storage": { "provider": "sqlite", "connectionString": "Data Source=$W/data/openaaf.db", "dataDirectory": "$W/data" },
  "bootstrap": {
    "repositories": [
      { "name": "LOCAL", "type": "local" },
      { "name": "EXAMPLE", "type": "ldap", "url": "ldap://127.0.0.1:$PORT", $REPO },
      { "name": "NOCACHE", "type": "ldap", "url": "ldap://127.0.0.1:$PORT", $REPO, "lookupCacheSeconds": 0 }
    ],
    "chains": [
      { "name": "LDAP only", "methods": ["LDAP_PASSWORD:1"] },
      { "name": "LDAP + TOTP", "methods": ["LDAP_PASSWORD:1", "TOTP:1"] }
    ],
    "events": [
      { "name": "Default", "chains": ["LDAP only"] },
      { "name": "Authenticators Management", "chains": ["LDAP only"] },
      { "name": "TwoFactor", "chains": ["LDAP + TOTP"] }
    ],
    "endpoints": [ { "id": "41414141414141414141414141414141", "name": "bench", "secret": "876543210" } ],
    "policies": { "TOTPMethod": { "otp_window": 10 } }
  }
}
C

cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }                       # clock ticks (1/100 s)
rss() { echo $(( $(awk "/$2/{print \$2}" "/proc/$1/status") / 1024 )); }   # MB
per_op() { echo "scale=3; ($2 - $1) * 10 / $3" | bc; }                     # ms of CPU per operation
field() { echo "$1" | sed -E "s/.*\"$2\": ([0-9.]+).*/\1/"; }

start=$(date +%s%N)
ASPNETCORE_URLS=http://127.0.0.1:$HTTP dotnet "$SERVER_DLL" --config "$W/bench.json" >"$W/server.log" 2>&1 &
SERVER=$!
until curl -fs "http://127.0.0.1:$HTTP/health/ready" >/dev/null 2>&1; do sleep 0.01; done
ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
sleep 3
echo "start_to_ready_ms=$ready_ms idle_rss_mb=$(rss $SERVER VmRSS)"

l0=$(cpu $SLAPD)
raw=$($BENCH ldap-binds --port $PORT --threads $CLIENTS --seconds "$SECONDS_PER_RUN")
echo "raw_binds: $raw slapd_cpu_ms=$(per_op $l0 $(cpu $SLAPD) $(( $(field "$raw" binds_per_second) * SECONDS_PER_RUN )))"

l0=$(cpu $SLAPD)
dir=$($BENCH directory-binds --port $PORT --concurrency $CLIENTS --seconds "$SECONDS_PER_RUN")
echo "directory_client: $dir slapd_cpu_ms=$(per_op $l0 $(cpu $SLAPD) $(( $(field "$dir" checks_per_second) * SECONDS_PER_RUN )))"

RADIUSD=$(bench/load/freeradius.sh "$W/radius" "$PORT" "$RADIUS" | tail -1)
for i in $(seq -w 1 50); do printf 'User-Name = user%s, User-Password = pw%s\n\n' "$i" "$i"; done > "$W/radius/requests"
radclient -q -c 20 -p $CLIENTS -f "$W/radius/requests" "127.0.0.1:$RADIUS" auth testing123 >/dev/null   # warm-up
r0=$(cpu $RADIUSD); l0=$(cpu $SLAPD); accepted=0; lost=0; t0=$(date +%s%N)
while [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt "$SECONDS_PER_RUN" ]; do
  summary=$(radclient -q -s -c 40 -p $CLIENTS -t 5 -r 1 -f "$W/radius/requests" "127.0.0.1:$RADIUS" auth testing123 || true)
  accepted=$(( accepted + $(echo "$summary" | awk '/Accepted/{print $3}') ))
  lost=$(( lost + $(echo "$summary" | awk '/Rejected|Lost/{n += $3} END {print n + 0}') ))
done
elapsed_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "freeradius: {\"accepts_per_second\": $(( accepted * 1000 / elapsed_ms )), \"accepted\": $accepted, \"rejected_or_lost\": $lost, \"parallel\": $CLIENTS} radiusd_cpu_ms=$(per_op $r0 $(cpu $RADIUSD) $accepted) slapd_cpu_ms=$(per_op $l0 $(cpu $SLAPD) $accepted)"
kill "$RADIUSD"; RADIUSD=""

$BENCH logon-load --url "http://127.0.0.1:$HTTP" --concurrency 8 --seconds 3 >/dev/null   # warm-up
logons() {  # label, then logon-load arguments; prints the result with CPU per logon
  local label=$1; shift
  local s0 l0 r
  s0=$(cpu $SERVER); l0=$(cpu $SLAPD)
  r=$($BENCH logon-load --url "http://127.0.0.1:$HTTP" --seconds "$SECONDS_PER_RUN" "$@" & sleep $((SECONDS_PER_RUN / 2)); \
    echo "rss_under_load_mb=$(rss $SERVER VmRSS) ($label)" >&2; wait)
  local n; n=$(field "$r" logons)
  echo "$label: $r server_cpu_ms=$(per_op $s0 $(cpu $SERVER) $n) slapd_cpu_ms=$(per_op $l0 $(cpu $SLAPD) $n)"
}
best=0; peak=""
for c in 4 8 $CLIENTS; do
  r=$(logons "concurrency $c" --concurrency $c)
  echo "$r"
  n=$(field "$r" logons_per_second)
  if [ "$n" -gt "$best" ]; then best=$n; peak=$r; fi
done
echo "peak: $peak"
logons "no look-up cache, concurrency $CLIENTS" --concurrency $CLIENTS --user 'NOCACHE\user{0}'
logons "half rate" --rate $((best / 2))

$BENCH two-factor-load --url "http://127.0.0.1:$HTTP" --users 1000 --enroll "$W/totp-users" >/dev/null
s0=$(cpu $SERVER); l0=$(cpu $SLAPD)
two=$($BENCH two-factor-load --url "http://127.0.0.1:$HTTP" --secrets "$W/totp-users" --concurrency $CLIENTS --seconds "$SECONDS_PER_RUN")
echo "two_factor: $two server_cpu_ms=$(per_op $s0 $(cpu $SERVER) $(field "$two" logons)) slapd_cpu_ms=$(per_op $l0 $(cpu $SLAPD) $(field "$two" logons))"
echo "peak_rss_mb=$(rss $SERVER VmHWM)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
