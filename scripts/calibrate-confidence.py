#!/usr/bin/env python3
"""Fits ConfidenceCalibration points: isotonic regression of "best reading exact" on the raw score.

usage: scripts/calibrate-confidence.py GROUNDTRUTH.csv READ.jsonl [BINS]
READ.jsonl is `PARKSCAN_RAW_CONFIDENCE=1 parkscan read --json FOLDER` output (raw scores) on
rendered frames of a seed used for nothing else. Prints Swift points for ConfidenceCalibration.
"""
import csv, json, re, sys

norm = lambda s: re.sub(r'[^0-9A-ZÄÖÜ]', '', (s or '').upper())
truth = {}
for row in csv.DictReader(open(sys.argv[1], encoding='utf-8')):
    truth.setdefault(row['file'], set()).add(norm(row['plate']))
samples = []
for line in open(sys.argv[2], encoding='utf-8'):
    o = json.loads(line)
    name = o['file'].split('/')[-1]
    for plate in (o.get('plates') or [])[:1]:
        samples.append((plate['confidence'], 1.0 if norm(plate['normalized']) in truth.get(name, ()) else 0.0))
samples.sort()
# Pool adjacent violators: blocks of (sum, count), merged while a block's mean exceeds the next's.
blocks = []
for score, right in samples:
    blocks.append([right, 1, score, score])
    while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
        s, n, lo, hi = blocks.pop()
        blocks[-1][0] += s; blocks[-1][1] += n; blocks[-1][3] = hi
bins = int(sys.argv[3]) if len(sys.argv) > 3 else 12
# Laplace-smoothed share right per block: a block of 12 reads all right says 0.93, not 1.
points = [((lo + hi) / 2, (s + 1) / (n + 2), n) for s, n, lo, hi in blocks]
for i in range(1, len(points)):  # smoothing can dent the order; keep it monotone
    points[i] = (points[i][0], max(points[i][1], points[i - 1][1]), points[i][2])
# Thin to at most `bins` points, keeping the ends.
step = max(1, len(points) // bins)
kept = points[::step] + ([points[-1]] if (len(points) - 1) % step else [])
print(f"// {len(samples)} reads, {sum(r for _, r in samples):.0f} right")
print("[" + ", ".join(f"({raw:.4f}, {p:.3f})" for raw, p, _ in kept) + "]")
