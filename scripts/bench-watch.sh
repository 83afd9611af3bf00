#!/usr/bin/env bash
# Benchmark of `parkscan watch` on this machine: two 1920x1080 video files at 25 fps each,
# played at real timing and looped, positions from the drive's NMEA log. Reports frames
# read and dropped per camera, plates, sightings and resident memory sampled every 30 s.
#
#   MINUTES=10 bash scripts/bench-watch.sh        (make bench-watch)
#
# The drive is generated once (1920x1080, frames where plates are in view, 10 fps); its
# camera's frames are written as two 25 fps MJPG videos (its first half, and all of it), so
# nearly every frame has plates in it: harder than a real street, where most frames show
# none. The videos are retimed, so positions drift from the GPS log (and are unlocated from
# the second loop on): the figures are about keeping up, not about decisions.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release}
OUT=${BENCH_OUT:-bench-out}/watch
MINUTES=${MINUTES:-10}
SAMPLE=${SAMPLE:-30}
DRIVE=${DRIVE:-$OUT/drive}
mkdir -p "$OUT"

if [ ! -f "$DRIVE/drive.json" ]; then
    "$BIN/parkscan-synth" drive --out "$DRIVE" --seed 2026 --cars 60 --size 1920x1080 --late-pass 100
fi
frames=$(($(wc -l < "$DRIVE/frames/right/frames.csv") - 1))
half=$((frames / 2))
if [ ! -f "$OUT/cam1.avi" ]; then
    "$BIN/parkscan-synth" video "$DRIVE" --camera right --count "$half" --retime 25 --out "$OUT/cam1.avi"
fi
if [ ! -f "$OUT/cam2.avi" ]; then
    # All frames: a different length, so the two looped streams run out of phase.
    "$BIN/parkscan-synth" video "$DRIVE" --camera right --count "$frames" --retime 25 --out "$OUT/cam2.avi"
fi

rm -f "$OUT/watch.sqlite"*
for kind in permits sessions exemptions; do
    "$BIN/parkscan" rights import "$DRIVE/rights/$kind.csv" --db "$OUT/watch.sqlite" > /dev/null
done

echo "== parkscan watch: 2 x 1920x1080 at 25 fps (real timing, looped) for $MINUTES min =="
command=("$BIN/parkscan" watch
    --camera "$OUT/cam1.avi,side=right,offset=3.0,name=cam1,loop"
    --camera "$OUT/cam2.avi,side=left,offset=3.0,name=cam2,loop"
    --gps "$DRIVE/gps.nmea" --db "$OUT/watch.sqlite" --evidence "$OUT/evidence" --metrics-port 0)
echo "${command[*]}"
"${command[@]}" > "$OUT/watch.out" 2> "$OUT/watch.err" &
pid=$!
echo "seconds,rss_mb" > "$OUT/rss.csv"
start=$(date +%s)
end=$((start + MINUTES * 60))
while [ "$(date +%s)" -lt "$end" ] && kill -0 "$pid" 2> /dev/null; do
    sleep "$SAMPLE"
    rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status" 2> /dev/null || echo 0)
    echo "$(($(date +%s) - start)),$rss" | tee -a "$OUT/rss.csv"
done
# CPU time of the whole process (all threads), before it stops: on a shared machine the
# frames read per second depend on the load, the CPU time per frame read much less.
ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2> /dev/null || echo 0)
kill -TERM "$pid" 2> /dev/null || true
status=0
wait "$pid" || status=$?
echo "exit status $status"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
grep "^watch:" "$OUT/watch.err" | tail -3
cat "$OUT/watch.out"
read=$(sed -n 's/.* \([0-9]*\) frames read.*/\1/p' "$OUT/watch.out")
awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v n="${read:-0}" -v m="$MINUTES" 'BEGIN {
    printf "frames read per second: %.1f; CPU time: %.0f s (%.1f cores), %.1f ms per frame read\n", n / (m * 60), t / hz, t / hz / (m * 60), (n > 0 ? 1000 * t / hz / n : 0) }'
awk -F, 'NR > 1 { if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2 } END { print "resident memory: " min "-" max " MB over the run" }' "$OUT/rss.csv"
