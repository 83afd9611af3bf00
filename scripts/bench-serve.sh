#!/usr/bin/env bash
# Benchmarks `parkscan serve` on loopback with wrk: /datex/v3/parking-status polled with a
# matching If-None-Match (304s) and without (full bodies), DURATION each, and the server's
# resident memory sampled every 5 s. Prints wrk's figures and the RSS at start, middle, end.
#
#   make bench-serve                       # release build, bench-out/demo.sqlite (make demo)
#   BIN=.build/release/parkscan DB=bench-out/demo.sqlite DURATION=60s bash scripts/bench-serve.sh
set -euo pipefail

BIN=${BIN:-.build/release/parkscan}
DB=${DB:-bench-out/demo.sqlite}
ZONES=${ZONES:-Zones/demo-town}
PORT=${PORT:-18080}
DURATION=${DURATION:-60s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
ROUTE=${ROUTE:-/datex/v3/parking-status}

command -v wrk > /dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
command -v curl > /dev/null || { echo "curl is not installed: apt-get install -y curl" >&2; exit 1; }
[ -x "$BIN" ] || { echo "$BIN not found: build it (swift build -c release --product parkscan)" >&2; exit 1; }
[ -f "$DB" ] || { echo "$DB not found: run make demo first" >&2; exit 1; }

work=$(mktemp -d)
server=""
sampler=""
cleanup() {
    [ -n "$sampler" ] && kill "$sampler" 2> /dev/null || true
    [ -n "$server" ] && kill -TERM "$server" 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$work/token"
token=$(cat "$work/token")
"$BIN" serve --db "$DB" --zones "$ZONES" --port "$PORT" --token-file "$work/token" 2> "$work/server.log" &
server=$!
url="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do
    curl -fs "$url/healthz" > /dev/null 2>&1 && break
    kill -0 "$server" 2> /dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.1
done
curl -fs "$url/healthz" > /dev/null || { echo "server did not come up" >&2; cat "$work/server.log" >&2; exit 1; }

etag=$(curl -fs -D - -o "$work/body" -H "Authorization: Bearer $token" "$url$ROUTE" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
echo "route $ROUTE: $(wc -c < "$work/body") bytes, ETag $etag"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H "If-None-Match: $etag" "$url$ROUTE")" = 304 ] \
    || { echo "no 304 for a matching If-None-Match" >&2; exit 1; }

rss() { ps -o rss= -p "$server" | tr -d ' '; }
sample() { while kill -0 "$server" 2> /dev/null; do echo "$(date +%s) $(rss)" >> "$work/rss"; sleep 5; done; }

run() {
    local name=$1; shift
    : > "$work/rss"
    echo
    echo "== $name: wrk -t$THREADS -c$CONNECTIONS -d$DURATION $* $url$ROUTE"
    sample &
    sampler=$!
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $token" "$@" "$url$ROUTE"
    kill "$sampler" 2> /dev/null || true
    wait "$sampler" 2> /dev/null || true
    sampler=""
    local n; n=$(wc -l < "$work/rss")
    echo "server RSS (KB): start $(head -1 "$work/rss" | cut -d' ' -f2), middle $(sed -n "$(( (n + 1) / 2 ))p" "$work/rss" | cut -d' ' -f2), end $(rss)"
}

echo "server RSS at start: $(rss) KB"
run "304 Not Modified (If-None-Match)" -H "If-None-Match: $etag"
run "200 full bodies"

kill -TERM "$server"
if wait "$server"; then echo; echo "server stopped on SIGTERM (exit 0)"; else echo "server exited with $? on SIGTERM" >&2; exit 1; fi
server=""
