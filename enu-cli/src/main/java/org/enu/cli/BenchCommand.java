package org.enu.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.enu.bench.GenerationBench;
import org.enu.bench.KernelBench;
import org.enu.bench.PeakFlops;
import org.enu.bench.Steady;
import org.enu.cell.EnuKernel;
import org.enu.cell.EnuMath;
import org.enu.config.ConfigException;
import org.enu.config.RunConfig;
import org.enu.io.Provenance;
import org.enu.task.TaskType;
import org.enu.tasks.TaskRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code enu bench}: the machine's FP32 FMA peak, the kernel's GFLOP/s at the shapes that matter,
 * and the seconds of one paper-scale generation per task with 1 and 2 threads; every figure is
 * measured once it has settled and reported as min / median / max over repeats, and
 * {@code --forks N} repeats the whole bench in N fresh JVMs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the FP32 FMA peak per core, the ENU kernel at the experiments' shapes, and one "
                + "paper-scale generation of each task with 1 and 2 threads, each as a fraction of the peak. "
                + "Every figure is taken once it has settled (the last 3 warm-up measurements within 5%%) "
                + "and reported as min / median / max of its repeats."})
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "0.5",
            description = "length of one peak or kernel measurement (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "5",
            description = "peak and kernel measurements kept per figure (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--generations", paramLabel = "N", defaultValue = "3",
            description = "timed generations kept per task and thread count (default ${DEFAULT-VALUE})")
    int generations;

    @Option(names = "--tasks", paramLabel = "LIST", split = ",", defaultValue = "iaf",
            description = "generations to time (default ${DEFAULT-VALUE}): a task's name (its original preset with your "
                    + "--set), one of a task's bench cases (the T-maze's tmaze_m8, tmaze_m16, tmaze_m32: memory 8/4, 16/8, "
                    + "32/16 outputs, every agent alive), or all (every task's bench cases)")
    List<String> tasks;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override a setting of the timed generations, e.g. tmaze.energy_max=1000 (repeatable)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--math", paramLabel = "LIST", split = ",", defaultValue = "exact,fast",
            description = "the enu.math of the timed generations and of the nonlinear part (default ${DEFAULT-VALUE}); "
                    + "a fast-math generation is named with _fast, its ceiling comes from the fast nonlinear part")
    List<String> maths;

    @Option(names = "--forks", paramLabel = "N", defaultValue = "1",
            description = "run the bench in N fresh JVMs and report each figure's spread across them (default ${DEFAULT-VALUE}: this JVM)")
    int forks;

    /** The kernel shapes of every task ({@link TaskType#kernelShapes()}). */
    static List<KernelBench.Shape> shapes() {
        List<KernelBench.Shape> out = new ArrayList<>();
        for (String name : TaskRegistry.names()) {
            out.addAll(TaskRegistry.get(name).kernelShapes());
        }
        return out;
    }

    /** A generation to time: a task, its overrides on top of the original preset. */
    record Case(String name, String task, List<String> overrides) {
    }

    /**
     * The cases a --tasks entry names: all (every task's {@link TaskType#benchCases()}), a task (its
     * original preset as it is), or one of a task's bench cases by name.
     */
    static List<Case> cases(String entry) {
        List<Case> all = new ArrayList<>();
        for (String name : TaskRegistry.names()) {
            for (TaskType.BenchCase c : TaskRegistry.get(name).benchCases()) {
                all.add(new Case(c.name(), name, c.overrides()));
            }
        }
        if (entry.equals("all")) {
            return all;
        }
        for (Case c : all) {
            if (c.name().equals(entry)) {
                return List.of(c);
            }
        }
        return List.of(new Case(entry, entry, List.of()));
    }

    /** Untimed generations at most before timing: enough for C2 to finish compiling the kernel. */
    private static int maxWarmup(Case c) {
        return TaskRegistry.get(c.task()).benchWarmup();
    }

    /** The case's overrides, then the --set overrides that belong to its task or to the shared sections. */
    private List<String> caseSets(Case c) {
        List<String> out = new ArrayList<>(c.overrides());
        for (String s : sets) {
            String key = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
            if (!RunConfig.TASKS.contains(key) || key.equals(c.task())) {
                out.add(s);
            }
        }
        return out;
    }

    private List<Case> allCases() {
        List<Case> out = new ArrayList<>();
        for (String t : tasks) {
            for (Case c : cases(t)) {
                for (EnuMath m : maths()) {
                    Case mc = withMath(c, m);
                    if (out.stream().noneMatch(o -> o.name().equals(mc.name()))) {
                        out.add(mc);
                    }
                }
            }
        }
        return out;
    }

    /** The case with this math: exact as it is, fast named NAME_fast with enu.math=fast. */
    static Case withMath(Case c, EnuMath m) {
        if (m == EnuMath.EXACT) {
            return c;
        }
        List<String> o = new ArrayList<>(c.overrides());
        o.add("enu.math=" + m.key());
        return new Case(c.name() + "_" + m.key(), c.task(), o);
    }

    /** The maths of --math, in its order, each once. */
    private List<EnuMath> maths() {
        List<EnuMath> out = new ArrayList<>();
        for (String m : maths) {
            EnuMath e;
            try {
                e = EnuMath.of(m.strip());
            } catch (IllegalArgumentException x) {
                throw new ConfigException("--" + x.getMessage());
            }
            if (!out.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }

    private static EnuMath mathOf(Case c) {
        return c.overrides().contains("enu.math=fast") ? EnuMath.FAST : EnuMath.EXACT;
    }

    /** The options of this bench without --forks: what each fresh JVM is given. */
    List<String> childArgs() {
        List<String> a = new ArrayList<>(List.of("bench", "--json", "--seconds", Double.toString(seconds), "--repeats",
                Integer.toString(repeats), "--generations", Integer.toString(generations), "--tasks", String.join(",", tasks),
                "--math", String.join(",", maths)));
        for (String s : sets) {
            a.add("--set");
            a.add(s);
        }
        return a;
    }

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0) || seconds > 600) {
            throw new ConfigException("--seconds: must be > 0 and <= 600, got " + seconds);
        }
        atLeastOne("--repeats", repeats);
        atLeastOne("--generations", generations);
        atLeastOne("--forks", forks);
        List<Case> cases = allCases();
        for (Case c : cases) { // bad --tasks or --set: refused before minutes of measuring
            RunConfig.resolve(c.task(), "original", null, caseSets(c)); // binds and checks the task section
        }
        PrintWriter out = spec.commandLine().getOut();
        if (forks > 1) {
            return BenchForks.run(this, out, spec.commandLine().getErr());
        }
        Map<String, Object> o = measureAll(cases, spec.commandLine().getErr());
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
        } else {
            printTable(out, o);
        }
        out.flush();
        return 0;
    }

    private static void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new ConfigException(option + ": must be >= 1, got " + value);
        }
    }

    boolean jsonOutput() {
        return json;
    }

    int forks() {
        return forks;
    }

    /** The figures of one bench as they are measured. */
    private static final class Figures {
        final Map<String, Object> spreads = new LinkedHashMap<>();
        final Map<String, Double> kernel = new LinkedHashMap<>();
        final Map<String, Double> fraction = new LinkedHashMap<>();
        final Map<String, Double> ceiling = new LinkedHashMap<>();
        final Map<String, Map<String, Double>> genSeconds = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> genDetail = new LinkedHashMap<>();
        final Map<EnuMath, Double> nsByMath = new java.util.EnumMap<>(EnuMath.class);
        double peak;
    }

    private Map<String, Object> measureAll(List<Case> cases, PrintWriter err) {
        Figures f = new Figures();
        err.println("measuring FMA peak...");
        err.flush();
        Steady.Spread peakSpread = PeakFlops.measure(seconds, repeats);
        f.peak = peakSpread.median();
        f.spreads.put("peak_gflops_per_core", spread(peakSpread));
        List<EnuMath> ms = new ArrayList<>(maths());
        if (!ms.contains(EnuMath.EXACT)) {
            ms.add(0, EnuMath.EXACT); // the kernels run exact math
        }
        for (EnuMath m : ms) {
            err.println("measuring the nonlinear part of a step (" + m.key() + " math)...");
            err.flush();
            Steady.Spread nonlinear = KernelBench.nonlinearNanosPerCell(seconds, repeats, m);
            f.nsByMath.put(m, nonlinear.median());
            f.spreads.put(nonlinearKey(m), spread(nonlinear));
        }
        for (KernelBench.Shape s : shapes()) {
            err.println("measuring kernel " + s.name() + "...");
            err.flush();
            Steady.Spread k = KernelBench.measure(s, seconds, repeats);
            f.kernel.put(s.name(), k.median());
            f.fraction.put(s.name(), k.median() / f.peak);
            f.ceiling.put(s.name(), KernelBench.ceiling((double) s.spec().flopsPerStep(), s.memory(), f.peak, f.nsByMath.get(EnuMath.EXACT)));
            f.spreads.put("kernel_gflops." + s.name(), spread(k));
        }
        List<Integer> threadCounts = new ArrayList<>(List.of(1));
        if (Runtime.getRuntime().availableProcessors() >= 2) {
            threadCounts.add(2);
        }
        for (Case c : cases) {
            timeGenerations(f, c, threadCounts, err);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("peak_gflops_per_core", f.peak);
        o.put("kernel_gflops", f.kernel);
        o.put("generation_seconds", f.genSeconds);
        o.put("generation_detail", f.genDetail);
        o.put("peak_fraction", f.fraction);
        o.put("nonlinear_ns_per_cell", f.nsByMath.get(EnuMath.EXACT));
        if (f.nsByMath.containsKey(EnuMath.FAST)) {
            o.put("nonlinear_ns_per_cell_fast", f.nsByMath.get(EnuMath.FAST));
        }
        o.put("ceiling_fraction", f.ceiling);
        Map<String, Double> share = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : f.fraction.entrySet()) {
            share.put(e.getKey(), e.getValue() / f.ceiling.get(e.getKey()));
        }
        o.put("fraction_of_ceiling", share);
        o.put("spread", f.spreads);
        o.put("kernel", EnuKernel.variant());
        o.put("java", System.getProperty("java.version"));
        o.put("cpu", Provenance.cpuModel());
        o.put("cores", Runtime.getRuntime().availableProcessors());
        o.put("overrides", sets);
        return o;
    }

    /** Times one case's generations with each thread count. */
    private void timeGenerations(Figures f, Case c, List<Integer> threadCounts, PrintWriter err) {
        int memory = RunConfig.resolve(c.task(), "original", null, caseSets(c)).cell().memory();
        Map<String, Double> byThreads = new LinkedHashMap<>();
        for (int th : threadCounts) {
            err.println("timing " + c.name() + " generations (original preset" + (c.overrides().isEmpty() ? ""
                    : ", " + String.join(", ", c.overrides())) + ") with " + th + " thread(s)...");
            err.flush();
            GenerationBench.Result r = GenerationBench.measure(c.task(), "original", caseSets(c), th, maxWarmup(c),
                    generations);
            byThreads.put(String.valueOf(th), r.seconds());
            f.fraction.put(c.name() + "_" + th + "t", r.gflops() / (f.peak * th));
            f.ceiling.put(c.name() + "_" + th + "t", KernelBench.ceiling(r.gflop() * 1e9 / r.enuSteps(), memory, f.peak,
                    f.nsByMath.get(mathOf(c))));
            f.spreads.put("generation_seconds." + c.name() + "." + th, spread(r.spread()));
            Map<String, Object> d = f.genDetail.computeIfAbsent(c.name(), k -> new LinkedHashMap<>());
            d.put("overrides", caseSets(c));
            d.put("gflop_per_generation", r.gflop());
            d.put("gflop_computed_per_generation_" + th + "t", r.gflopComputed());
            d.put("enu_steps_per_generation", r.enuSteps());
            d.put("enu_steps_per_second_" + th + "t", r.enuStepsPerSecond());
            d.put("gflops_" + th + "t", r.gflops());
        }
        f.genSeconds.put(c.name(), byThreads);
    }

    /** The spread's key of the nonlinear part: nonlinear_ns_per_cell (exact, as before enu.math) or ..._fast. */
    private static String nonlinearKey(EnuMath m) {
        return m == EnuMath.EXACT ? "nonlinear_ns_per_cell" : "nonlinear_ns_per_cell_" + m.key();
    }

    private static Map<String, Object> spread(Steady.Spread s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", s.min());
        m.put("median", s.median());
        m.put("max", s.max());
        m.put("repeats", s.values().length);
        m.put("warmup", s.warmup());
        m.put("settled", s.settled());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void printTable(PrintWriter out, Map<String, Object> o) {
        Map<String, Object> spreads = (Map<String, Object>) o.get("spread");
        Map<String, Double> fraction = (Map<String, Double>) o.get("peak_fraction");
        Map<String, Double> ceiling = (Map<String, Double>) o.get("ceiling_fraction");
        out.printf(Locale.ROOT, "%s, %d cores, Java %s, kernel %s%n", o.get("cpu"), (Integer) o.get("cores"),
                o.get("java"), o.get("kernel"));
        out.printf(Locale.ROOT, "%-44s %9s %9s %9s  %s%n", "figure", "min", "median", "max", "fraction of peak (median)");
        for (Map.Entry<String, Object> e : spreads.entrySet()) {
            Map<String, Object> s = (Map<String, Object>) e.getValue();
            String key = e.getKey();
            String frac = "";
            if (key.startsWith("kernel_gflops.")) {
                String name = key.substring("kernel_gflops.".length());
                frac = String.format(Locale.ROOT, "%4.0f%% of one core (ceiling %.0f%%, %.0f%% of it)", 100 * fraction.get(name),
                        100 * ceiling.get(name), 100 * fraction.get(name) / ceiling.get(name));
            } else if (key.startsWith("generation_seconds.")) {
                String[] p = key.split("\\.", -1);
                String name = p[1] + "_" + p[2] + "t";
                frac = String.format(Locale.ROOT, "%4.0f%% of %s core(s) (ceiling %.0f%%, %.0f%% of it)", 100 * fraction.get(name),
                        p[2], 100 * ceiling.get(name), 100 * fraction.get(name) / ceiling.get(name));
            }
            String label = key.replace("generation_seconds.", "generation s, ").replace("kernel_gflops.", "kernel GFLOP/s, ")
                    .replace("peak_gflops_per_core", "FMA peak GFLOP/s per core")
                    .replace("nonlinear_ns_per_cell_fast", "nonlinear part, fast math, ns per cell")
                    .replace("nonlinear_ns_per_cell", "nonlinear part of a step, ns per cell");
            if (key.startsWith("generation_seconds.")) {
                label = label.substring(0, label.lastIndexOf('.')) + ", " + label.substring(label.lastIndexOf('.') + 1) + " thread(s)";
            }
            out.printf(Locale.ROOT, "%-44s %9.3f %9.3f %9.3f  %s%s%n", label, (Double) s.get("min"), (Double) s.get("median"),
                    (Double) s.get("max"), frac, Boolean.TRUE.equals(s.get("settled")) ? "" : "  (warm-up cap reached)");
        }
    }
}
