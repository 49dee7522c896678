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
import org.enu.cell.EnuKernel;
import org.enu.io.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code enu bench}: the machine's FP32 FMA peak, the kernel's GFLOP/s at the shapes that matter,
 * and the seconds of one paper-scale generation per task with 1 and 2 threads.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the FP32 FMA peak per core, the ENU kernel at the experiments' shapes, and one",
                "paper-scale generation of each task with 1 and 2 threads, each as a fraction of the peak."})
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "2", description = "time per kernel measurement (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--generations", paramLabel = "N", defaultValue = "3", description = "timed generations per task and thread count (default ${DEFAULT-VALUE}; median reported)")
    int generations;

    @Option(names = "--tasks", paramLabel = "LIST", split = ",", defaultValue = "iaf",
            description = "tasks whose generation to time (default ${DEFAULT-VALUE})")
    List<String> tasks;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override a setting of the timed generations, e.g. tmaze.energy_max=1000 (repeatable)")
    List<String> sets = new ArrayList<>();

    static final List<KernelBench.Shape> SHAPES = List.of(
            new KernelBench.Shape("single_iaf_32x50", 32, 1, 32, 16),
            new KernelBench.Shape("single_stdp_32x53", 32, 4, 32, 16),
            new KernelBench.Shape("tmaze_synapse_384x81", 384, 32, 32, 16),
            new KernelBench.Shape("tmaze_neuron_48x65", 48, 16, 32, 16));

    /**
     * Untimed generations before timing: enough for C2 to finish compiling the kernel (a T-maze
     * generation is long enough on its own; with 1 warm-up generation the single-ENU tasks
     * measured up to 2x slow).
     */
    private static int warmup(String task) {
        return task.equals("tmaze") ? 1 : 3;
    }

    /** The --set overrides that belong to this task's section or to the shared sections. */
    private List<String> taskSets(String task) {
        List<String> out = new ArrayList<>();
        for (String s : sets) {
            String key = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
            if (!org.enu.config.RunConfig.TASKS.contains(key) || key.equals(task)) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0) || generations < 1) {
            throw new org.enu.config.ConfigException("--seconds and --generations: must be positive");
        }
        for (String t : tasks) { // bad --tasks or --set: refused before minutes of measuring
            org.enu.config.RunConfig.resolve(t, "original", null, taskSets(t)); // binds and checks the task section
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        err.println("measuring FMA peak...");
        err.flush();
        double peak = PeakFlops.measure(seconds);
        Map<String, Double> kernel = new LinkedHashMap<>();
        Map<String, Double> fraction = new LinkedHashMap<>();
        for (KernelBench.Shape s : SHAPES) {
            err.println("measuring kernel " + s.name() + "...");
            err.flush();
            double g = KernelBench.measure(s, seconds);
            kernel.put(s.name(), g);
            fraction.put(s.name(), g / peak);
        }
        Map<String, Map<String, Double>> genSeconds = new LinkedHashMap<>();
        Map<String, Map<String, Object>> genDetail = new LinkedHashMap<>();
        List<Integer> threadCounts = new ArrayList<>(List.of(1));
        if (Runtime.getRuntime().availableProcessors() >= 2) {
            threadCounts.add(2);
        }
        for (String t : tasks) {
            Map<String, Double> byThreads = new LinkedHashMap<>();
            for (int th : threadCounts) {
                err.println("timing one " + t + " generation (original preset) with " + th + " thread(s)...");
                err.flush();
                GenerationBench.Result r = GenerationBench.measure(t, "original", taskSets(t), th, warmup(t), generations);
                byThreads.put(String.valueOf(th), r.seconds());
                fraction.put(t + "_" + th + "t", r.gflops() / (peak * th));
                Map<String, Object> d = genDetail.computeIfAbsent(t, k -> new LinkedHashMap<>());
                d.put("gflop_per_generation", r.gflop());
                d.put("gflop_computed_per_generation_" + th + "t", r.gflopComputed());
                d.put("enu_steps_per_generation", r.enuSteps());
                d.put("enu_steps_per_second_" + th + "t", r.enuStepsPerSecond());
                d.put("gflops_" + th + "t", r.gflops());
            }
            genSeconds.put(t, byThreads);
        }
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("peak_gflops_per_core", peak);
            o.put("kernel_gflops", kernel);
            o.put("generation_seconds", genSeconds);
            o.put("generation_detail", genDetail);
            o.put("peak_fraction", fraction);
            o.put("kernel", EnuKernel.variant());
            o.put("java", System.getProperty("java.version"));
            o.put("cpu", Provenance.cpuModel());
            o.put("cores", Runtime.getRuntime().availableProcessors());
            o.put("overrides", sets);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
        } else {
            out.printf(Locale.ROOT, "%s, %d cores, Java %s, kernel %s%n", Provenance.cpuModel(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), EnuKernel.variant());
            out.printf(Locale.ROOT, "FP32 FMA peak: %.1f GFLOP/s per core%n", peak);
            for (Map.Entry<String, Double> e : kernel.entrySet()) {
                out.printf(Locale.ROOT, "kernel %-22s %7.1f GFLOP/s  (%4.0f%% of peak)%n", e.getKey(), e.getValue(),
                        100 * fraction.get(e.getKey()));
            }
            for (String t : genSeconds.keySet()) {
                for (Map.Entry<String, Double> e : genSeconds.get(t).entrySet()) {
                    String key = t + "_" + e.getKey() + "t";
                    out.printf(Locale.ROOT, "generation %-6s %s thread(s): %8.3f s  (%4.0f%% of peak)%n", t, e.getKey(),
                            e.getValue(), 100 * fraction.get(key));
                }
            }
        }
        out.flush();
        return 0;
    }
}
