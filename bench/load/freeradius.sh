#!/usr/bin/env bash
# Usage: bench/load/freeradius.sh DIR LDAP_PORT RADIUS_PORT
# Writes a private FreeRADIUS 3.2 configuration into DIR and starts it on 127.0.0.1:RADIUS_PORT (auth,
# client 127.0.0.1 with secret "testing123"); prints its PID. PAP requests are answered the way
# rlm_ldap is usually set up: search the user as the service account on a pooled connection, then
# bind as the user (Auth-Type LDAP) against the slapd of tests/fixtures/slapd-test.sh on LDAP_PORT.
set -euo pipefail
D=${1:?dir}; LDAP_PORT=${2:?ldap port}; PORT=${3:?radius port}
mkdir -p "$D/log" "$D/run"
D=$(cd "$D" && pwd)
echo '$INCLUDE /usr/share/freeradius/dictionary' > "$D/dictionary"
cat > "$D/radiusd.conf" <<C
prefix = /usr
exec_prefix = /usr
sysconfdir = /etc
localstatedir = /var
sbindir = /usr/sbin
logdir = $D/log
raddbdir = $D
radacctdir = $D/log
name = freeradius
confdir = $D
modconfdir = $D
run_dir = $D/run
db_dir = $D
libdir = /usr/lib/freeradius
pidfile = $D/run/radiusd.pid
max_request_time = 30
cleanup_delay = 0
max_requests = 65536
hostname_lookups = no
log {
  destination = files
  file = $D/log/radius.log
  auth = no
}
security {
  allow_core_dumps = no
  max_attributes = 200
  reject_delay = 0
  status_server = no
}
thread pool {
  start_servers = 16
  max_servers = 32
  min_spare_servers = 8
  max_spare_servers = 32
  max_requests_per_server = 0
  auto_limit_acct = no
}
client localhost {
  ipaddr = 127.0.0.1
  secret = testing123
}
modules {
  ldap {
    server = '127.0.0.1'
    port = $LDAP_PORT
    identity = 'cn=svc-mfa,ou=service,dc=example,dc=test'
    password = svcpw
    base_dn = 'dc=example,dc=test'
    user {
      base_dn = "\${..base_dn}"
      filter = "(uid=%{%{Stripped-User-Name}:-%{User-Name}})"
    }
    options {
      chase_referrals = no
      res_timeout = 10
      srv_timelimit = 3
      net_timeout = 1
    }
    pool {
      start = 16
      min = 16
      max = 64
      spare = 32
      uses = 0
      retry_delay = 1
      lifetime = 0
      idle_timeout = 60
    }
  }
}
server default {
  listen {
    type = auth
    ipaddr = 127.0.0.1
    port = $PORT
  }
  authorize {
    ldap
    if ((ok || updated) && User-Password) {
      update control {
        &Auth-Type := ldap
      }
    }
  }
  authenticate {
    Auth-Type ldap {
      ldap
    }
  }
}
C
freeradius -d "$D" -f -l "$D/log/radius.log" >"$D/log/stdout.log" 2>&1 &
PID=$!
for i in $(seq 1 100); do
  if ! kill -0 "$PID" 2>/dev/null; then cat "$D/log/stdout.log" "$D/log/radius.log" >&2 2>/dev/null; echo "freeradius.sh: freeradius did not start" >&2; exit 1; fi
  grep -q "Ready to process requests" "$D/log/radius.log" 2>/dev/null && break
  sleep 0.1
done
echo "$PID"
