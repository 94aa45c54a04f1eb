#!/usr/bin/env bash
# Local Asterisk 22 for development and integration tests.
#
# Asterisk comes from a cached Debian sid tree (built once by `provision`, as
# root) and is run from that tree WITHOUT chroot and WITHOUT root: we call the
# tree's own dynamic loader with --library-path so the sid binary uses the sid
# libraries, and point asterisk.conf's [directories] at the tree (read-only
# parts) and at a per-run directory (writable parts).
#
#   provision        build the sid tree if missing (root; cached)
#   start            (re)generate config into the run dir and start Asterisk
#   stop             stop it (idempotent)
#   crash-restart    kill it (-9) and start it again on the run dir as it is, as after a crash:
#                    no call is hung up, the kernel closes every socket (the softphones'
#                    WebSockets), and the configuration the app wrote (their endpoints) is kept
#   status           show pid, run dir, spool and listening endpoints
#   cli "<cmd>"      run an Asterisk CLI command (asterisk -rx)
#
# Environment (defaults in parentheses):
#   CC_ASTERISK_ROOT     (/var/cache/contact-center/asterisk-sid)
#   CC_ASTERISK_RUN_DIR  (<repo>/target/asterisk)
#   CC_SIP_PORT (5060)  CC_AMI_PORT (5038)  CC_HTTP_PORT (8088)
#   CC_AGI_HOST (127.0.0.1)  CC_AGI_PORT (4573)  CC_TRUNK_PORT (5090)
#   CC_RTP_START (10000)  CC_RTP_END (10999)
#   CC_AMI_SECRET (cc-loopback-only)  CC_PHONE_SECRET (cc-loopback-only)
#   The secret defaults are only acceptable because every listener is bound
#   to 127.0.0.1 and AMI additionally permits only 127.0.0.1.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "${SCRIPT_DIR}/../.." && pwd)"

ROOT="${CC_ASTERISK_ROOT:-/var/cache/contact-center/asterisk-sid}"
RUN="${CC_ASTERISK_RUN_DIR:-${REPO_DIR}/target/asterisk}"
PIDFILE="${RUN}/asterisk.pid"
LOG="${RUN}/log/asterisk-stdout.log"

export CC_SIP_PORT="${CC_SIP_PORT:-5060}"
export CC_AMI_PORT="${CC_AMI_PORT:-5038}"
export CC_AMI_SECRET="${CC_AMI_SECRET:-cc-loopback-only}"
export CC_AGI_HOST="${CC_AGI_HOST:-127.0.0.1}"
export CC_AGI_PORT="${CC_AGI_PORT:-4573}"
export CC_HTTP_PORT="${CC_HTTP_PORT:-8088}"
export CC_TRUNK_PORT="${CC_TRUNK_PORT:-5090}"
export CC_RTP_START="${CC_RTP_START:-10000}"
export CC_RTP_END="${CC_RTP_END:-10999}"
export CC_PHONE_SECRET="${CC_PHONE_SECRET:-cc-loopback-only}"
# The local runner listens on loopback only, whatever the environment says: the default secrets
# above are acceptable only because of that. (The compose image sets these for its network.)
export CC_SIP_BIND=127.0.0.1 CC_HTTP_BIND=127.0.0.1 CC_AMI_BIND=127.0.0.1
export CC_AMI_PERMIT=127.0.0.1/255.255.255.255 CC_TRUNK_HOST=127.0.0.1
# Needed inside some templates (paths); set below once RUN exists.
export CC_RUN_DIR="${RUN}"
export CC_ASTERISK_ROOT="${ROOT}"

TEMPLATE_VARS=(CC_SIP_BIND CC_HTTP_BIND CC_AMI_BIND CC_AMI_PERMIT CC_TRUNK_HOST CC_SIP_PORT CC_AMI_PORT CC_AMI_SECRET CC_AGI_HOST CC_AGI_PORT
  CC_HTTP_PORT CC_TRUNK_PORT CC_RTP_START CC_RTP_END CC_PHONE_SECRET
  CC_RUN_DIR CC_ASTERISK_ROOT)

die() { echo "local-asterisk: $*" >&2; exit 1; }
log() { echo "local-asterisk: $*"; }

# Run the sid asterisk binary through the sid loader (no chroot needed).
ast() {
  "${ROOT}/lib64/ld-linux-x86-64.so.2" \
    --library-path "${ROOT}/lib/x86_64-linux-gnu:${ROOT}/usr/lib/x86_64-linux-gnu" \
    "${ROOT}/usr/sbin/asterisk" -C "${RUN}/etc/asterisk.conf" "$@"
}

