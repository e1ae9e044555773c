#!/usr/bin/env bash
# Installs the directory servers the integration tests run against (OpenLDAP slapd, Samba AD DC)
# and the independent clients the method tests compare against: oathtool (TOTP/HOTP) and the
# software U2F token (Authen::U2F::Tester), Debian's chromium for the WebAuthn browser tests, and
# PostgreSQL and HAProxy for the storage and cluster tests.
# Idempotent and non-interactive: does nothing when every binary is already there.
# The test fixtures (tests/OpenAaf.Testing) name this script when a binary is missing.
set -euo pipefail

need() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/usr/bin/$1" ]; }
all_there() {
  for b in slapd slappasswd slapadd slaptest ldapsearch ldapadd openssl samba samba-tool ldbmodify faketime oathtool chromium psql haproxy; do
    need "$b" || return 1
  done
  [ -e /usr/lib/ldap/ppolicy.so ] || [ -e /usr/lib/ldap/ppolicy.la ] || return 1
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || return 1
  perl -MAuthen::U2F::Tester -e 1 >/dev/null 2>&1 || return 1
}
if all_there; then
  echo "install-test-deps: slapd, ldap-utils, samba, oathtool, the U2F tester, chromium, PostgreSQL and HAProxy already installed"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "install-test-deps: must run as root (apt-get)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
APT="apt-get -o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold"
$APT update -qq
# Without this preseed the slapd package creates (and would start) a default dc=nodomain instance.
echo 'slapd slapd/no_configuration boolean true' | debconf-set-selections
$APT install -y -qq --no-install-recommends slapd ldap-utils openssl
# Samba AD DC: one per machine, fixed ports (tests/fixtures/samba-ad-test.sh).
# faketime: the fixture sets one password at a past date (AD sub-code 532).
$APT install -y -qq samba-ad-dc samba-dsdb-modules samba-vfs-modules samba-ad-provision winbind ldb-tools faketime
# oathtool: independent TOTP/HOTP generator (RFC 4226/6238) for the OTP method tests.
$APT install -y -qq --no-install-recommends oathtool
# Software U2F token for the U2F:1 tests (tests/fixtures/u2f-tester.pl); it creates its key with openssl.
$APT install -y -qq --no-install-recommends libauthen-u2f-tester-perl openssl
# chromium: WebAuthn with a CDP virtual authenticator, driven by Playwright (never its downloaded browsers).
$APT install -y -qq chromium
# PostgreSQL: the postgres storage provider's tests start private clusters (tests/fixtures/postgres-test.sh), a primary
# and a streaming standby; HAProxy balances several server processes in the cluster tests.
$APT install -y -qq --no-install-recommends postgresql postgresql-client haproxy
echo "install-test-deps: done"
