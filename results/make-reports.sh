#!/usr/bin/env bash
# Rewrites the committed reports beside the results: each directory's report.html (one
# self-contained page) and its report/ folder (every plot as PNG and SVG). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
for d in results/iaf results/stdp-neuromodulated results/stdp-plain results/tmaze/run-y4-100; do
  ./enu report "$d"
done
./enu report results/stdp-neuromodulated results/stdp-plain --out results/stdp-compare.html
