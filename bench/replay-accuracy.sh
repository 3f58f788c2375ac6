#!/usr/bin/env bash
# Offline replay of every series in ../shared/data/series in both synthesis modes; prints one row per
# series and the geometric means. Usage: bench/replay-accuracy.sh [reference|all]
set -euo pipefail
cd "$(dirname "$0")/.."
workers=${1:-reference}
dir=../shared/data/series
out=$(mktemp -d)
printf '%-32s %-10s %10s %10s %8s\n' series best allora synod seconds
for f in "$dir"/*.csv; do
  name=$(basename "$f" .csv)
  start=$(date +%s.%N)
  ./synod replay --series "$f" --workers "$workers" --mode allora --offline --json "$out/$name.allora.json" >/dev/null 2>&1
  ./synod replay --series "$f" --workers "$workers" --mode synod --offline --json "$out/$name.synod.json" >/dev/null 2>&1
  end=$(date +%s.%N)
  python3 - "$out/$name.allora.json" "$out/$name.synod.json" "$name" "$(echo "$end - $start" | bc)" <<'PY'
import json, sys
a, s = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
print(f"{sys.argv[3]:<32} {a['best_worker']:<10} {a['ratio']:10.3f} {s['ratio']:10.3f} {float(sys.argv[4]):8.1f}")
PY
done
python3 - "$out" <<'PY'
import json, glob, math, sys
for mode in ("allora", "synod"):
    r = [json.load(open(f))["ratio"] for f in glob.glob(f"{sys.argv[1]}/*.{mode}.json")]
    print(f"geometric mean {mode}: {math.exp(sum(map(math.log, r)) / len(r)):.3f} over {len(r)} series")
PY
