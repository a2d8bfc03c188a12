#!/usr/bin/env bash
# Builds the Fresh Ears genre reference corpus from freely licensed music in Debian `main`.
#
#   scripts/build-corpus.sh [PACKAGE...]
#
# Environment:
#   CORPUS_DIR  where the audio goes (default /work/corpus; must be outside any git work tree)
#   MANIFEST    manifest to (re)write (default <repo>/models/corpus-manifest.csv)
#   CAP         default maximum tracks per package (default 25; packages.tsv may set a lower one)
#   RENDER_FORMAT  flac (default; smaller) or wav (saves CPU on a busy machine) for audio the script
#               makes itself: rendered modules, mixed stems, transcoded Opus. Not part of a package's
#               spec: it applies to packages built from then on (delete CORPUS_DIR/.state/PKG.done to redo one)
#
# Sources and labels live in scripts/corpus/packages.tsv (one row per package) and
# scripts/corpus/tracks.tsv (per-track overrides and skips). Layout written:
#   CORPUS_DIR/<genre>/<package>__<track>.<ext>
# which is what `freshears train --references CORPUS_DIR --out MODEL_DIR` reads.
#
# Packages are fetched one at a time with `apt-get download`, the music is extracted (or rendered
# for tracker modules, transcoded for Opus, mixed from stems for Frets on Fire songs) and the .deb
# is deleted at once. A package whose spec (its packages.tsv row, its tracks.tsv rules and this
# script's RECIPE version) is unchanged since its last successful build is skipped, so the script
# is resumable. With PACKAGE arguments only those packages are (re)built; the manifest is always
# regenerated from every package built so far.
set -euo pipefail

RECIPE=5   # bump when the extraction/measurement recipe changes, forcing rebuilds

if [[ -z "${FRESHEARS_NICED:-}" ]]; then
  export FRESHEARS_NICED=1
  if command -v ionice >/dev/null; then exec nice -n 5 ionice -c 2 -n 7 "$0" "$@"; fi
  exec nice -n 5 "$0" "$@"
fi

REPO=$(cd "$(dirname "$0")/.." && pwd)
CORPUS_DIR=${CORPUS_DIR:-/work/corpus}
MANIFEST=${MANIFEST:-$REPO/models/corpus-manifest.csv}
CAP=${CAP:-25}
RENDER_FORMAT=${RENDER_FORMAT:-flac}
case "$RENDER_FORMAT" in
  flac) RENDER_CODEC=(-c:a flac -sample_fmt s16) ;;
  wav)  RENDER_CODEC=(-c:a pcm_s16le) ;;
  *)    echo "build-corpus: RENDER_FORMAT must be flac or wav" >&2; exit 2 ;;
esac
MIN_SECONDS=30
MAX_MODULE_SECONDS=600
PKGS_TSV=$REPO/scripts/corpus/packages.tsv
RULES_TSV=$REPO/scripts/corpus/tracks.tsv
# Reserved for independent evaluation (shared/REFERENCE_CORPUS.md): never download these.
RESERVED=" wizznic-data singularity-music fretsonfire-songs-muldjord "

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'build-corpus: %s\n' "$*" >&2; exit 1; }

for tool in apt-get dpkg-deb tar bsdtar ffmpeg ffprobe sox openmpt123 sha1sum awk; do
  command -v "$tool" >/dev/null || die "missing tool: $tool (apt-get install ffmpeg sox openmpt123 libarchive-tools)"
done
[[ -f $PKGS_TSV && -f $RULES_TSV ]] || die "missing $PKGS_TSV or $RULES_TSV"

mkdir -p "$CORPUS_DIR"
CORPUS_DIR=$(cd "$CORPUS_DIR" && pwd)
if git -C "$CORPUS_DIR" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  die "CORPUS_DIR $CORPUS_DIR is inside a git work tree; audio must never be committed"
fi
STATE=$CORPUS_DIR/.state
WORK=$CORPUS_DIR/.work
mkdir -p "$STATE" "$WORK"

# ---------------------------------------------------------------------------------------------
# helpers

sanitize() {  # track name -> safe file-name fragment
  printf '%s' "$1" | tr '/ ' '__' | tr -c 'A-Za-z0-9._+-' '_' | sed -e 's/__*/_/g' -e 's/^_//' -e 's/_$//'
}

