package org.enu.task;

import org.enu.config.ConfigException;
import org.enu.config.ConfigTree;
import org.enu.config.RunConfig;
import org.enu.task.iaf.IafConfig;
import org.enu.task.iaf.IafTask;

/** Builds a run's task from its configuration, validating the task's own section. */
public final class TaskRegistry {
    private TaskRegistry() {
    }

    public static Task create(RunConfig cfg) {
        ConfigTree t = cfg.tree();
        switch (cfg.task()) {
            case "iaf": {
                IafConfig iaf = RunConfig.section("iaf", () -> new IafConfig(t.getInt("iaf.environments"),
                        t.getInt("iaf.steps"), t.getDouble("iaf.threshold"), t.getDouble("iaf.input_low"),
                        t.getDouble("iaf.input_high"), t.getInt("iaf.max_multiplier"), t.getDouble("iaf.spike_level")));
                return new IafTask(iaf, cfg.cell().withInputs(1));
            }
            default:
                throw new ConfigException("task: '" + cfg.task() + "' is not built yet");
        }
    }
}
