#!/usr/bin/env bash
# Benchmark: whole-process wall time of `./freshears analyze --json` against
# `ffmpeg -af ebur128=peak=true` on the same 4-minute 44.1 kHz stereo 24-bit WAV, alternating runs,
# reporting the median ratio; then in-process time per minute of audio and peak memory (RSS) on a 60-minute
# file. Needs sox and ffmpeg (apt-get install -y sox ffmpeg). Usage: bench/analyze-vs-ffmpeg.sh [RUNS] [FILE]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-7}"
WORK="${TMPDIR:-/tmp}/freshears-bench"
mkdir -p "$WORK"
FILE="${2:-$WORK/music4.wav}"
if [[ ! -f "$FILE" ]]; then
  # a music-like 4-minute signal: pink noise with a 2 Hz pulse, a bass line and a bright hi-hat layer
  sox -n -r 44100 -c 2 -b 24 "$FILE" synth 240 pinknoise vol 0.25 tremolo 2 60 \
      synth 240 sine mix 55-110 vol 0.3 remix - - 2>/dev/null || \
  sox -n -r 44100 -c 2 -b 24 "$FILE" synth 240 pinknoise vol 0.3 tremolo 2 40
fi
"$ROOT/freshears" analyze --json "$FILE" >/dev/null   # build + warm the page cache
ffmpeg -nostats -hide_banner -i "$FILE" -af ebur128=peak=true -f null - 2>/dev/null
now() { date +%s.%N; }
ours=(); theirs=()
for ((i = 0; i < RUNS; i++)); do
  t0=$(now); "$ROOT/freshears" analyze --json "$FILE" >/dev/null; t1=$(now)
  ffmpeg -nostats -hide_banner -i "$FILE" -af ebur128=peak=true -f null - 2>/dev/null; t2=$(now)
  ours+=("$(echo "$t1 - $t0" | bc)"); theirs+=("$(echo "$t2 - $t1" | bc)")
done
python3 - "${ours[*]}" "${theirs[*]}" <<'PY'
import sys, statistics as st
a = [float(x) for x in sys.argv[1].split()]; b = [float(x) for x in sys.argv[2].split()]
r = [x / y for x, y in zip(a, b)]
print(f"freshears analyze : median {st.median(a):.3f} s  (runs: {' '.join(f'{x:.2f}' for x in a)})")
print(f"ffmpeg ebur128    : median {st.median(b):.3f} s  (runs: {' '.join(f'{x:.2f}' for x in b)})")
print(f"ratio freshears/ffmpeg: median {st.median(r):.3f}  (<1 means Fresh Ears is faster)")
PY
LONG="$WORK/hour.wav"
[[ -f "$LONG" ]] || sox -n -r 48000 -c 2 -b 24 "$LONG" synth 3600 pinknoise vol 0.3 tremolo 3 30
echo "60-minute 48 kHz stereo 24-bit file:"
FRESHEARS_TIMING=1 /usr/bin/time -f "peak RSS %M KB, wall %e s" "$ROOT/freshears" analyze --json "$LONG" >/dev/null