pid_alive() {
  [[ -f "${PIDFILE}" ]] || return 1
  local pid
  pid="$(cat "${PIDFILE}")"
  [[ -n "${pid}" ]] && kill -0 "${pid}" 2>/dev/null
}

debian_mirror() {
  local url=""
  if compgen -G "/etc/apt/sources.list.d/*.sources" >/dev/null; then
    url="$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i ~ /debian\/?$/) { print $i; exit } }' \
      /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1)"
  fi
  if [[ -z "${url}" && -f /etc/apt/sources.list ]]; then
    url="$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:.*debian\/?$/) { print $i; exit } }' \
      /etc/apt/sources.list | head -n1)"
  fi
  echo "${url:-http://deb.debian.org/debian}"
}

cmd_provision() {
  if [[ -x "${ROOT}/usr/sbin/asterisk" ]]; then
    log "Asterisk tree already present at ${ROOT} (cached, nothing to do)"
    return 0
  fi
  [[ "$(id -u)" -eq 0 ]] || die "provision needs root (debootstrap)"
  if ! command -v debootstrap >/dev/null; then
    log "installing debootstrap"
    apt-get install -y debootstrap
  fi
  local mirror tmp="${ROOT}.tmp"
  mirror="$(debian_mirror)"
  log "debootstrap sid (minbase + asterisk) from ${mirror} into ${tmp}"
  rm -rf "${tmp}"
  mkdir -p "$(dirname "${ROOT}")"
  debootstrap --variant=minbase --include=asterisk sid "${tmp}" "${mirror}"
  # Tests run unprivileged: everything must be readable (the sid tree's
  # /etc/asterisk and /var/lib/asterisk are otherwise owned by its asterisk uid).
  chmod -R a+rX "${tmp}"
  mv "${tmp}" "${ROOT}"
  log "provisioned ${ROOT}"
}

# Substitute ${CC_*} placeholders only (Asterisk's own ${VAR} dialplan syntax
# must survive untouched, so no blanket envsubst). The sed program is built
# once: forks are slow on CI runners.
RENDER_EXPR=()
build_render_expr() {
  local v val
  for v in "${TEMPLATE_VARS[@]}"; do
    # escape sed replacement specials: backslash, &, and our | delimiter
    val="${!v//\\/\\\\}"
    val="${val//&/\\&}"
    val="${val//|/\\|}"
    RENDER_EXPR+=(-e "s|\${${v}}|${val}|g")
  done
}

write_asterisk_conf() {
  cat >"${RUN}/etc/asterisk.conf" <<EOF
; Generated by local-asterisk.sh - do not edit.
[directories]
astetcdir => ${RUN}/etc
astmoddir => ${ROOT}/usr/lib/x86_64-linux-gnu/asterisk/modules
astvarlibdir => ${ROOT}/var/lib/asterisk
astdbdir => ${RUN}/db
astkeydir => ${RUN}/keys
; own data dir: the tree's sounds/en is an absolute symlink into
; /etc/alternatives, which only resolves inside a chroot
astdatadir => ${RUN}/data
astagidir => ${ROOT}/usr/share/asterisk/agi-bin
astspooldir => ${RUN}/spool
astrundir => ${RUN}/run
astlogdir => ${RUN}/log
astcachedir => ${RUN}/cache
astsbindir => ${ROOT}/usr/sbin

[options]
verbose = 3
; no default language surprises: prompts are English unless the dialplan says so
defaultlanguage = en
documentation_language = en_US
; tests call -rx a lot; don't log every remote console connect
hideconnect = yes
EOF
}

write_data_dir() {
  local share="${ROOT}/usr/share/asterisk" entry name
  mkdir -p "${RUN}/data/sounds"
  for entry in "${share}"/*; do
    name="${entry##*/}"
    [[ "${name}" == sounds ]] && continue
    ln -s "${entry}" "${RUN}/data/${name}"
  done
  local allison="${share}/sounds/en_US_f_Allison"
  ln -s "${allison}" "${RUN}/data/sounds/en"
  ln -s "${allison}" "${RUN}/data/sounds/en_US"
  ln -s "${allison}" "${RUN}/data/sounds/en_US_f_Allison"
}

