package org.enu.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.enu.cell.EnuKernel;

/**
 * Where a result came from: code revision, JVM, OS, CPU and kernel variant. Floating-point
 * results can differ across platforms, so every genome carries this record.
 */
public final class Provenance {
    private Provenance() {
    }

    /** The current process's provenance, with the run seed. */
    public static Map<String, Object> current(long seed) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("enu_version", version());
        p.put("git_revision", gitRevision());
        p.put("java_version", System.getProperty("java.version"));
        p.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        p.put("cpu", cpuModel());
        p.put("cores", Runtime.getRuntime().availableProcessors());
        p.put("kernel", EnuKernel.variant());
        p.put("seed", seed);
        p.put("created", Instant.now().toString());
        return p;
    }

    public static String version() {
        Package pkg = Provenance.class.getPackage();
        String v = pkg == null ? null : pkg.getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The checked-out git revision (with "-dirty" if the tree has changes), or "unknown". */
    public static String gitRevision() {
        String fromProp = System.getProperty("enu.git.revision");
        if (fromProp != null && !fromProp.isBlank()) {
            return fromProp;
        }
        try {
            String rev = run(List.of("git", "rev-parse", "HEAD"));
            if (rev == null || rev.isBlank()) {
                return "unknown";
            }
            String status = run(List.of("git", "status", "--porcelain", "--untracked-files=no"));
            return rev.trim() + (status != null && !status.isBlank() ? "-dirty" : "");
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The CPU's model name from /proc/cpuinfo, or the architecture. */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
