#!/usr/bin/env bash
# Benchmark: what loading the reference model and predicting adds to a whole `analyze --json` process.
# Alternates runs with the default model and with none (freshears.home pointing at a folder without
# models/, through the launcher's FRESHEARS_HOME), on the same 10-second file, and reports the medians and their difference.
# Needs sox. Usage: bench/model-overhead.sh [RUNS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-21}"
WORK="${TMPDIR:-/tmp}/freshears-bench"
mkdir -p "$WORK/nomodel"
FILE="$WORK/ten.wav"
[[ -f "$FILE" ]] || sox -n -r 44100 -c 2 -b 24 "$FILE" synth 10 pinknoise vol 0.3 tremolo 2 40
"$ROOT/freshears" platforms >/dev/null               # build the jar and the start-up cache once
run() { # $1 = freshears.home
  local t0 t1
  t0=$(date +%s%N)
  FRESHEARS_HOME="$1" "$ROOT/freshears" analyze --json "$FILE" >/dev/null
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
with=(); without=()
for ((i = 0; i < RUNS; i++)); do
  with+=("$(run "$ROOT")"); without+=("$(run "$WORK/nomodel")")
done
python3 - "${with[*]}" "${without[*]}" <<'PY'
import sys, statistics as st
a = [int(x) for x in sys.argv[1].split()]; b = [int(x) for x in sys.argv[2].split()]
d = [x - y for x, y in zip(a, b)]
print(f"with the default model : median {st.median(a)} ms  (runs: {' '.join(map(str, a))})")
print(f"without a model        : median {st.median(b)} ms  (runs: {' '.join(map(str, b))})")
print(f"added by the model     : {st.median(a) - st.median(b):+.0f} ms (difference of medians); "
      f"median of paired differences {st.median(d):+.0f} ms")
PY
