package org.enu.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.enu.tasks.TaskRegistry;

/** Builds a report page in memory: one run's, or several runs' overlaid. Nothing is written here. */
public final class Report {
    /** What a report is computed on: the held-out seed and environments (as enu eval), the maze to animate. */
    public record Options(long seed, int envs, int env) {
    }

    /** The page and its plots (each written as PNG and SVG beside it). */
    public record Built(String html, List<Figure> figures) {
    }

    private Report() {
    }

    /**
     * One run's page. {@code live}: written while the run trains, so the page reloads itself
     * every 30 seconds and says so.
     */
    public static Built single(RunData run, Options o, String filesDir, boolean live) {
        ReportPage page = new ReportPage("enu report: " + run.name(), filesDir);
        int target = run.config().generations();
        int last = Curves.num(run.metrics().get(run.metrics().size() - 1), "generation") >= 0
                ? (int) Curves.num(run.metrics().get(run.metrics().size() - 1), "generation") : -1;
        String subtitle = run.task() + " (preset " + run.config().preset() + "), genome of generation "
                + run.genome().generation() + ", metrics up to generation " + last + " of " + target + ", run seed "
                + run.config().seed();
        Map<String, Object> runJson = runJson(run);
        page.section("training", "Training", "How the evolution went: the fitness of each generation's offspring and the "
                + "time each generation took." + (run.hole() == null ? "" : " Note: " + run.hole() + "; the curve has a gap there."));
        page.figure(fitnessFigure(run, "fitness"));
        page.figure(Figure.of("seconds", "Seconds per generation", "Wall time of one generation (evaluating every "
                + "offspring and updating the genome), as metrics.jsonl records it." + Curves.Binned.of(run.metrics()).note(),
                Curves.seconds(run.task() + ": seconds per generation", run.metrics()), 1000, 360));
        page.end();
        HeldOutTable table = HeldOutTable.of(run, o.seed(), o.envs());
        runJson.put("held_out", tableJson(table));
        page.section("held-out", "Held-out metrics", "The genome on environments it never trained on, beside the "
                + "untrained genome (generation 0 of this run) and the task's baselines. Values: " + table.source() + ".");
        metricsTable(page, table);
        page.end();
        taskSections(page, run, o, table, runJson);
        Map<String, String> p = provenance(page, run, last, target);
        runJson.put("provenance", p);
        page.data().put("runs", List.of(runJson));
        return new Built(page.html(subtitle, live ? "Training in progress: this page is rewritten every few generations "
                + "and reloads itself every 30 seconds." : null, live ? 30 : null), page.figures());
    }

    /** The task's own sections: IAF paper Fig. 6, STDP Fig. 7, the T-maze's episode (Fig. 8) and arm choices (Fig. 9). */
    private static void taskSections(ReportPage page, RunData run, Options o, HeldOutTable table,
                                     Map<String, Object> runJson) {
        String task = run.task();
        if (task.equals(TaskRegistry.IAF.name())) {
            page.section("iaf", "Integrate-and-fire neuron (paper Fig. 6)", "One ENU receives a graded input current and "
                    + "must spike when an integrate-and-fire model neuron fed the same input would.");
            SingleEnuFigures.iaf(run, o.seed()).forEach(page::figure);
            page.end();
        } else if (task.equals(TaskRegistry.STDP.name())) {
            page.section("stdp", "Spike-timing-dependent plasticity (paper Fig. 7)", "One ENU acts as a synapse: from the "
                    + "pre- and postsynaptic spikes, a graded input and a neuromodulator it must output the weight an STDP "
                    + "rule computes.");
            SingleEnuFigures.stdp(run, o.seed()).forEach(page::figure);
            page.end();
        } else if (task.equals(TaskRegistry.TMAZE.name())) {
            MazeFigures.Episode ep = MazeFigures.episode(run, o.seed(), o.env());
            runJson.put("maze", ep.animation());
            page.section("tmaze", "T-maze episode (paper Fig. 8)", "A network of ENUs steers an agent through a T-maze: "
                    + "one arm holds food, the other poison, told apart only by colour, and which colour is poison differs "
                    + "between mazes, so the agent must learn it within its life. Held-out maze " + o.env() + ".");
            page.raw("<div class=\"maze-player\" data-maze=\"0\">\n<div class=\"maze-side\"><svg class=\"maze\" "
                    + "viewBox=\"0 0 7 7\" role=\"img\" aria-label=\"the maze\"></svg>\n<div class=\"controls\">"
                    + "<button type=\"button\" class=\"prev\" title=\"one action back\">◀ step</button>"
                    + "<button type=\"button\" class=\"play\">▶ play</button>"
                    + "<button type=\"button\" class=\"next\" title=\"one action on\">step ▶</button></div>\n"
                    + "<input type=\"range\" class=\"scrub\" min=\"0\" value=\"0\" aria-label=\"frame\">\n"
                    + "<p class=\"frame-counter\">frame 0</p>\n<p class=\"frame-info\"></p></div>\n"
                    + page.figureHtml(ep.figures().get(0), " maze-chart") + "</div>");
            page.figure(ep.figures().get(1));
            page.end();
            page.section("arms", "Before and after the first poison (paper Fig. 9)", "Does the agent learn from the "
                    + "first poison? Measured on held-out mazes, beside the baselines.");
            MazeFigures.phases(table).forEach(page::figure);
            page.end();
        }
    }