csvq() {  # quote one CSV field
  local s=${1//\"/\"\"}
  printf '"%s"' "$s"
}

# One ffprobe per file: sets P_DUR P_CODEC P_SR P_CH P_TAGS ("ARTIST=..;TITLE=..;" from format or
# stream tags, keys upper-cased). Empty P_DUR means the file does not decode.
probe() {
  P_DUR="" P_CODEC="" P_SR="" P_CH="" P_TAGS=""
  local line k v
  declare -A seen=()
  while IFS= read -r line; do
    k=${line%%=*}; v=${line#*=}
    case "$k" in
      duration)    [[ -z $P_DUR && $v != N/A ]] && P_DUR=$v ;;
      codec_name)  [[ -z $P_CODEC ]] && P_CODEC=$v ;;
      sample_rate) [[ -z $P_SR ]] && P_SR=$v ;;
      channels)    [[ -z $P_CH ]] && P_CH=$v ;;
      TAG:*) k=${k#TAG:}; k=${k^^}
             case "$k" in ARTIST|TITLE|ALBUM|GENRE|COMPOSER)
               if [[ -z ${seen[$k]:-} ]]; then seen[$k]=1; P_TAGS+="$k=$v;"; fi ;; esac ;;
    esac
  done < <(ffprobe -v error -select_streams a:0 \
             -show_entries format=duration:stream=codec_name,sample_rate,channels:format_tags:stream_tags \
             -of default=nw=1 "$1" 2>/dev/null)
  return 0
}

# How much "air" a track has. Six 10 s excerpts spread over the track are folded to mono and sox's
# steep FIR high-passes (sinc) measure the power above 14, 16 and 18 kHz. Reported, in dB:
#   r16    power above 16 kHz relative to the whole signal (full-band masters: about -35..-50)
#   cliff  power above 16 kHz relative to the 14-16 kHz band (a natural roll-off: 0..-10;
#          an encoder's 16 kHz low-pass: -20 or less)
#   r18    power above 18 kHz relative to the whole signal
# A track is flagged bandLimited16k when r16 < -60 or cliff < -20: it has no content above ~16 kHz
# and must not teach the model that "no air" is normal for its genre.
bandwidth_note() {
  local f=$1 dur=$2 i inputs=() pads=""
  for i in 1 3 5 7 9 11; do
    inputs+=(-ss "$(awk -v d="$dur" -v i="$i" 'BEGIN{s=d*i/12-5; if (s<0) s=0; printf "%.2f", s}')" -t 10 -i "$f")
    pads+="[$(( (i-1)/2 )):a]"
  done
  ffmpeg -v error -nostdin "${inputs[@]}" \
      -filter_complex "${pads}concat=n=6:v=0:a=1,pan=mono|c0=0.5*c0+0.5*c1" -c:a pcm_f32le -f wav - 2>/dev/null \
    | sox -t wav - -n stats sinc 14000 stats sinc 16000 stats sinc 18000 stats 2>&1 \
    | awk '/RMS lev dB/ { v[++n] = $4 } END {
        if (n < 4 || v[1] == "-inf") { print "unmeasured"; exit }
        for (i = 2; i <= 4; i++) if (v[i] == "-inf" || v[i] < -200) v[i] = -200
        band = 10^(v[2]/10) - 10^(v[3]/10); if (band <= 1e-20) band = 1e-20
        r16 = v[3] - v[1]; cliff = v[3] - 10*log(band)/log(10); r18 = v[4] - v[1]
        note = (r16 < -60 || cliff < -20) ? "bandLimited16k: no content above 16 kHz" : "full"
        printf "%s (r16 %.1f dB, cliff %.1f dB, r18 %.1f dB)", note, r16, cliff, r18 }'
}

# Look up the label of one track. Rules for the package are tried in order; the regex is matched
# (case-insensitive) against "RELPATH|TAGS". Prints "genre<TAB>reason<TAB>licence" or nothing.
rule_for() {
  local pkg=$1 key=$2
  awk -F'\t' -v pkg="$pkg" -v key="$key" '
    /^#/ || NF < 4 { next }
    $1 == pkg && tolower(key) ~ tolower($2) { lic = (NF >= 5 && $5 != "" && $5 != "-") ? $5 : "";
                                              print $3 "\t" $4 "\t" lic; exit }' "$RULES_TSV"
}

