package org.enu.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLClassLoader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.enu.config.ConfigException;
import org.enu.task.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins as the registry sees them: a directory on a class loader of its own holds a services
 * file and perhaps a defaults file, beside enu-core's three tasks. A good one is listed; each kind
 * of broken one is one line that names what is wrong.
 */
class TaskRegistryTest {
    @TempDir
    Path tmp;

    /** The iaf task's defaults file, its section renamed. */
    private static final String GOOD_YAML = new org.enu.config.ConfigTree(Map.of("defaults",
            Map.of("plugged", org.enu.config.ConfigTree.resource("iaf.yaml").section("defaults.iaf").map()),
            "presets", Map.of("quick", Map.of()))).toYaml();

    /** A class loader over tmp, with a services file of these lines and the given defaults files. */
    private Map<String, TaskType<?, ?>> discover(List<String> services, Map<String, String> defaults) throws IOException {
        Path svc = tmp.resolve("META-INF/services/org.enu.task.TaskType");
        Files.createDirectories(svc.getParent());
        Files.write(svc, services);
        for (Map.Entry<String, String> d : defaults.entrySet()) {
            Path f = tmp.resolve(TaskRegistry.DEFAULTS_DIR + d.getKey() + ".yaml");
            Files.createDirectories(f.getParent());
            Files.writeString(f, d.getValue());
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader())) {
            return TaskRegistry.discover(loader);
        }
    }

    private String refused(List<String> services, Map<String, String> defaults) {
        ConfigException e = assertThrows(ConfigException.class, () -> discover(services, defaults));
        assertTrue(e.getMessage().startsWith("plugin: "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void theClassPathHoldsTheBuiltInTasks() {
        assertEquals(List.of("iaf", "stdp", "tmaze"), TaskRegistry.names());
    }

    @Test
    void aPluginWithItsDefaultsIsListedBesideTheBuiltInTasks() throws IOException {
        Map<String, TaskType<?, ?>> found = discover(List.of("# a comment", PluginFixtures.Plugged.class.getName()),
                Map.of("plugged", GOOD_YAML));
        assertEquals(List.of("iaf", "plugged", "stdp", "tmaze"), List.copyOf(found.keySet()));
        assertEquals(PluginFixtures.Plugged.class, found.get("plugged").getClass());
    }

    @Test
    void aServicesLineThatNamesNoClassIsRefused() {
        String m = refused(List.of("org.example.NoSuchTask"), Map.of());
        assertTrue(m.contains("org.example.NoSuchTask") && m.contains("not found"), m);
    }

    @Test
    void aTypeWhoseConstructorFailsIsRefusedWithTheReason() {
        String m = refused(List.of(PluginFixtures.Failing.class.getName()), Map.of());
        assertTrue(m.contains("could not be instantiated") && m.contains("no licence file"), m);
    }

    @Test
    void aClassThatIsNoTaskTypeIsRefused() {
        String m = refused(List.of(PluginFixtures.class.getName()), Map.of());
        assertTrue(m.contains("PluginFixtures") && m.contains("not a subtype"), m);
    }

    @Test
    void aSecondTaskOfANameIsRefusedNamingBothClasses() {
        String m = refused(List.of(PluginFixtures.SecondIaf.class.getName()), Map.of());
        assertTrue(m.startsWith("plugin: two tasks are named iaf: ") && m.contains("IafType")
                && m.contains("SecondIaf"), m);
    }

    @Test
    void aNameThatCannotBeASectionIsRefused() {
        String m = refused(List.of(PluginFixtures.BadName.class.getName()), Map.of());
        assertTrue(m.contains("task name 'Bad-Name' must be lower-case"), m);
    }

    @Test
    void aMissingDefaultsFileIsRefused() {
        String m = refused(List.of(PluginFixtures.Plugged.class.getName()), Map.of());
        assertTrue(m.contains("has no defaults file org/enu/config/plugged.yaml"), m);
    }

    @Test
    void anInvalidDefaultsFileIsRefused() {
        String m = refused(List.of(PluginFixtures.Plugged.class.getName()), Map.of("plugged", "defaults: [1, 2\n"));
        assertTrue(m.startsWith("plugin: task plugged: ") && m.contains("plugged.yaml"), m);
        m = refused(List.of(PluginFixtures.Plugged.class.getName()), Map.of("plugged", "defaults:\n  es: {}\n"));
        assertTrue(m.endsWith("has no section defaults.plugged (the task's own settings)"), m);
        m = refused(List.of(PluginFixtures.Plugged.class.getName()),
                Map.of("plugged", GOOD_YAML.replace("quick:", "paper:")));
        assertTrue(m.contains("has no preset presets.quick"), m);
        m = refused(List.of(PluginFixtures.Plugged.class.getName()), Map.of("plugged", GOOD_YAML.replace("steps: 100", "steps: 0")));
        assertTrue(m.contains("its defaults do not bind to IafConfig") && m.contains("plugged.steps"), m);
    }
}
