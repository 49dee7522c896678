#!/usr/bin/env bash
# Makes the T-maze colour learner for the final task (results/tmaze/run-y4-100) from scratch: six stages, each an
# `enu train` that starts from the previous stage's centre (--init-from) under the next recipe, 1 thread each.
# Every stage gives the same bits as the committed runs (their run.json record the source's checksums).
# The same six stages as one staged run from scratch (one directory, one command, resumable, the
# last two stages judged on the final task; not these bits): ./enu train tmaze --preset colour
#
#   results/tmaze/colour-learner.sh [OUT]      (OUT defaults to runs/colour-learner)
#
# Generation time on a 2-core Intel Xeon (AVX-512), JDK 17, one evolution per core beside another:
#   H 300 generations 11.7 min, L 150 4.9 min, R 300 26.8 min, T 667 64.1 min, Y 125 16.1 min, Y4 100 11.1 min:
#   135 min in all.
# Stages (docs/RESULTS.md, T-maze, "What was tried"; recipe files in results/tmaze/recipes/):
#   H  navigation from scratch (64 offspring, poison worth 0, sensors unshuffled)          recipe.yaml
#   L  a green reflex: green is always the poison                                          l-green-reflex.yaml
#   R  either colour the poison (only the taste tells), 256 offspring                      r-taste-only-256-offspring.yaml
#   T  all three sensors shuffled per maze (the final task's shuffle)                      t-all-shuffled.yaml
#   Y  the colour-only world: the side of the food is a coin on every trip                 y-colour-only-world.yaml
#   Y4 the final task's own world (training mazes; swaps after every 5 foods, poison -1
#      that empties the energy, all sensors shuffled)                                      y4-final-world-from-y125.yaml
# Then judge it on the final task (256 held-out mazes; its own world) and draw its figures:
#   ./enu eval OUT/y4
#   ./enu plot OUT/y4
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-runs/colour-learner}"
enu="$root/enu"
r="$root/results/tmaze"
mkdir -p "$out"
stage() { # name config generations [init-from]
  local name=$1 cfg=$2 gens=$3 from=${4:-}
  if [ -f "$out/$name/genome.json" ] && grep -q "\"generation\" : $gens\b" "$out/$name/genome.json"; then
    echo "stage $name: done"; return
  fi
  if [ -f "$out/$name/checkpoint.bin" ]; then
    "$enu" resume "$out/$name" --generations "$gens" --threads 1 --no-progress
  else
    "$enu" train tmaze --preset original --config "$cfg" ${from:+--init-from "$from"} \
      --generations "$gens" --threads 1 --no-progress --out "$out/$name"
  fi
}
stage h "$r/recipe.yaml" 300
stage l "$r/recipes/l-green-reflex.yaml" 150 "$out/h"
stage r "$r/recipes/r-taste-only-256-offspring.yaml" 300 "$out/l"
stage t "$r/recipes/t-all-shuffled.yaml" 667 "$out/r"
stage y "$r/recipes/y-colour-only-world.yaml" 125 "$out/t"
stage y4 "$r/recipes/y4-final-world-from-y125.yaml" 100 "$out/y"
echo "colour learner: $out/y4 (compare: results/tmaze/run-y4-100)"