    /** The provenance section; returns run.json's provenance, for the page's data. */
    private static Map<String, String> provenance(ReportPage page, RunData run, int last, int target) {
        page.section("provenance", "Provenance", "Where the run came from, as run.json and config.yaml record it.");
        List<List<String>> prov = new ArrayList<>();
        prov.add(List.of("run directory", ReportPage.esc(run.dir().toString())));
        prov.add(List.of("task, preset", ReportPage.esc(run.task() + ", " + run.config().preset())));
        prov.add(List.of("seed", Long.toString(run.config().seed())));
        prov.add(List.of("generations", last + " of " + target + " (genome of generation " + run.genome().generation() + ")"));
        Map<String, String> p = run.provenance();
        String[][] named = {{"git_revision", "git revision"}, {"enu_version", "enu version"}, {"java_version", "Java"},
            {"java_vm", "JVM"}, {"os", "OS"}, {"cpu", "CPU"}, {"cores", "cores"}, {"kernel", "kernel path"},
            {"created", "started"}};
        Set<String> shown = new LinkedHashSet<>();
        for (String[] n : named) {
            if (p.containsKey(n[0])) {
                prov.add(List.of(n[1], ReportPage.esc(p.get(n[0]))));
                shown.add(n[0]);
            }
        }
        p.forEach((k, v) -> {
            if (!shown.contains(k) && !k.equals("seed")) {
                prov.add(List.of(ReportPage.esc(k), ReportPage.esc(v)));
            }
        });
        if (run.initFrom() != null) {
            prov.add(List.of("started from", ReportPage.esc(run.initFrom())));
        }
        page.table("provenance", List.of("what", "value"), prov);
        page.raw("<details><summary>config.yaml</summary><pre>" + ReportPage.esc(run.configText()) + "</pre></details>");
        page.end();
        return p;
    }

    /** Several runs on one page: their curves overlaid, their metrics side by side. */
    public static Built compare(List<RunData> runs, Options o, String filesDir) {
        ReportPage page = new ReportPage("enu report: " + runs.size() + " runs", filesDir);
        List<Map<String, Object>> json = new ArrayList<>();
        page.section("runs", "Runs", null);
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (RunData r : runs) {
            Map<String, String> p = r.provenance();
            rows.add(List.of(Integer.toString(i++), ReportPage.esc(r.name()), ReportPage.esc(r.task() + ", " + r.config().preset()),
                    Integer.toString(r.genome().generation()), Long.toString(r.config().seed()),
                    ReportPage.esc(p.getOrDefault("git_revision", "—")), ReportPage.esc(p.getOrDefault("kernel", "—")),
                    ReportPage.esc(r.dir().toString())));
        }
        page.table("runs", List.of("#", "run", "task, preset", "generation", "seed", "git revision", "kernel path",
                "directory"), rows);
        page.end();
        page.section("training", "Training", "Each run's centre (solid) and offspring mean (dashed) per generation, and "
                + "its seconds per generation.");
        page.figure(Figure.of("fitness", "Fitness over generations, runs overlaid", "Per run (colour): the centre, the "
                + "unperturbed genome (solid), and the mean over the offspring (dashed). Runs of different tasks or "
                + "stages measure fitness in different worlds, so compare like with like.",
                Curves.overlay("fitness per generation", runs, false), 1000, 560));
        page.figure(Figure.of("seconds", "Seconds per generation, runs overlaid", "Wall time of one generation per run "
                + "(evaluation and update); compare runs from the same machine (see each run's CPU and kernel path).",
                Curves.overlay("seconds per generation", runs, true), 1000, 400));
        page.end();
        List<HeldOutTable> tables = new ArrayList<>();
        for (RunData r : runs) {
            HeldOutTable t = HeldOutTable.of(r, o.seed(), o.envs());
            tables.add(t);
            Map<String, Object> j = runJson(r);
            j.put("held_out", tableJson(t));
            json.add(j);
        }
        page.section("held-out", "Held-out metrics", "Each run's genome on held-out environments (± one standard "
                + "error); the untrained and baseline columns are those of the first run of each task.");
        Set<String> names = new LinkedHashSet<>();
        tables.forEach(t -> t.rows().forEach(r -> names.add(r.name())));
        List<String> head = new ArrayList<>(List.of("metric"));
        for (int k = 0; k < runs.size(); k++) {
            head.add((k + 1) + ". " + ReportPage.esc(runs.get(k).name()));
        }
        List<List<String>> mrows = new ArrayList<>();
        for (String n : names) {
            List<String> row = new ArrayList<>(List.of("<code>" + ReportPage.esc(n) + "</code>"));
            for (HeldOutTable t : tables) {
                HeldOutTable.Row r = t.row(n);
                row.add(r == null ? "—" : ReportPage.withError(r.values()[0], r.stderrs()[0]));
            }
            mrows.add(row);
        }
        page.table("metrics", head, mrows);
        page.end();
        page.data().put("runs", json);
        return new Built(page.html(runs.size() + " runs: " + String.join(", ", runs.stream().map(RunData::name).toList()),
                null, null), page.figures());
    }

