#!/usr/bin/env bash
# The run command (README.md): builds the server if needed and starts the whole contact center on
# embedded defaults: PostgreSQL, Redis and Kafka in-process with data under ./data, and, when the
# Asterisk tree is provisioned, a local Asterisk 22 wired to it (hotline on SIP 127.0.0.1:5060).
# Open http://localhost:8080 and sign in as 'admin' with the password generated on the first start
# into data/initial-admin-password (mode 600), or set CC_ADMIN_PASSWORD before the first start.
#
# As root it provisions Asterisk and runs the server as an unprivileged user (PostgreSQL refuses
# root). Extra arguments go to the server, e.g. `--server.port=9090`.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
run_user=${CC_RUN_USER:-ccbuild}

if [ "$(id -u)" -eq 0 ]; then
  command -v debootstrap >/dev/null 2>&1 || { apt-get update -q; DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap; }
  # The embedded Redis is Debian's redis-server (patched for the 2025 Lua CVEs), started by the
  # server itself with a password; the package's own system service is not used.
  if [ ! -x /usr/bin/redis-server ]; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -q redis-server
    if command -v systemctl >/dev/null 2>&1; then systemctl disable --now redis-server >/dev/null 2>&1 || true; fi
  fi
  # The agent page's softphone (JsSIP) is bundled from npm during the build (ADR 0013).
  command -v npm >/dev/null 2>&1 || { apt-get update -q; DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm; }
  # Chinese prompts are spoken by espeak-ng's Mandarin voice (MaryTTS has none); without it a
  # Chinese prompt fails with a message naming the package.
  command -v espeak-ng >/dev/null 2>&1 || { apt-get update -q; DEBIAN_FRONTEND=noninteractive apt-get install -y -q espeak-ng || echo "run.sh: espeak-ng not installed; Chinese prompts cannot be spoken"; }
  bash pbx/asterisk/local-asterisk.sh provision || echo "run.sh: Asterisk not provisioned; running without telephony"
  id "$run_user" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$run_user"
  chown -R "$run_user": "$repo"
  home=$(getent passwd "$run_user" | cut -d: -f6)
  # setpriv execs in place (runuser would sit in between and not pass signals on).
  exec setpriv --reuid="$run_user" --regid="$run_user" --init-groups \
    env HOME="$home" USER="$run_user" bash "$repo/scripts/run.sh" "$@"
fi

# Not root on a fresh machine: let sudo provision Asterisk first (README's command works with and
# without sudo); the script then comes back here as the unprivileged service user.
if { [ ! -x /usr/bin/redis-server ] || ! command -v npm >/dev/null 2>&1 || { [ "${CC_LOCAL_ASTERISK:-true}" = true ] \
  && [ ! -x "${CC_ASTERISK_ROOT:-/var/cache/contact-center/asterisk-sid}/usr/sbin/asterisk" ]; }; } \
  && command -v sudo >/dev/null 2>&1; then
  echo "run.sh: installing redis-server and provisioning Asterisk need root: running through sudo"
  exec sudo bash "$repo/scripts/run.sh" "$@"
fi

# shellcheck source=scripts/find-jdk.sh
. scripts/find-jdk.sh
if [ "${CC_SKIP_BUILD:-false}" != true ] || ! ls app/target/app-*.jar >/dev/null 2>&1; then
  ./mvnw -B -ntp -q -DskipTests -Dspotless.check.skip=true install
fi
jar=$(ls app/target/app-*.jar | head -n1)
# Data, credentials, logs and recordings under ./data are the run user's alone (700/600).
umask 077
mkdir -p "$repo/data"
chmod 700 "$repo/data"

tree=${CC_ASTERISK_ROOT:-/var/cache/contact-center/asterisk-sid}
asterisk=false
if [ -x "$tree/usr/sbin/asterisk" ] && [ "${CC_LOCAL_ASTERISK:-true}" = true ]; then
  CC_ASTERISK_RUN_DIR="$repo/data/asterisk" bash pbx/asterisk/local-asterisk.sh start
  asterisk=true
fi

# The IVR loads its demo orders (ivr/src/main/resources/ivr/demo-orders.csv) unless told not to.
"$JAVA_HOME/bin/java" -jar "$jar" --cc.embedded.data-dir="$repo/data" \
  --cc.ivr.orders.demo-data="${CC_IVR_ORDERS_DEMO_DATA:-true}" "$@" &
server=$!
stop() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  if [ "$asterisk" = true ]; then
    CC_ASTERISK_RUN_DIR="$repo/data/asterisk" bash pbx/asterisk/local-asterisk.sh stop
  fi
}
trap stop INT TERM EXIT
wait "$server"
