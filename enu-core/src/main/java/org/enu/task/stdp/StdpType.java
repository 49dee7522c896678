package org.enu.task.stdp;

import java.util.List;
import org.enu.bench.KernelBench;
import org.enu.task.TaskType;

/** The STDP task (section {@code stdp}). */
public final class StdpType extends TaskType<StdpConfig, StdpTask> {
    public StdpType() {
        super("stdp", StdpConfig.class, "steps", StdpConfig::steps, StdpTask::new, StdpReport::new);
    }

    @Override
    public List<KernelBench.Shape> kernelShapes() {
        return List.of(new KernelBench.Shape("single_stdp_32x53", 32, StdpTask.INPUTS, 32, 16));
    }
}
