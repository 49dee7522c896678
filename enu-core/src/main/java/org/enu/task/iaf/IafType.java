package org.enu.task.iaf;

import java.util.List;
import org.enu.bench.KernelBench;
import org.enu.task.TaskType;

/** The Integrate-and-Fire task (section {@code iaf}). */
public final class IafType extends TaskType<IafConfig, IafTask> {
    public IafType() {
        super("iaf", IafConfig.class, "steps", IafConfig::steps, IafTask::new, IafReport::new);
    }

    @Override
    public List<KernelBench.Shape> kernelShapes() {
        return List.of(new KernelBench.Shape("single_iaf_32x50", 32, IafTask.INPUTS, 32, 16),
                new KernelBench.Shape("single_iaf_m8_32x14", 32, IafTask.INPUTS, 8, 4));
    }
}