    static Figure fitnessFigure(RunData run, String id) {
        List<double[]> validation = run.validation();
        String caption = "Per generation: the mean fitness over the offspring (blue) in a band from the worst to the "
                + "best offspring, the best offspring (green) and the centre, the unperturbed genome the strategy moves "
                + "(red). The axis follows the lines; the band may run off its bottom."
                + (run.metrics().stream().anyMatch(r -> r.get("stage") != null) ? " Dashed vertical lines: a new stage "
                + "begins; fitness is measured in each stage's own world, so the curve may jump there." : "")
                + (validation.isEmpty() ? "" : " Purple dots (right axis): the stage's validation figure ("
                + run.validationMetrics() + ") of the centre on its validation environments.")
                + Curves.Binned.of(run.metrics()).note();
        return Figure.of(id, "Fitness over generations", caption, Curves.fitness(run.task() + ": fitness per generation",
                run.metrics(), validation, run.validationMetrics()), 1000, 560);
    }

    private static void metricsTable(ReportPage page, HeldOutTable t) {
        List<String> head = new ArrayList<>(List.of("metric: what it measures"));
        t.agents().forEach(a -> head.add(ReportPage.esc(MazeFigures.agentName(a))));
        List<List<String>> rows = new ArrayList<>();
        for (HeldOutTable.Row r : t.rows()) {
            String better = r.better() == org.enu.task.Metric.Better.HIGHER ? " (higher is better)"
                    : r.better() == org.enu.task.Metric.Better.LOWER ? " (lower is better)" : "";
            List<String> row = new ArrayList<>(List.of("<code>" + ReportPage.esc(r.name()) + "</code><div class=\"desc\">"
                    + ReportPage.esc(r.description() + (r.description().endsWith("better)") ? "" : better)) + "</div>"));
            for (int a = 0; a < t.agents().size(); a++) {
                row.add(ReportPage.withError(r.values()[a], r.stderrs()[a]));
            }
            rows.add(row);
        }
        page.table("metrics", head, rows);
    }

    private static Map<String, Object> runJson(RunData run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", run.name());
        m.put("task", run.task());
        m.put("preset", run.config().preset());
        m.put("generation", run.genome().generation());
        Curves.Binned b = Curves.Binned.of(run.metrics());
        m.put("metrics_bin", b.width());
        m.put("metrics_columns", List.of("generation", "mean", "min", "max", "centre", "seconds"));
        List<List<Double>> pts = new ArrayList<>();
        for (double[] p : b.points()) {
            List<Double> q = new ArrayList<>();
            for (double x : p) {
                q.add(Double.isFinite(x) ? Double.valueOf(String.format(java.util.Locale.ROOT, "%.6g", x)) : null);
            }
            pts.add(q);
        }
        m.put("metrics", pts);
        List<double[]> v = run.validation();
        if (!v.isEmpty()) {
            m.put("validation", v);
        }
        return m;
    }

    private static Map<String, Object> tableJson(HeldOutTable t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", t.source());
        m.put("agents", t.agents());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (HeldOutTable.Row r : t.rows()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", r.name());
            List<Double> v = new ArrayList<>();
            List<Double> se = new ArrayList<>();
            for (int a = 0; a < r.values().length; a++) {
                v.add(Double.isFinite(r.values()[a]) ? r.values()[a] : null);
                se.add(Double.isFinite(r.stderrs()[a]) ? r.stderrs()[a] : null);
            }
            o.put("values", v);
            o.put("stderr", se);
            rows.add(o);
        }
        m.put("rows", rows);
        return m;
    }
}