spec_hash() {
  local pkg=$1
  # the split column (4th of packages.tsv) is applied when the manifest is written, so changing it
  # does not force a rebuild
  { echo "recipe=$RECIPE cap=$CAP min=$MIN_SECONDS"
    awk -F'\t' -v OFS='\t' -v p="$pkg" '$1 == p { if (FILENAME ~ /packages.tsv$/) $4 = ""; print }' "$PKGS_TSV" "$RULES_TSV"
  } | sha1sum | cut -c1-16
}

# Produce the corpus file for one source. Sets OUT_EXT. Returns non-zero when the source cannot
# be decoded.
produce() {
  local kind=$1 src=$2 dest_noext=$3
  case "$kind" in
    module)
      local wav=$WORK/render.$$.wav
      # --batch with -o renders one module to one file (--render would write next to the input)
      openmpt123 --batch --quiet --force --samplerate 44100 --channels 2 --no-float \
        --end-time "$MAX_MODULE_SECONDS" -o "$wav" "$src" >/dev/null 2>&1 || { rm -f "$wav"; return 1; }
      if [[ $RENDER_FORMAT == wav ]]; then mv "$wav" "$dest_noext.wav"; OUT_EXT=wav; return 0; fi
      ffmpeg -v error -nostdin -y -i "$wav" -c:a flac -sample_fmt s16 "$dest_noext.flac" || { rm -f "$wav"; return 1; }
      rm -f "$wav"; OUT_EXT=flac ;;
    stems)  # Frets on Fire song folder: song.ogg + guitar.ogg (+ rhythm.ogg) make the full mix
      local dir inputs=() n=0 s
      dir=$(dirname "$src")
      for s in song.ogg guitar.ogg rhythm.ogg; do
        if [[ -f $dir/$s ]]; then inputs+=(-i "$dir/$s"); n=$((n+1)); fi
      done
      # the plain sum can exceed full scale (the game plays the stems at lower volume): measure the
      # sum's peak and lower the whole track by a fixed gain just enough to leave 0.3 dB headroom,
      # which keeps its dynamics and tonal balance intact (no limiter)
      local peak gain
      peak=$(ffmpeg -v info -nostdin "${inputs[@]}" -filter_complex "amix=inputs=$n:duration=longest:normalize=0,astats=measure_perchannel=none:measure_overall=Peak_level" \
               -f null - 2>&1 | awk '/Peak level dB/ { p = $NF } END { print (p == "" ? 0 : p) }')
      gain=$(awk -v p="$peak" 'BEGIN { g = -0.3 - p; if (g > 0) g = 0; printf "%.2f", g }')
      ffmpeg -v error -nostdin -y "${inputs[@]}" -filter_complex "amix=inputs=$n:duration=longest:normalize=0,volume=${gain}dB" \
        "${RENDER_CODEC[@]}" "$dest_noext.$RENDER_FORMAT" || return 1
      OUT_EXT=$RENDER_FORMAT ;;
    audio)
      case "$P_CODEC" in
        vorbis)     cp "$src" "$dest_noext.ogg"; OUT_EXT=ogg ;;
        mp3)        cp "$src" "$dest_noext.mp3"; OUT_EXT=mp3 ;;
        flac)       cp "$src" "$dest_noext.flac"; OUT_EXT=flac ;;
        pcm_*)      cp "$src" "$dest_noext.wav"; OUT_EXT=wav ;;
        opus)       ffmpeg -v error -nostdin -y -i "$src" "${RENDER_CODEC[@]}" "$dest_noext.$RENDER_FORMAT" || return 1
                    OUT_EXT=$RENDER_FORMAT ;;
        *)          return 1 ;;
      esac ;;
  esac
}

