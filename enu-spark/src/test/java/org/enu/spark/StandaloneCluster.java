package org.enu.spark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone cluster on 127.0.0.1 for the tests: a Master and Workers, each a separate
 * JVM started from the test class path (Maven's dependencies only) and stopped by process id.
 * Workers launch executors from {@code SPARK_HOME/jars}, so SPARK_HOME is a temporary folder whose
 * jars/ links the class path's jars; the class path's directories (this build's classes) reach
 * the executors through spark.executor.extraClassPath.
 */
final class StandaloneCluster implements AutoCloseable {
    private final Path dir;
    private final Path sparkHome;
    private final Path localDir;
    private final String classPath;
    private final int masterPort;
    private final int masterWebPort;
    private final List<Process> processes = new ArrayList<>();
    private final Map<Process, Integer> workerWebPorts = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    StandaloneCluster(Path dir) throws IOException {
        this.dir = dir;
        this.classPath = System.getProperty("java.class.path");
        this.sparkHome = dir.resolve("spark-home");
        this.localDir = Files.createDirectories(dir.resolve("local"));
        Path jars = sparkHome.resolve("jars");
        Files.createDirectories(jars);
        for (String e : classPath.split(File.pathSeparator, -1)) {
            Path p = Path.of(e);
            if (e.endsWith(".jar") && Files.isRegularFile(p)) {
                Path link = jars.resolve(p.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, p.toAbsolutePath());
                }
            }
        }
        this.masterPort = freePort();
        this.masterWebPort = freePort();
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** JVM options of every process: Spark's module options for Java 17, and the Vector API. */
    static List<String> jvmOptions() {
        List<String> o = new ArrayList<>(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
        o.add("--add-modules");
        o.add("jdk.incubator.vector");
        return o;
    }

    /** The driver settings for this cluster (as spark-submit's --conf, or system properties). */
    Map<String, String> driverSettings(String appName) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("spark.app.name", appName);
        m.put("spark.driver.host", "127.0.0.1");
        m.put("spark.driver.bindAddress", "127.0.0.1");
        m.put("spark.ui.enabled", "false");
        m.put("spark.executor.memory", "512m");
        m.put("spark.executor.extraClassPath", classPath);
        m.put("spark.local.dir", localDir.toString());
        return m;
    }

    /** Starts the Master and {@code workers} Workers of one core each and waits until all are registered. */
    void start(int workers) throws IOException, InterruptedException {
        processes.add(launch("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterWebPort))));
        for (int w = 0; w < workers; w++) {
            startWorker();
        }
        awaitAliveWorkers(workers, Duration.ofMinutes(2));
    }

    /** Starts one more Worker (1 core, 1 GB for executors); does not wait for it. */
    Process startWorker() throws IOException {
        int web = freePort();
        Path work = Files.createDirectories(dir.resolve("work-" + web));
        Process p = launch("worker-" + web, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                "--cores", "1", "--memory", "1g", "--webui-port", Integer.toString(web), "--work-dir", work.toString(),
                masterUrl()));
        processes.add(p);
        workerWebPorts.put(p, web);
        return p;
    }

    /** The running Workers' processes. */
    List<Process> workers() {
        return workerWebPorts.keySet().stream().filter(Process::isAlive).toList();
    }

    private Process launch(String name, List<String> mainAndArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions());
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        environment(pb.environment());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve(name + ".log").toFile());
        return pb.start();
    }

    /** What a Worker needs to launch executors (and a driver process to bind to loopback). */
    void environment(Map<String, String> env) {
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_DIRS", localDir.toString()); // scratch space: inside the test's folder, not /tmp
        env.remove("SPARK_CONF_DIR");
    }

    /** Polls the Master's JSON state until {@code n} Workers are alive. */
    void awaitAliveWorkers(int n, Duration timeout) throws InterruptedException {
        Pattern alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
        await(() -> {
            try {
                String json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterWebPort + "/json/"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = alive.matcher(json);
                return m.find() && Integer.parseInt(m.group(1)) == n;
            } catch (IOException e) {
                return false; // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }, timeout, n + " alive workers at " + masterUrl() + " (logs in " + dir + ")");
    }

    /** Polls a condition every 100 ms until it holds; fails after the timeout. */
    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /**
     * SIGKILLs a Worker and the executors it launched, as when its machine dies, and waits
     * until they are gone.
     */
    void killWorkerAndExecutors(Process worker) throws InterruptedException {
        List<ProcessHandle> victims = new ArrayList<>(worker.toHandle().descendants().toList());
        victims.add(0, worker.toHandle());
        for (ProcessHandle h : victims) {
            h.destroyForcibly(); // SIGKILL on Unix
        }
        for (ProcessHandle h : victims) {
            h.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    /** Stops everything this cluster started (executors first, then Workers, then the Master). */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            all.addAll(p.toHandle().descendants().toList());
            all.add(p.toHandle());
        }
        for (ProcessHandle h : all) {
            h.destroyForcibly();
        }
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported by the process table, not by the tests
            }
        }
        // the links into ~/.m2, so that deleting the temporary folder has nothing to warn about
        try (java.util.stream.Stream<Path> links = Files.list(sparkHome.resolve("jars"))) {
            for (Path l : links.toList()) {
                Files.deleteIfExists(l);
            }
        } catch (IOException e) {
            // the temporary folder's cleanup deletes them
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
