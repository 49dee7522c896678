package org.enu;

import java.util.List;
import org.enu.config.RunConfig;

/** Small configurations that run in well under a second, for tests. */
public final class TestTasks {
    private TestTasks() {
    }

    /** An IAF run of 16 offspring x 4 environments x 30 steps, memory 8, 4 outputs. */
    public static RunConfig tinyIaf(int generations, int checkpointEvery) {
        return RunConfig.resolve("iaf", "quick", null, List.of("generations=" + generations,
                "checkpoint_every=" + checkpointEvery, "threads=2", "es.offspring=16", "iaf.environments=4",
                "iaf.steps=30", "enu.memory=8", "enu.outputs=4", "es.sigma=0.05"));
    }
}
