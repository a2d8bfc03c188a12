#!/usr/bin/env bash
# The test command of the README: installs the Debian packages the tests use when they are missing
# (Chromium and its driver for the browser test; ffmpeg, sox and loudgain as independent references),
# then runs the whole Maven test suite on the JDK 25 toolchain.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
need=()
for pair in chromium:chromium chromedriver:chromium-driver ffmpeg:ffmpeg sox:sox loudgain:loudgain mvn:maven; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair#*:}")
done
if (( ${#need[@]} )); then
  echo "installing: ${need[*]}" >&2
  SUDO=""; (( EUID == 0 )) || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
exec mvn -B test "$@"
