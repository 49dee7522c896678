package org.enu.task;

import org.enu.config.ConfigException;
import org.enu.config.ConfigTree;
import org.enu.config.RunConfig;
import org.enu.task.iaf.IafConfig;
import org.enu.task.iaf.IafTask;
import org.enu.task.stdp.StdpConfig;
import org.enu.task.stdp.StdpTask;
import org.enu.task.tmaze.MazeConfig;
import org.enu.task.tmaze.TMazeConfig;
import org.enu.task.tmaze.TMazeTask;

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
                        t.getDouble("iaf.input_high"), t.getInt("iaf.max_multiplier"), t.getDouble("iaf.spike_level"),
                        // run directories made before these keys existed trained with the paper's loss
                        t.get("iaf.loss") == null ? "isi" : t.getString("iaf.loss"),
                        t.get("iaf.distance_cap") == null ? 8 : t.getInt("iaf.distance_cap")));
                return new IafTask(iaf, cfg.cell().withInputs(1));
            }
            case "stdp": {
                String variant = t.getString("stdp.variant");
                if (!variant.equals("neuromodulated") && !variant.equals("plain")) {
                    throw new ConfigException("stdp.variant: expected neuromodulated or plain, got '" + variant + "'");
                }
                StdpConfig stdp = RunConfig.section("stdp", () -> new StdpConfig(t.getInt("stdp.environments"),
                        t.getInt("stdp.steps"), variant.equals("neuromodulated"), t.getDouble("stdp.amplitude"),
                        t.getDouble("stdp.tau"), t.getDouble("stdp.graded_low"), t.getDouble("stdp.graded_high"),
                        t.getDouble("stdp.spike_mean"), t.getDouble("stdp.spike_std"),
                        t.getDouble("stdp.modulator_rate")));
                return new StdpTask(stdp, cfg.cell().withInputs(4));
            }
            case "tmaze": {
                String integration = t.getString("tmaze.integration");
                if (!integration.equals("mean") && !integration.equals("sum")) {
                    throw new ConfigException("tmaze.integration: expected mean or sum, got '" + integration + "'");
                }
                MazeConfig maze = RunConfig.section("tmaze", () -> new MazeConfig(t.getInt("tmaze.steps_per_action"),
                        t.getInt("tmaze.episode_steps"), t.getDouble("tmaze.energy_max"), t.getDouble("tmaze.energy_decay"),
                        t.getInt("tmaze.foods_per_swap"), t.getDouble("tmaze.swap_probability"),
                        t.getDouble("tmaze.alive_bonus"), t.getBoolean("tmaze.first_reward_positive"),
                        t.getString("tmaze.layout"), t.getString("tmaze.starvation"), t.getDouble("tmaze.poison_reward"),
                        t.getBoolean("tmaze.poison_empties"),
                        // run directories made before the key existed: either colour, as then
                        t.get("tmaze.poison_green_probability") == null ? 0.5
                                : t.getDouble("tmaze.poison_green_probability")));
                String noise = t.getString("tmaze.output_noise_key");
                if (!noise.equals("offspring") && !noise.equals("environment")) {
                    throw new ConfigException("tmaze.output_noise_key: expected offspring or environment, got '" + noise + "'");
                }
                TMazeConfig tm = RunConfig.section("tmaze", () -> new TMazeConfig(t.getInt("tmaze.environments"),
                        t.getString("tmaze.wiring"), t.getInt("tmaze.hidden_neurons"), t.getInt("tmaze.synapses_per_neuron"),
                        t.getLong("tmaze.wiring_seed"), integration.equals("mean"), t.getString("tmaze.shuffle_sensors"),
                        t.getBoolean("tmaze.shuffle_actions"), maze, t.getBoolean("tmaze.balanced"),
                        noise.equals("offspring"), t.getDouble("tmaze.init_output_bias")));
                return RunConfig.section("enu", () -> new TMazeTask(tm, cfg.cell()));
            }
            default:
                throw new ConfigException("task: '" + cfg.task() + "' is not built yet");
        }
    }
}
