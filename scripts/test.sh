#!/usr/bin/env bash
# The test command (README.md): unit tests and integration tests against real PostgreSQL, Redis,
# Kafka, Asterisk 22 and SIPp, on a fresh Debian/Ubuntu machine.
#
# As root it first installs what the tests need (sip-tester, debootstrap, redis-server, chromium
# and chromium-driver), provisions the cached Asterisk tree, and then runs Maven as an unprivileged
# user: PostgreSQL refuses to run as root, and tests should never need it. As a normal user it
# expects that provisioning to be done.
# Extra arguments go to Maven, e.g. `bash scripts/test.sh -pl pbx -am`.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
test_user=${CC_TEST_USER:-ccbuild}

if [ "$(id -u)" -eq 0 ]; then
  missing=()
  command -v sipp >/dev/null 2>&1 || missing+=(sip-tester)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  command -v setcap >/dev/null 2>&1 || missing+=(libcap2-bin)
  # The agent page's softphone (JsSIP) is bundled from npm during the build (ADR 0013).
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  # The ops console is tested in headless Chromium (CampaignConsoleIT).
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  # Embedded Redis runs Debian's redis-server (patched for the Lua CVEs the bundled 6.2 has).
  [ -x /usr/bin/redis-server ] || missing+=(redis-server)
  # Chinese prompts are spoken by espeak-ng's Mandarin voice (MaryTTS has none).
  command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    apt-get update -q
    # RUNLEVEL=1: packages' services (redis-server's) are not started; tests start their own.
    DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -q "${missing[@]}"
    if [[ " ${missing[*]} " == *" redis-server "* ]] && command -v systemctl >/dev/null 2>&1; then
      systemctl disable --now redis-server >/dev/null 2>&1 || true
    fi
  fi
  # SIPp sends RFC 2833 DTMF and RTP from pcap through a raw socket: let the unprivileged test
  # user do that without running SIPp as root.
  setcap cap_net_raw,cap_net_admin+ep "$(command -v sipp)"
  bash pbx/asterisk/local-asterisk.sh provision
  if ! id "$test_user" >/dev/null 2>&1; then
    useradd --create-home --shell /bin/bash "$test_user"
  fi
  chown -R "$test_user": "$repo"
  # The test user must be able to reach the checkout (and ../shared beside it) even when it lies
  # under a private directory such as /root: grant search (not read) permission on the way down.
  dir=$repo
  while [ "$dir" != / ]; do
    dir=$(dirname "$dir")
    if ! setpriv --reuid="$test_user" --regid="$test_user" --init-groups test -x "$dir"; then
      chmod o+x "$dir"
      echo "test.sh: let $test_user traverse $dir"
    fi
  done
  home=$(getent passwd "$test_user" | cut -d: -f6)
  # setpriv execs in place (runuser would sit in between and not pass signals on).
  exec setpriv --reuid="$test_user" --regid="$test_user" --init-groups \
    env HOME="$home" USER="$test_user" bash "$repo/scripts/test.sh" "$@"
fi

# Not root: on a fresh machine let sudo do the provisioning above (README's command works with and
# without sudo), then the script comes back here as the unprivileged test user.
tree=${CC_ASTERISK_ROOT:-/var/cache/contact-center/asterisk-sid}
if ! command -v sipp >/dev/null 2>&1 || [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/redis-server ] \
  || ! command -v espeak-ng >/dev/null 2>&1 \
  || [ ! -x "$tree/usr/sbin/asterisk" ]; then
  if command -v sudo >/dev/null 2>&1; then
    echo "test.sh: provisioning needs root: running through sudo"
    exec sudo bash "$repo/scripts/test.sh" "$@"
  fi
fi

command -v sipp >/dev/null 2>&1 || { echo "test.sh: sipp is missing: sudo apt-get install sip-tester" >&2; exit 1; }
command -v npm >/dev/null 2>&1 || { echo "test.sh: npm is missing: sudo apt-get install npm" >&2; exit 1; }
[ -x /usr/bin/redis-server ] || { echo "test.sh: redis-server is missing: sudo apt-get install redis-server" >&2; exit 1; }
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || {
  echo "test.sh: chromium is missing: sudo apt-get install chromium chromium-driver" >&2
  exit 1
}
tree=${CC_ASTERISK_ROOT:-/var/cache/contact-center/asterisk-sid}
[ -x "$tree/usr/sbin/asterisk" ] || {
  echo "test.sh: no Asterisk tree at $tree: run 'sudo bash pbx/asterisk/local-asterisk.sh provision' once" >&2
  exit 1
}
exec ./mvnw -B -ntp verify "$@"
