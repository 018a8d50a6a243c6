#!/usr/bin/env bash
# Makes sure the Dovecot binaries the live tests start are present.
# As root: installs Debian's dovecot-imapd when missing. Otherwise: says what to install.
set -euo pipefail
if [ -x /usr/sbin/dovecot ] && command -v doveadm >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing dovecot-imapd (Debian) for the live IMAP tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends dovecot-imapd openssl >/dev/null
  exit 0
fi
cat >&2 <<'MSG'
Dovecot is not installed, so the live IMAP tests will be skipped (and fail under CI=true).
Install it with:   sudo apt-get install -y --no-install-recommends dovecot-imapd openssl
MSG
if [ "${CI:-}" = "true" ]; then exit 1; fi
