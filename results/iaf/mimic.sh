#!/usr/bin/env bash
# Makes the committed IAF mimic (results/iaf; its target: spike-time F1 >= 0.95 and chance-corrected F1 >= 0.9
# on 256 held-out environments) from scratch: eight stages, each an `enu train` that starts from the previous
# stage's centre (--init-from) under the next recipe, 1 thread each (docs/RESULTS.md, IAF rows AA-AU; recipes
# in results/iaf/recipes/). The stage lengths are those of the runs that found it. Every stage also weighs the
# potential term's steps by 1 + (0.05 / input)^2 (iaf.potential_timing: a potential error moves the spike by
# about error / input steps), which the first chain (row AU) did without; docs/RESULTS.md row BQ.
# The same stages as one staged run (one directory, one command, resumable; not these bits):
#   ./enu train iaf --preset quick --config results/iaf/mimic-staged.yaml --threads 1
#
#   results/iaf/mimic.sh [OUT]      (OUT defaults to runs/iaf-mimic)
#
# Stages:
#   a  teacher forcing and the potential term from scratch, free running from 15000     teacher-potential.yaml
#   b  the potential term alone, free running                                          from-p1-potential-only.yaml
#   c  ... its steps near the threshold weighing 11                                    potential-focus.yaml
#   d  ... weighing 101 within 0.05 thresholds                                         potential-focus.yaml + --set
#   e  the spike-distance loss back, beside the focused potential term (weight 100)     potential-focus-spikes.yaml
#   f  ... 32 environments per offspring                                               + --set iaf.environments=32
#   g  ... learning rate 0.3, momentum 0.5                                             + --set es.learning_rate, es.momentum
#   h  ... learning rate 0.1, no momentum                                              + --set es.learning_rate, es.momentum
# Then judge it (256 held-out environments) and draw its figures:
#   ./enu eval OUT/h
#   ./enu plot OUT/h
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-runs/iaf-mimic}"
enu="$root/enu"
r="$root/results/iaf/recipes"
mkdir -p "$out"
stage() { # name generations config [init-from] [--set KEY=VALUE ...]
  local name=$1 gens=$2 cfg=$3 from=${4:-}
  shift 4
  if [ -f "$out/$name/genome.json" ] && grep -q "\"generation\" : $gens\b" "$out/$name/genome.json"; then
    echo "stage $name: done"; return
  fi
  if [ -f "$out/$name/checkpoint.bin" ]; then
    "$enu" resume "$out/$name" --generations "$gens" --threads 1 --no-progress
  else
    "$enu" train iaf --preset quick --config "$cfg" ${from:+--init-from "$from"} "$@" \
      --generations "$gens" --threads 1 --no-progress --out "$out/$name"
  fi
}
focus=(--set iaf.potential_focus=100 --set iaf.potential_band=0.05)
timing=(--set iaf.potential_timing=0.05) # every stage: slow inputs weigh more in the potential term (row BQ)
stage a 20000 "$r/teacher-potential.yaml" "" "${timing[@]}"
stage b 5275 "$r/from-p1-potential-only.yaml" "$out/a" "${timing[@]}"
stage c 6000 "$r/potential-focus.yaml" "$out/b" "${timing[@]}"
stage d 6000 "$r/potential-focus.yaml" "$out/c" "${focus[@]}" "${timing[@]}"
stage e 4000 "$r/potential-focus-spikes.yaml" "$out/d" "${timing[@]}"
stage f 4000 "$r/potential-focus-spikes.yaml" "$out/e" --set iaf.environments=32 "${timing[@]}"
stage g 4000 "$r/potential-focus-spikes.yaml" "$out/f" --set iaf.environments=32 --set es.learning_rate=0.3 --set es.momentum=0.5 "${timing[@]}"
stage h 6000 "$r/potential-focus-spikes.yaml" "$out/g" --set iaf.environments=32 --set es.learning_rate=0.1 --set es.momentum=0.0 "${timing[@]}"
echo "IAF mimic: $out/h (compare: results/iaf)"
