#!/usr/bin/env bash
# What the neural forecaster and the loss forecaster add: per series, the network's MSE with
# --workers all divided by its MSE with --workers reference (same mode, offline). Below 1 = they help.
# Usage: bench/neural-gain.sh [synod|allora]
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-synod}
out=$(mktemp -d)
for f in ../shared/data/series/*.csv; do
  name=$(basename "$f" .csv)
  ./synod replay --series "$f" --workers reference --mode "$mode" --offline --json "$out/$name.ref.json" >/dev/null 2>&1
  ./synod replay --series "$f" --workers all --mode "$mode" --offline --json "$out/$name.all.json" >/dev/null 2>&1
done
python3 - "$out" "$mode" <<'PY'
import json, glob, math, os, sys
d, mode = sys.argv[1], sys.argv[2]
logs = []
print(f"{'series':<32} {'ref net MSE':>14} {'all net MSE':>14} {'all/ref':>8} {'mlp/best ref':>12} {'ratio all':>10}")
for f in sorted(glob.glob(f"{d}/*.ref.json")):
    ref = json.load(open(f)); al = json.load(open(f.replace(".ref.", ".all.")))
    r = al["network_mse"] / ref["network_mse"]; logs.append(math.log(r))
    mlp = al["workers"]["mlp"] / ref["best_worker_mse"]
    print(f"{ref['series']:<32} {ref['network_mse']:14.6g} {al['network_mse']:14.6g} {r:8.3f} {mlp:12.3f} {al['ratio']:10.3f}")
print(f"geometric mean of all/ref ({mode}): {math.exp(sum(logs)/len(logs)):.3f}; worst {math.exp(max(logs)):.3f}")
PY