fetch_and_extract() {
  local pkg=$1 dir=$2 targlob=$3 innerglob=$4 deb version
  local tries=0
  if compgen -G "$dir/${pkg}_*.deb" >/dev/null; then
    log "$pkg: reusing the .deb left by an interrupted run"
  else
    log "$pkg: downloading"
    until (cd "$dir" && apt-get -q -o APT::Sandbox::User=root download "$pkg" >/dev/null); do
      tries=$((tries+1)); (( tries >= 3 )) && die "$pkg: apt-get download failed"
      sleep 5
    done
  fi
  deb=$(ls "$dir"/*.deb)
  version=$(dpkg-deb -f "$deb" Version)
  echo "$version" > "$dir/.version"
  log "$pkg $version: extracting ($(du -h "$deb" | cut -f1))"
  local globs=()
  read -r -a globs <<< "$targlob"
  mkdir -p "$dir/root"
  # tar exits non-zero when one of several globs matches nothing; what was extracted is checked below
  dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$dir/root" --wildcards "${globs[@]}" 2>/dev/null || true
  rm -f "$deb"
  if [[ $innerglob != - ]]; then
    local arc inner=()
    read -r -a inner <<< "$innerglob"
    while IFS= read -r arc; do
      mkdir -p "$arc.d"
      bsdtar -x -f "$arc" -C "$arc.d" "${inner[@]}" 2>/dev/null || true
      rm -f "$arc"
    done < <(find "$dir/root" -type f \( -iname '*.zip' -o -iname '*.pk3' \))
  fi

}

# ---------------------------------------------------------------------------------------------
# one package

build_package() {
  local pkg=$1 genre=$2 licence=$3 split=$4 cap=$5 targlob=$6 innerglob=$7 regex=$8 reason=$9
  local hash dir deb version n=0 considered=0
  [[ $RESERVED == *" $pkg "* ]] && die "$pkg is reserved for independent evaluation; refusing"
  hash=$(spec_hash "$pkg")
  if [[ -f $STATE/$pkg.done && $(cat "$STATE/$pkg.done") == "$hash" && -f $STATE/$pkg.csv ]]; then
    log "$pkg: up to date ($(($(wc -l < "$STATE/$pkg.csv"))) tracks), skipping"
    return 0
  fi
  [[ $cap == - || -z $cap ]] && cap=$CAP
  (( cap > CAP )) && cap=$CAP
  dir=$WORK/$pkg
  find "$CORPUS_DIR" -mindepth 2 -maxdepth 2 -name "${pkg}__*" -delete
  rm -f "$STATE/$pkg.done" "$STATE/$pkg.csv"
  local xhash
  xhash=$(printf '%s\n' "$pkg" "$targlob" "$innerglob" | sha1sum | cut -c1-16)
  if [[ -f $dir/.extracted && $(cat "$dir/.extracted") == "$xhash" ]]; then
    version=$(cat "$dir/.version")
    log "$pkg $version: reusing the extraction left by an interrupted run"
  else
    # keep a complete .deb left by an interrupted run (apt-get download renames it into place
    # only once it is complete and verified); drop everything else
    mkdir -p "$dir"; find "$dir" -mindepth 1 -maxdepth 1 ! -name "${pkg}_*.deb" -exec rm -rf {} +
    fetch_and_extract "$pkg" "$dir" "$targlob" "$innerglob"
    echo "$xhash" > "$dir/.extracted"
  fi
  version=$(cat "$dir/.version")

  local -A used=()
  local csv=$STATE/$pkg.csv.tmp rel src kind key tags rule tgenre treason tlic dur name dest sr ch bw
  : > "$csv"
  while IFS= read -r rel <&3; do
    (( n >= cap )) && break
    src=$dir/root/$rel
    considered=$((considered+1))
    case "${rel,,}" in
      *.it|*.xm|*.s3m|*.mod|*.mtm|*.669|*.med|*.umx) kind=module ;;
      */song.ogg) kind=stems ;;
      *) kind=audio ;;
    esac
    P_TAGS=""; P_CODEC=""
    if [[ $kind == audio || $kind == stems ]]; then probe "$src"; fi
    key="$rel|$P_TAGS"
    rule=$(rule_for "$pkg" "$key")
    tgenre=$genre; treason=$reason; tlic=$licence
    if [[ -n $rule ]]; then
      IFS=$'\t' read -r tgenre treason tlic_r <<< "$rule"
      if [[ -n ${tlic_r:-} ]]; then tlic=$tlic_r; fi
    fi
    if [[ $tgenre == skip ]]; then log "  - skip $rel ($treason)"; continue; fi
    if [[ $tgenre == per-track ]]; then log "  - skip $rel (no per-track label)"; continue; fi
    # the track name: the file name without extension (the song folder for stems); the parent
    # folder is prefixed when that name is already taken within the package
    if [[ $kind == stems ]]; then name=$(basename "$(dirname "$rel")"); else name=$(basename "${rel%.*}"); fi
    name=$(sanitize "$name")
    if [[ -n ${used[$name]:-} ]]; then name=$(sanitize "$(basename "$(dirname "$rel")")_$name"); fi
    used[$name]=1
    mkdir -p "$CORPUS_DIR/$tgenre"
    dest=$CORPUS_DIR/$tgenre/${pkg}__$name
    OUT_EXT=""
    if ! produce "$kind" "$src" "$dest"; then log "  - skip $rel (cannot decode)"; rm -f "$dest".*; continue; fi
    if [[ $kind != audio || $P_CODEC == opus ]]; then probe "$dest.$OUT_EXT"; fi   # else the copy = source
    dur=$P_DUR sr=$P_SR ch=$P_CH
    if [[ -z $dur || ${dur%%.*} -lt $MIN_SECONDS ]]; then
      log "  - skip $rel (${dur:-?} s < $MIN_SECONDS s or undecodable)"; rm -f "$dest.$OUT_EXT"; continue
    fi
    bw=$(bandwidth_note "$dest.$OUT_EXT" "$dur")
    printf '%s,%s,%s,%s,%s,%s,%.2f,%s,%s,%s\n' "$pkg" "$version" "$(csvq "$tgenre/${pkg}__$name.$OUT_EXT")" \
      "$tgenre" "$(csvq "$tlic")" "$(csvq "$treason")" "$dur" "$sr" "$ch" "$(csvq "$bw")" >> "$csv"
    n=$((n+1))
    log "  + [$n/$cap] $tgenre/${pkg}__$name.$OUT_EXT  ${dur%.*} s ${sr} Hz ${ch} ch  ${bw%% (*}"
  done 3< <(cd "$dir/root" && find . -type f | sed 's|^\./||' | grep -E "$regex" | LC_ALL=C sort)
  mv "$csv" "$STATE/$pkg.csv"
  echo "$hash" > "$STATE/$pkg.done"
  rm -rf "$dir"
  log "$pkg: done, $n tracks kept of $considered considered"
}

