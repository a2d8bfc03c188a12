#!/usr/bin/env python3
"""Cross-checks `freshears analyze --json` against libebur128 (Debian's `loudgain -O`) on real music.

Usage: bench/loudgain_crosscheck.py FILE...   (any format both read: WAV, FLAC, Ogg Vorbis, MP3)
Prints integrated loudness, true peak and loudness range from both, their differences, and the worst of each.
Targets (issue 2): |dI| <= 0.1 LU, |dTP| <= 0.3 dB, |dLRA| <= 1 LU.
"""
import json, os, subprocess, sys

files = sys.argv[1:]
if not files:
    sys.exit(__doc__)
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = subprocess.run([os.path.join(root, "freshears"), "analyze", "--json", *files], capture_output=True, text=True).stdout
ours = {}
for line in out.splitlines():
    d = json.loads(line)
    if "loudness" in d:
        ours[d["file"]["path"]] = d["loudness"]
print(f"{'file':48s} {'I ours':>7s} {'I ebur':>7s} {'dI':>6s} {'TP ours':>7s} {'TP ebur':>7s} {'dTP':>6s} "
      f"{'LRA o':>6s} {'LRA e':>6s} {'dLRA':>5s}")
worst = [0.0, 0.0, 0.0]
for f in files:
    cols = subprocess.run(["loudgain", "-O", "-q", f], capture_output=True, text=True).stdout.splitlines()[1].split("\t")
    i, lra, tp = float(cols[1].split()[0]), float(cols[2].split()[0]), float(cols[4].split()[0])
    o = ours[f]
    d = (o["integratedLufs"] - i, o["truePeakDbtp"] - tp, o["loudnessRangeLu"] - lra)
    worst = [max(w, abs(x)) for w, x in zip(worst, d)]
    name = os.path.basename(f)[:48]
    print(f"{name:48s} {o['integratedLufs']:7.2f} {i:7.2f} {d[0]:+6.2f} {o['truePeakDbtp']:7.2f} {tp:7.2f} {d[1]:+6.2f} "
          f"{o['loudnessRangeLu']:6.2f} {lra:6.2f} {d[2]:+5.2f}")
print("worst |dI| %.3f LU, |dTP| %.3f dB, |dLRA| %.3f LU over %d files" % (*worst, len(files)))
ok = worst[0] <= 0.1 and worst[1] <= 0.3 and worst[2] <= 1.0
print("within the targets (0.1 LU, 0.3 dB, 1 LU):", "yes" if ok else "NO")
sys.exit(0 if ok else 1)
