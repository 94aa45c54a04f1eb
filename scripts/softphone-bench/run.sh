#!/usr/bin/env bash
# Benchmark (docs/benchmarks.md, "Softphone: accept to audio both ways"): a local Asterisk on its own
# ports, one headless Chromium running bench.js with the app's bundled JsSIP, and SIPp placing
# N calls one after another to the softphone. The page answers each call and reports, through
# requests to the local HTTP server, the time from answer() to RTP flowing both ways (audio
# packets received from and sent to Asterisk, per getStats). Needs `./mvnw -pl app generate-resources`
# (for target/classes/static/vendor/jssip.min.js), the provisioned Asterisk tree, sipp, chromium.
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
repo=$(cd ../.. && pwd)
calls=${1:-30}
work=$(mktemp -d)
export CC_ASTERISK_RUN_DIR="$work/asterisk" CC_SIP_PORT=25060 CC_AMI_PORT=25038 CC_HTTP_PORT=28088 \
  CC_AGI_PORT=24573 CC_TRUNK_PORT=25090 CC_RTP_START=31000 CC_RTP_END=31099
bash "$repo/pbx/asterisk/local-asterisk.sh" start >/dev/null
trap 'bash "$repo/pbx/asterisk/local-asterisk.sh" stop >/dev/null; kill $http $browser 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
e=web-alice-00000001
pw=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
printf '[%s](agent)\nauth = %s\naors = %s\n[%s](agent-aor)\n[%s]\ntype = auth\nauth_type = userpass\nusername = %s\npassword = %s\n' \
  $e $e $e $e $e $e "$pw" >"$CC_ASTERISK_RUN_DIR/etc/pjsip_softphones.conf"
bash "$repo/pbx/asterisk/local-asterisk.sh" cli "module reload res_pjsip.so" >/dev/null
mkdir -p "$work/www"
cp index.html bench.js "$repo/app/target/classes/static/vendor/jssip.min.js" "$work/www/"
(cd "$work/www" && exec python3 -m http.server 28999 --bind 127.0.0.1 >"$work/http.log" 2>&1) &
http=$!
sleep 1
chromium --headless=new --no-sandbox --disable-gpu --use-fake-ui-for-media-stream \
  --use-fake-device-for-media-stream --user-data-dir="$work/chromium" \
  "http://127.0.0.1:28999/index.html?pw=$pw" >/dev/null 2>&1 &
browser=$!
sleep 8
(cd "$repo/pbx/asterisk/sipp" && sipp 127.0.0.1:25060 -sf customer-calls-agent.xml -s $e -i 127.0.0.1 \
  -p 25073 -mp 26200 -m "$calls" -l 1 -r 1 -timeout 600s -timeout_error -nostdin >/dev/null)
grep -o 'both-ways-ms%3D[0-9]*' "$work/http.log" | sed 's/.*3D//' | sort -n | python3 -c '
import math, sys
v = sorted(int(x) for x in sys.stdin); n = len(v)
p = lambda q: v[min(n - 1, math.ceil(q * n) - 1)]
print(f"{n} calls: accept -> RTP both ways min {v[0]} ms, p50 {p(0.5)} ms, p95 {p(0.95)} ms, max {v[-1]} ms")'
