#!/usr/bin/env python3
"""Writes the source WAVs for the committed decoder fixtures into the folder given (default: /tmp/freshears-fixtures).

The integer formulas are repeated in FixtureSignals.java so that tests can rebuild the exact samples.
"""
import math, os, struct, sys

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/freshears-fixtures"
os.makedirs(out, exist_ok=True)


def lcg(state):
    return (state * 1103515245 + 12345) % (1 << 32)


def wav(path, channels, rate, bits, frames, mask=0):
    """Plain PCM, or WAVE_FORMAT_EXTENSIBLE PCM with the given channel mask when mask != 0."""
    width = bits // 8
    data = bytearray()
    for frame in frames:
        for v in frame:
            data += (v & ((1 << bits) - 1)).to_bytes(width, "little")
    fmt = struct.pack("<HHIIHH", 0xFFFE if mask else 1, channels, rate, rate * channels * width, channels * width, bits)
    if mask:
        fmt += struct.pack("<HHI", 22, bits, mask) + bytes([1, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71])
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + bytes(data)
    with open(path, "wb") as f:
        f.write(b"RIFF" + struct.pack("<I", len(body)) + body)


# 16-bit stereo, 0.25 s: triangles plus small LCG noise, full-scale extremes at the start (FLAC bit-exact test)
state, frames = 12345, []
for n in range(11025):
    state = lcg(state); nl = ((state >> 16) & 0x7FFF) % 33 - 16
    state = lcg(state); nr = ((state >> 16) & 0x7FFF) % 33 - 16
    t, t2 = n % 100, n % 70
    left = (t if t < 50 else 100 - t) * 800 - 20000 + nl
    right = (t2 if t2 < 35 else 70 - t2) * 600 - 10500 + nr
    frames.append([left, right])
frames[0], frames[1] = [-32768, 32767], [32767, -32768]
wav(f"{out}/pattern16.wav", 2, 44100, 16, frames)

# 24-bit mono, 0.1 s at 48 kHz, same idea
state, frames = 999, []
for n in range(4800):
    state = lcg(state); noise = ((state >> 16) & 0x7FFF) % 513 - 256
    t = n % 100
    frames.append([(t if t < 50 else 100 - t) * 160000 - 4000000 + noise])
frames[0], frames[1] = [-8388608], [8388607]
wav(f"{out}/pattern24.wav", 1, 48000, 24, frames)

# 1 kHz sine, 0.5 s stereo 44.1 kHz: left at half scale, right at quarter scale (lossy tests)
frames = []
for n in range(22050):
    s = math.sin(2 * math.pi * 1000 * n / 44100)
    frames.append([round(16384 * s), round(8192 * s)])
wav(f"{out}/sine1k.wav", 2, 44100, 16, frames)

# 5.1 in the WAV order (mask 0x3F: FL FR FC LFE BL BR), 1 s at 48 kHz: the same 1 kHz sine at quarter scale in the
# front left and right and in the two surrounds, silence in the centre, a 60 Hz sine at half scale in the LFE
# (Vorbis channel-order and surround-weighting test; ffmpeg reorders it to the Vorbis order FL FC FR RL RR LFE)
frames = []
for n in range(48000):
    s = round(8192 * math.sin(2 * math.pi * 1000 * n / 48000))
    lfe = round(16384 * math.sin(2 * math.pi * 60 * n / 48000))
    frames.append([s, s, 0, lfe, s, s])
wav(f"{out}/surround51.wav", 6, 48000, 16, frames, mask=0x3F)
