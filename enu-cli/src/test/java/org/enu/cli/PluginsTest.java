package org.enu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins from the user's side: the launcher puts ENU_PLUGINS' and --plugins' jars on the class
 * path (seen through a stand-in java that prints its arguments), refuses a path that names no jar,
 * and a broken plugin on the class path is one line and exit code 2 from {@code enu}.
 */
class PluginsTest {
    @TempDir
    Path tmp;

    record Run(int code, List<String> out, List<String> err) {
    }

    private static Run run(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        int code = p.waitFor();
        return new Run(code, new String(out, StandardCharsets.UTF_8).lines().toList(),
                new String(err, StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList());
    }

    /** A copy of the launcher beside a stand-in enu.jar (so it builds nothing), and a java that prints its arguments. */
    private Run launcher(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("enu-cli/target"));
        Files.copy(Path.of("..", "enu"), root.resolve("enu"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(root.resolve("enu-cli/target/enu.jar"), "");
        Path java = tmp.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("enu").toString()));
        cmd.addAll(List.of(args));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("ENU_JAVA", java.toString());
        all.put("ENU_RAW_STDERR", "1");
        return run(cmd, all);
    }

    private Path jar(String name) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "");
    }

    @Test
    void theLauncherPutsEveryPluginJarOnTheClassPathAfterEnu() throws Exception {
        Path one = jar("one.jar");
        Path a = jar("dir/a.jar");
        Path b = jar("dir/b.jar");
        jar("dir/notes.txt");
        Run r = launcher(Map.of("ENU_PLUGINS", one.toString()), "train", "x", "--plugins", tmp.resolve("dir").toString(),
                "--set", "x.steps=3");
        assertEquals(0, r.code(), String.join("\n", r.err()));
        int cp = r.out().indexOf("-cp");
        assertTrue(cp >= 0, r.out().toString());
        String enuJar = tmp.resolve("root/enu-cli/target/enu.jar").toRealPath().toString();
        assertEquals(String.join(":", enuJar, one.toRealPath().toString(), a.toRealPath().toString(),
                b.toRealPath().toString()), r.out().get(cp + 1));
        assertEquals(List.of("org.enu.cli.Main", "train", "x", "--set", "x.steps=3"),
                r.out().subList(cp + 2, r.out().size()), "--plugins is the launcher's, not enu's");
    }

    @Test
    void withoutPluginsTheLauncherRunsTheJarAsBefore() throws Exception {
        Run r = launcher(Map.of(), "config", "iaf");
        assertEquals(0, r.code(), String.join("\n", r.err()));
        assertTrue(r.out().contains("-jar") && !r.out().contains("-cp"), r.out().toString());
        assertEquals(List.of("config", "iaf"), r.out().subList(r.out().size() - 2, r.out().size()));
    }

    @Test
    void aPluginPathThatNamesNoJarIsOneLineAndExitCode2() throws Exception {
        Run r = launcher(Map.of("ENU_PLUGINS", tmp.resolve("missing").toString()), "config", "iaf");
        assertEquals(2, r.code());
        assertEquals(List.of("enu: error: ENU_PLUGINS: '" + tmp.resolve("missing") + "': no such file or directory"), r.err());
        assertTrue(r.out().isEmpty(), "java never ran: " + r.out());
        Files.createDirectories(tmp.resolve("empty"));
        r = launcher(Map.of(), "config", "iaf", "--plugins=" + tmp.resolve("empty"));
        assertEquals(2, r.code());
        assertEquals(List.of("enu: error: --plugins: '" + tmp.resolve("empty") + "' is a directory without .jar files"),
                r.err());
        r = launcher(Map.of(), "config", "iaf", "--plugins");
        assertEquals(2, r.code());
        assertEquals(List.of("enu: error: --plugins: needs a jar or a directory of jars"), r.err());
    }

    /** enu itself with a services file on its class path that names a class nobody built. */
    @Test
    void aBrokenPluginOnTheClassPathIsOneLineAndExitCode2() throws Exception {
        Path plugin = tmp.resolve("broken");
        Path services = plugin.resolve("META-INF/services/org.enu.task.TaskType");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "org.example.Maze2\n");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Run r = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--add-modules",
                "jdk.incubator.vector", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", cp + ":" + plugin,
                Main.class.getName(), "config", "echo"), Map.of());
        assertEquals(2, r.code(), String.join("\n", r.err()));
        assertEquals(List.of("enu: error: plugin: org.enu.task.TaskType: Provider org.example.Maze2 not found"), r.err());
        assertFalse(r.out().stream().anyMatch(l -> l.contains("echo")), r.out().toString());
    }
}
