package org.enu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second JVM on the test classpath, for what one process cannot show about another: locks,
 * kill -9. The test talks to it through its stdout lines (markers), never by waiting a while.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;

    private ChildJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code mainClass} with the test classpath; stderr is merged into the lines. */
    public static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
        return start(List.of("-XX:TieredStopAtLevel=1"), mainClass, args); // tiny runs: start fast rather than run fast
    }

    /** Starts {@code mainClass} with the test classpath and these JVM options; stderr is merged into the lines. */
    public static ChildJvm start(List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.add("-Xmx512m");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Reads lines until one starts with {@code prefix} and returns it.
     *
     * @throws AssertionError if the child ends first (with what it printed)
     */
    public String await(String prefix) throws IOException {
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child ended before printing '" + prefix + "':\n" + seen);
    }

    /** kill -9, and wait until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits for the child to end by itself and returns its exit code. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** The rest of the child's output (after it ended). */
    public String rest() throws IOException {
        StringBuilder b = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        out.close();
    }
}
