#!/usr/bin/env python3
"""Summarises compare.sh runs (metrics.jsonl of TASK-STRATEGY-sSEED directories) into a CSV
table and an SVG plot of the centre's training fitness (mean over seeds, with the range of the
seeds shaded) against offspring evaluations. Standard library only.

Usage: plot.py RUNS_DIR TASK OUT_PREFIX   (writes OUT_PREFIX.csv and OUT_PREFIX.svg)
"""
import glob
import json
import os
import sys

STRATEGIES = ["rank_momentum", "openai_es", "pgpe", "snes", "sep_cma_es"]
# held-out metrics beyond fitness, as mean,min,max columns of the CSV (the T-maze's learning metrics)
EXTRA = {"tmaze": ["normalised_score", "food_arm_after_poison", "poison_reeat_rate"]}
COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"]


def read(path):
    rows = []
    with open(path) as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def smooth(v, k=10):
    out = []
    for i in range(len(v)):
        w = v[max(0, i - k + 1):i + 1]
        out.append(sum(w) / len(w))
    return out


def stats(held, key):
    v = [h[key] for h in held if key in h and h[key] is not None]
    if not v:
        return ",,"
    return f"{sum(v) / len(v):.4g},{min(v):.4g},{max(v):.4g}"


def main(runs, task, prefix):
    data = {}
    heldout = {}
    for s in STRATEGIES:
        for d in sorted(glob.glob(os.path.join(runs, f"{task}-{s}-s*"))):
            if not os.path.isdir(d) or not os.path.exists(os.path.join(d, "genome.json")):
                continue
            cfg = open(os.path.join(d, "config.yaml")).read()
            offspring = int([l for l in cfg.splitlines() if l.strip().startswith("offspring:")][0].split(":")[1])
            rows = read(os.path.join(d, "metrics.jsonl"))
            ev = os.path.join(d, "eval.json")
            held = json.load(open(ev))["trained"] if os.path.exists(ev) and os.path.getsize(ev) > 0 else {}
            data.setdefault(s, []).append((offspring, rows))
            heldout.setdefault(s, []).append(held)
    with open(prefix + ".csv", "w") as out:
        out.write("strategy,seeds,generations,evaluations,final_centre_mean,final_centre_min,final_centre_max,"
                  "best_offspring_mean,seconds_per_generation,heldout_fitness_mean,heldout_fitness_min,heldout_fitness_max,"
                  "heldout_metric,heldout_metric_mean"
                  + "".join(f",heldout_{m}_mean,heldout_{m}_min,heldout_{m}_max" for m in EXTRA.get(task, []))
                  + "\n")
        for s, runs_ in data.items():
            finals = [sum(r["centre"] for r in rows[-20:]) / 20 for _, rows in runs_]
            bests = [max(r["max"] for r in rows if r["max"] is not None) for _, rows in runs_]
            secs = [sum(r["seconds"] for r in rows[1:]) / (len(rows) - 1) for _, rows in runs_]
            gens = len(runs_[0][1])
            metric = {"iaf": "spike_f1_corrected", "stdp": "curve_correlation"}.get(task, "fitness")
            out.write(f"{s},{len(runs_)},{gens},{gens * runs_[0][0]},{sum(finals) / len(finals):.4g},"
                      f"{min(finals):.4g},{max(finals):.4g},{sum(bests) / len(bests):.4g},"
                      f"{sum(secs) / len(secs):.4g},{stats(heldout[s], 'fitness')},{metric},"
                      f"{stats(heldout[s], metric).split(',')[0]}"
                      + "".join("," + stats(heldout[s], m) for m in EXTRA.get(task, [])) + "\n")
    svg(data, task, prefix + ".svg")


def svg(data, task, path):
    w, h, left, right, top, bottom = 720, 420, 70, 150, 30, 50
    series = {}
    for s, runs_ in data.items():
        n = min(len(rows) for _, rows in runs_)
        curves = [smooth([r["centre"] for r in rows[:n]]) for _, rows in runs_]
        xs = [(g + 1) * runs_[0][0] for g in range(n)]
        series[s] = (xs, [sum(c[g] for c in curves) / len(curves) for g in range(n)],
                     [min(c[g] for c in curves) for g in range(n)], [max(c[g] for c in curves) for g in range(n)])
    xmax = max(v[0][-1] for v in series.values())
    lows = sorted(y for v in series.values() for y in v[2][len(v[2]) // 10:])
    ylo = lows[len(lows) // 50]  # the first tenth of the generations and the 2% lowest points are clipped
    yhi = max(y for v in series.values() for y in v[3])
    px = lambda x: left + (w - left - right) * x / xmax
    py = lambda y: top + (h - top - bottom) * (yhi - max(y, ylo)) / (yhi - ylo)
    o = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
         f'<rect width="{w}" height="{h}" fill="white"/>',
         f'<text x="{w / 2}" y="18" text-anchor="middle">{task}: centre fitness on training environments '
         f'(10-generation mean; line: mean of seeds, band: range)</text>']
    for i in range(6):
        y = ylo + (yhi - ylo) * i / 5
        o.append(f'<line x1="{left}" x2="{w - right}" y1="{py(y):.1f}" y2="{py(y):.1f}" stroke="#ddd"/>')
        o.append(f'<text x="{left - 5}" y="{py(y) + 4:.1f}" text-anchor="end">{y:.3g}</text>')
        x = xmax * i / 5
        o.append(f'<text x="{px(x):.1f}" y="{h - bottom + 16}" text-anchor="middle">{x / 1000:.0f}k</text>')
    o.append(f'<text x="{(left + w - right) / 2}" y="{h - 12}" text-anchor="middle">offspring evaluations</text>')
    # a curriculum stage that begins during the runs: a dashed line where it begins
    offspring, rows = next(iter(data.values()))[0]
    for g, r in enumerate(rows[1:], 1):
        if r.get("stage", 0) != rows[g - 1].get("stage", 0):
            x = px((g + 1) * offspring)
            o.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{h - bottom}" stroke="#888" '
                     f'stroke-dasharray="4,4"/>')
            o.append(f'<text x="{x + 4:.1f}" y="{top + 12}" fill="#555">stage {r["stage"]}</text>')
    for k, (s, (xs, mean, lo, hi)) in enumerate(series.items()):
        c = COLOURS[STRATEGIES.index(s)]
        band = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in zip(xs, hi)) + " " + " ".join(
            f"{px(x):.1f},{py(y):.1f}" for x, y in reversed(list(zip(xs, lo))))
        o.append(f'<polygon points="{band}" fill="{c}" fill-opacity="0.15" stroke="none"/>')
        line = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in zip(xs, mean))
        o.append(f'<polyline points="{line}" fill="none" stroke="{c}" stroke-width="1.5"/>')
        o.append(f'<line x1="{w - right + 10}" x2="{w - right + 30}" y1="{top + 20 * k + 10}" '
                 f'y2="{top + 20 * k + 10}" stroke="{c}" stroke-width="3"/>')
        o.append(f'<text x="{w - right + 35}" y="{top + 20 * k + 14}">{s} ({len(data[s])})</text>')
    o.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(o) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
