#!/bin/bash
# The strategy comparison of docs/STRATEGIES.md: every strategy x seeds 1-3 on one task, one run
# at a time, one evaluation thread (the machine it ran on was shared), with the jar given.
# Each run is then scored by enu eval on the held-out environments (DIR/eval.json).
# Usage: compare.sh JAR OUTDIR TASK GENERATIONS [--set k=v ...]
jar=$1; outdir=$2; task=$3; gens=$4; shift 4
mkdir -p "$outdir"
for seed in 1 2 3; do
  for s in rank_momentum openai_es pgpe snes sep_cma_es; do
    out="$outdir/$task-$s-s$seed"
    [ -f "$out/genome.json" ] && continue
    rm -rf "$out"
    start=$(date +%s.%N)
    java --add-modules jdk.incubator.vector -XX:+UseParallelGC -XX:CompileCommand=quiet \
      -XX:CompileCommand=dontinline,org.enu.cell.EnuKernel*::* -jar "$jar" train "$task" --generations "$gens" \
      --threads 1 --seed "$seed" --set es.strategy="$s" --no-progress --out "$out" "$@" > "$out.log" 2>&1
    end=$(date +%s.%N)
    echo "$task $s $seed $(echo "$end - $start" | bc)" >> "$outdir/times.txt"
    java --add-modules jdk.incubator.vector -jar "$jar" eval "$out" --json > "$out/eval.json" 2>/dev/null
  done
done
