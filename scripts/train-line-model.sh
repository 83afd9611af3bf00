#!/usr/bin/env bash
# Trains Models/plate-lines.onnx, the line model (LineModel.cpp), and its judge
# Models/plate-lines-judge.onnx: renders scenes, cuts their plate lines with the reader's own
# line extraction (`parkscan-synth lines --grey`) and trains two small convolutional networks
# on them with CTC (scripts/train-line-model.py), side by side, one per core. The judge learns
# from the same lines degraded further (--hard: blur, too few pixels, noise) for 30 passes.
#
#   scripts/train-line-model.sh                      # whole recipe (~60 min on two cores)
#   OUT=/tmp/lines.onnx JUDGE_OUT=/tmp/judge.onnx scripts/train-line-model.sh  # write elsewhere
#   REUSE_LINES=1 scripts/train-line-model.sh        # keep the rendered lines in $WORK, train again
#
# Lines: 10 000 scenes in the plate font (OSP-DIN, seeds 3001 and 3002), and 2 000 in each of
# six other sans fonts (seed 3100), so the network learns characters rather than one font: the
# real photos are in other plate fonts (see Models/README.md). The other fonts' renders draw
# umlauts as lower-case letters, so their lines with an umlaut are left out.
# Never the benchmark's seeds (2026, 4242).
#
# Needs: swift, python3-torch (Debian 12: apt-get install python3-torch), and the fonts
# (apt-get install fonts-dejavu-core fonts-liberation fonts-roboto-unhinted fonts-freefont-ttf
# fonts-urw-base35). The reader needs none of them: OpenCV's dnn module runs the model.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${WORK:-${TMPDIR:-/tmp}/parkscan-line-train}"
OUT="${OUT:-$ROOT/Models/plate-lines.onnx}"
JUDGE_OUT="${JUDGE_OUT:-$ROOT/Models/plate-lines-judge.onnx}"
PLATE_SCENES="${PLATE_SCENES:-5000}"   # per seed, two seeds (one per core)
FONT_SCENES="${FONT_SCENES:-2000}"     # per other font
EPOCHS="${EPOCHS:-20}"
JUDGE_EPOCHS="${JUDGE_EPOCHS:-30}"
SIZES=(--size 1280x720 --size 1920x1080 --size 640x480)
FONTS=(
    /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
    /usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf
    /usr/share/fonts/truetype/liberation/LiberationSansNarrow-Bold.ttf
    /usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Bold.ttf
    /usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Bold.otf
    /usr/share/fonts/truetype/freefont/FreeSansBold.ttf
)
for font in "${FONTS[@]}"; do
    [[ -f "$font" ]] || { echo "missing font $font: apt-get install fonts-dejavu-core fonts-liberation fonts-roboto-unhinted fonts-freefont-ttf fonts-urw-base35" >&2; exit 1; }
done
/usr/bin/python3 -c 'import torch' 2>/dev/null || { echo "needs python3-torch: apt-get install python3-torch" >&2; exit 1; }

SYNTH="$ROOT/.build/release/parkscan-synth"
(cd "$ROOT" && swift build -c release --product parkscan-synth)
mkdir -p "$WORK"

lines() { # OUT_DIR ARGS...: render and cut lines unless REUSE_LINES and they are there
    local dir="$1"; shift
    if [[ -n "${REUSE_LINES:-}" && -d "$dir" ]]; then return; fi
    rm -rf "$dir"
    "$SYNTH" lines "${SIZES[@]}" --fewer-columns 9 --more-columns 9 --grey --out "$dir" "$@" > "$dir.log"
    tail -1 "$dir.log"
}

# Two at a time: one per core.
lines "$WORK/plate-1" --count "$PLATE_SCENES" --seed 3001 &
lines "$WORK/plate-2" --count "$PLATE_SCENES" --seed 3002 &
wait
folders=("$WORK/plate-1" "$WORK/plate-2")
for ((i = 0; i < ${#FONTS[@]}; i += 2)); do
    for font in "${FONTS[@]:i:2}"; do
        name="$(basename "${font%.*}")"
        lines "$WORK/font-$name" --count "$FONT_SCENES" --seed 3100 --font "$font" &
        folders+=("$WORK/font-$name")
    done
    wait
done
# Umlauts in the other fonts are drawn as lower-case letters (and often lost): not plates.
for dir in "$WORK"/font-*; do
    grep -l '[ÄÖÜ]' "$dir"/*.gt.txt 2>/dev/null | while read -r text; do rm -f "$text" "${text%.gt.txt}.pgm"; done
done

# One network per core (~25 min for the judge's 30 passes).
/usr/bin/python3 "$ROOT/scripts/train-line-model.py" --threads 1 --epochs "$EPOCHS" --out "$OUT" "${folders[@]}" &
model=$!
/usr/bin/python3 "$ROOT/scripts/train-line-model.py" --threads 1 --hard --epochs "$JUDGE_EPOCHS" --out "$JUDGE_OUT" "${folders[@]}" > "$WORK/judge.log" 2>&1 &
judge=$!
wait "$model" || { echo "training the line model failed" >&2; exit 1; }
wait "$judge" || { echo "training the judge failed; see $WORK/judge.log" >&2; exit 1; }
tail -2 "$WORK/judge.log"
