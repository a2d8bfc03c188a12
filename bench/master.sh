#!/usr/bin/env bash
# Benchmarks `freshears master` (render + re-check in the closed loop) on a 4-minute stereo track with the full
# chain (EQ, compressor, stereo, gain, limiter). Goal: < 3 s for the whole process on a 2-core machine.
# Usage: bench/master.sh [SOURCE_AUDIO]   (default: a piece from /work/corpus, looped to 4:00)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-/tmp/freshears-bench-master}
mkdir -p "$work"
src=${1:-$(ls /work/corpus/*/*.* 2>/dev/null | grep -v -e wizznic-data -e singularity-music -e fretsonfire-songs-muldjord | head -1 || true)}
track=$work/track4m.wav
if [ ! -f "$track" ]; then
  if [ -n "$src" ] && [ -f "$src" ]; then
    ffmpeg -v error -nostdin -y -stream_loop -1 -i "$src" -t 240 -ac 2 -ar 44100 -c:a pcm_s24le "$track"
  else   # no corpus: a synthetic stereo signal
    sox -n -r 44100 -b 24 -c 2 "$track" synth 240 pinknoise pinknoise tremolo 2 40 gain -12
  fi
fi
cat > "$work/full-chain.json" <<'JSON'
{"amount": 100, "stages": [
  {"type": "eq", "bands": [
     {"kind": "highpass", "freqHz": 25},
     {"kind": "lowShelf", "freqHz": 60, "gainDb": 1.5, "q": 0.707},
     {"kind": "bell", "freqHz": 400, "gainDb": -2.5, "q": 1.0},
     {"kind": "bell", "freqHz": 3000, "gainDb": 1.0, "q": 1.0, "channel": "mid"},
     {"kind": "highShelf", "freqHz": 10000, "gainDb": 1.5, "q": 0.707, "channel": "side"}],
   "reason": "bench"},
  {"type": "compressor", "thresholdDb": -20, "ratio": 2, "attackMs": 30, "releaseMs": 200, "kneeDb": 6},
  {"type": "stereo", "bands": [{"lowHz": 500, "highHz": 2000, "width": 1.1}, {"lowHz": 2000, "highHz": 20000, "width": 1.2}],
   "monoBelowHz": 120},
  {"type": "gain", "gainDb": 3},
  {"type": "limiter", "ceilingDbtp": -1, "lookaheadMs": 3, "releaseMs": 80}]}
JSON
./freshears platforms >/dev/null   # builds the jar if needed, outside the timing
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
./freshears master "$track" --out "$work/out.wav" --chain "$work/full-chain.json" --json \
  | python3 -c 'import json,sys; r=json.load(sys.stdin); print("passes:", len(r["loop"]["passes"]), "loop seconds: %.2f" % r["loop"]["seconds"]); [print(" ", c["name"], c["passed"], c["measured"]) for c in r["checks"][:3]]'
hyperfine --warmup 1 --runs ${RUNS:-5} --export-json "$work/hyperfine.json" \
  "./freshears master $track --out $work/out.wav --chain $work/full-chain.json --json"
