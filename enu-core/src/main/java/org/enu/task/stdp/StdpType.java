package org.enu.task.stdp;

import java.util.List;
import org.enu.bench.KernelBench;
import org.enu.cell.EnuSpec;
import org.enu.task.TaskReport;
import org.enu.task.TaskType;

/** The STDP task (section {@code stdp}). */
public final class StdpType extends TaskType<StdpConfig, StdpTask> {
    public StdpType() {
        super("stdp", StdpConfig.class, "steps");
    }

    @Override
    protected StdpTask newTask(StdpConfig settings, EnuSpec cell) {
        return new StdpTask(settings, cell);
    }

    @Override
    protected TaskReport newReport(StdpTask task) {
        return new StdpReport(task);
    }

    @Override
    protected long steps(StdpConfig settings) {
        return settings.steps();
    }

    @Override
    public List<KernelBench.Shape> kernelShapes() {
        return List.of(new KernelBench.Shape("single_stdp_32x53", 32, StdpTask.INPUTS, 32, 16));
    }
}
