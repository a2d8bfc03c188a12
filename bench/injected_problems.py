#!/usr/bin/env python3
"""Injected problems on real music, diagnosed end to end through `./freshears analyze --json`.

For each track: a 60-second excerpt (from 30 s in) is the clean version; sox and ffmpeg then inject one problem
each (tonal, loudness, clipping, over-compression, narrow and inverted stereo). Every version is analysed with
the genre the model detects, as a user who names none would see it. A problem counts as diagnosed when its
code is in the findings; the clean excerpt must not carry that code.

Usage: bench/injected_problems.py [--genre-from-folder] TRACK... (any format ffmpeg reads; never the packages
REFERENCE_CORPUS.md reserves for evaluation). With --genre-from-folder, each track's folder name (corpus layout
GENRE/track) is passed as --genre, as for a user who names the genre. Needs sox and ffmpeg. Prints one table row
per track and version, then totals.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# name -> (expected code, how to make it from clean.wav: a sox effect list or an ffmpeg filter)
INJECTIONS = {
    "lowMidsBoost": ("tonal.lowMids.excess", ("sox", ["gain", "-12", "equalizer", "350", "1q", "+10"])),
    "highsCut": ("tonal.highs.lack", ("sox", ["equalizer", "7000", "0.7q", "-12"])),
    "bassBoost": ("tonal.bass.excess", ("sox", ["gain", "-12", "equalizer", "120", "1q", "+10"])),
    "quiet": ("loudness.tooQuiet", ("sox", ["gain", "-16"])),
    "loud": ("loudness.tooLoud", ("ffmpeg", "volume=16dB,alimiter=limit=0.9:level=disabled:attack=1:release=20")),
    "clipped": ("peaks.clipping", ("sox", ["gain", "12"])),
    "overCompressed": ("dynamics.overCompressed",
                       ("ffmpeg", "acompressor=threshold=-40dB:ratio=20:attack=0.1:release=20:makeup=24,"
                                  "alimiter=limit=0.9:level=disabled:attack=0.5:release=10")),
    "mono": ("stereo.tooNarrow", ("sox", ["remix", "1,2", "1,2"])),
    "inverted": ("stereo.phaseProblem", ("sox", ["remix", "1", "2v-1"])),
}


def run(cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_versions(track, work):
    clean = os.path.join(work, "clean.wav")
    run(["ffmpeg", "-y", "-v", "error", "-ss", "30", "-t", "60", "-i", track, "-ac", "2", "-ar", "44100",
         "-c:a", "pcm_s24le", clean])
    files = {"clean": clean}
    for name, (_, (tool, how)) in INJECTIONS.items():
        out = os.path.join(work, name + ".wav")
        if tool == "sox":
            run(["sox", clean, "-b", "24", out] + how)
        else:
            run(["ffmpeg", "-y", "-v", "error", "-i", clean, "-af", how, "-c:a", "pcm_s24le", out])
        files[name] = out
    return files


def analyse(paths, genre=None):
    extra = ["--genre", genre] if genre else []
    out = subprocess.run([os.path.join(ROOT, "freshears"), "analyze", "--json"] + extra + paths, check=True,
                         capture_output=True, text=True).stdout
    docs = [json.loads(line) for line in out.splitlines() if line.strip()]
    return {d["file"]["path"]: d for d in docs}


def main(tracks, genre_from_folder=False):
    hits = misses = clean_false = 0
    rows = []
    for track in tracks:
        with tempfile.TemporaryDirectory(prefix="freshears-inject-") as work:
            files = make_versions(track, work)
            genre = os.path.basename(os.path.dirname(os.path.abspath(track))) if genre_from_folder else None
            docs = analyse(list(files.values()), genre)
            by_name = {name: docs[path] for name, path in files.items()}
            clean_codes = {f["code"] for f in by_name["clean"]["findings"]}
            genre = by_name["clean"]["genre"].get("target")
            for name, (code, _) in INJECTIONS.items():
                codes = {f["code"] for f in by_name[name]["findings"]}
                found = code in codes
                in_clean = code in clean_codes
                hits += found
                misses += not found
                clean_false += in_clean
                rows.append(f"{os.path.basename(track)[:42]:42} {genre or '-':10} {name:15} {code:24} "
                            f"{'found' if found else 'MISSED':6} {'(clean has it too)' if in_clean else ''}")
    print("\n".join(rows))
    print(f"diagnosed {hits} of {hits + misses}; the code was already in the clean excerpt for {clean_false}")


if __name__ == "__main__":
    args = sys.argv[1:]
    by_folder = "--genre-from-folder" in args
    args = [a for a in args if a != "--genre-from-folder"]
    if not args:
        sys.exit(__doc__)
    main(args, by_folder)