write_manifest() {
  local pkg tmp
  mkdir -p "$(dirname "$MANIFEST")"
  tmp=$MANIFEST.tmp
  echo "package,version,path,genre,licence,reason,durationSeconds,sampleRate,channels,bandwidthNote,split" > "$tmp"
  while IFS=$'\t' read -r pkg _ _ split _; do
    [[ -z $pkg || $pkg == \#* ]] && continue
    [[ $split == train || $split == test ]] || die "$pkg: split must be train or test, not '$split'"
    if [[ -f $STATE/$pkg.csv && -f $STATE/$pkg.done ]]; then
      awk -v s="$split" '{ print $0 "," s }' "$STATE/$pkg.csv" >> "$tmp"
    fi
  done < "$PKGS_TSV"
  mv "$tmp" "$MANIFEST"
  log "manifest: $MANIFEST ($(($(wc -l < "$MANIFEST") - 1)) tracks)"
  awk -F, 'NR > 1 { g[$4 " " $NF]++ } END { for (k in g) printf "  %-24s %d\n", k, g[k] }' "$MANIFEST" | sort
}

# ---------------------------------------------------------------------------------------------

declare -A WANT=()
for a in "$@"; do WANT[$a]=1; done
total=$(grep -cvE '^(#|$)' "$PKGS_TSV")
i=0
while IFS=$'\t' read -r pkg genre licence split cap targlob innerglob regex reason; do
  [[ -z $pkg || $pkg == \#* ]] && continue
  i=$((i+1))
  if (( ${#WANT[@]} > 0 )) && [[ -z ${WANT[$pkg]:-} ]]; then continue; fi
  log "[$i/$total] $pkg ($genre, $split)"
  build_package "$pkg" "$genre" "$licence" "$split" "$cap" "$targlob" "$innerglob" "$regex" "$reason" < /dev/null
done < "$PKGS_TSV"
rmdir "$WORK" 2>/dev/null || true   # left non-empty only by packages that failed or are not listed
write_manifest
log "corpus: $CORPUS_DIR ($(du -sh "$CORPUS_DIR" | cut -f1))"