cmd_stop() {
  if ! pid_alive; then
    rm -f "${PIDFILE}"
    log "not running"
    return 0
  fi
  local pid
  pid="$(cat "${PIDFILE}")"
  ast -rx "core stop now" >/dev/null 2>&1 || true
  for _ in $(seq 1 50); do
    kill -0 "${pid}" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "${pid}" 2>/dev/null; then
    log "pid ${pid} did not stop, sending TERM/KILL"
    kill "${pid}" 2>/dev/null || true
    sleep 1
    kill -9 "${pid}" 2>/dev/null || true
  fi
  rm -f "${PIDFILE}"
  log "stopped (pid ${pid})"
}

cmd_start() {
  [[ -x "${ROOT}/usr/sbin/asterisk" ]] ||
    die "no Asterisk at ${ROOT}; run 'sudo $0 provision' first"
  cmd_stop >/dev/null
  rm -rf "${RUN}"
  # Logs (with callers' numbers), recordings and secrets are for the user running it alone: every
  # directory and file Asterisk creates from here on is private (700/600), it inherits this umask.
  umask 077
  mkdir -p "${RUN}"/{etc,db,keys/keys,run,log,cache,spool/monitor,spool/outgoing,spool/tmp}
  chmod 700 "${RUN}"
  write_asterisk_conf
  write_data_dir
  local f
  build_render_expr
  for f in "${SCRIPT_DIR}"/etc/*.conf; do
    sed "${RENDER_EXPR[@]}" "${f}" >"${RUN}/etc/${f##*/}"
  done
  # Secrets live in the run dir: keep them private to the invoking user.
  chmod 600 "${RUN}/etc/manager.conf" "${RUN}/etc/pjsip.conf"
  launch
}

cmd_crash_restart() {
  [[ -f "${RUN}/etc/asterisk.conf" ]] || die "no run dir at ${RUN}; use start"
  if pid_alive; then
    local pid
    pid="$(cat "${PIDFILE}")"
    kill -9 "${pid}"
    for _ in $(seq 1 50); do
      kill -0 "${pid}" 2>/dev/null || break
      sleep 0.1
    done
    log "killed (pid ${pid})"
  fi
  rm -f "${PIDFILE}"
  umask 077
  launch
}

launch() {
  # -f: foreground (no fork) so $! is the real pid; -n: no ANSI colours in
  # the log; no console (-c): a console with closed stdin spins at 100% CPU.
  # setsid detaches it from our session/process group.
  nohup setsid "${ROOT}/lib64/ld-linux-x86-64.so.2" \
    --library-path "${ROOT}/lib/x86_64-linux-gnu:${ROOT}/usr/lib/x86_64-linux-gnu" \
    "${ROOT}/usr/sbin/asterisk" -C "${RUN}/etc/asterisk.conf" -f -n \
    </dev/null >>"${LOG}" 2>&1 &
  echo $! >"${PIDFILE}"

  for _ in $(seq 1 240); do
    if ! pid_alive; then
      echo "--- ${LOG} ---" >&2; tail -n 40 "${LOG}" >&2 || true
      die "Asterisk exited during startup"
    fi
    if ast -rx "core waitfullybooted" >/dev/null 2>&1; then
      log "Asterisk running (pid $(cat "${PIDFILE}")), run dir ${RUN}"
      log "SIP udp 127.0.0.1:${CC_SIP_PORT}, AMI 127.0.0.1:${CC_AMI_PORT} (user cc-app)," \
        "HTTP/WS 127.0.0.1:${CC_HTTP_PORT}, AGI -> ${CC_AGI_HOST}:${CC_AGI_PORT}"
      return 0
    fi
    sleep 0.25
  done
  echo "--- ${LOG} ---" >&2; tail -n 40 "${LOG}" >&2 || true
  cmd_stop >&2 || true
  die "Asterisk not fully booted after 60 s"
}

cmd_status() {
  if pid_alive; then
    log "running, pid $(cat "${PIDFILE}")"
  else
    log "not running"
  fi
  log "run dir:    ${RUN}"
  log "logs:       ${RUN}/log/messages (full), ${LOG} (stdout)"
  log "recordings: ${RUN}/spool/monitor"
  if pid_alive; then
    ast -rx "core show uptime" || true
    ast -rx "pjsip show transports" | grep -E '^ *Transport:' || true
  fi
}

cmd_cli() {
  [[ $# -ge 1 ]] || die "usage: $0 cli \"<asterisk command>\""
  pid_alive || die "Asterisk is not running"
  ast -rx "$*"
}

case "${1:-}" in
  provision) cmd_provision ;;
  start) cmd_start ;;
  crash-restart) cmd_crash_restart ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  cli) shift; cmd_cli "$@" ;;
  *) echo "usage: $0 {provision|start|crash-restart|stop|status|cli \"<command>\"}" >&2; exit 2 ;;
esac
