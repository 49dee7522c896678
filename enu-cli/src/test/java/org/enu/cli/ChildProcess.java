package org.enu.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second JVM on the test classpath (the crash and concurrency tests): the test reads its
 * stdout for markers (blocking reads, no waiting a while) and kills it with SIGKILL.
 */
final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final StringBuilder seen = new StringBuilder();

    private ChildProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code mainClass} with the test classpath; stderr is merged into stdout. */
    static ChildProcess start(Class<?> mainClass, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), mainClass.getName()));
        cmd.addAll(args);
        return new ChildProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    long pid() {
        return process.pid();
    }

    /** Reads lines until one starts with {@code prefix}; fails with the output if the child ends first. */
    String await(String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the child ended before printing '" + prefix + "':\n" + seen);
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits for the child to end by itself; returns its exit code. */
    int waitFor() throws InterruptedException, IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
        }
        return process.waitFor();
    }

    /** Everything the child printed so far. */
    String output() {
        return seen.toString();
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
