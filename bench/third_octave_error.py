#!/usr/bin/env python3
"""Independent check of reference matching (numpy/scipy, not our analyser): mean absolute difference of the
1/3-octave levels of two files, 40 Hz - 16 kHz (ISO centres), after matching their total power over that range.
Spectrum: Welch, Hann, 8192 points, 50 % overlap, channels averaged.  Usage: third_octave_error.py A.wav B.wav"""
import sys
import numpy as np
import scipy.io.wavfile as wf
from scipy.signal import welch


def levels(path):
    rate, x = wf.read(path)
    x = x.astype(np.float64)
    if x.ndim == 1:
        x = x[:, None]
    f, p = welch(x.T, fs=rate, window="hann", nperseg=8192, noverlap=4096, axis=-1)
    p = p.mean(axis=0)
    centres = [c for c in 1000 * 2 ** (np.arange(-15, 13) / 3) if 39 <= c <= 16500]
    out = []
    for c in centres:
        lo, hi = c / 2 ** (1 / 6), c * 2 ** (1 / 6)
        out.append(p[(f >= lo) & (f < hi)].sum())
    return np.array(centres), np.array(out)


c, a = levels(sys.argv[1])
_, b = levels(sys.argv[2])
offset = 10 * np.log10(a.sum() / b.sum())
err = np.mean(np.abs(10 * np.log10(a) - 10 * np.log10(b) - offset))
print("%.3f" % err)
