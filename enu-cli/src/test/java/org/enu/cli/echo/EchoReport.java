package org.enu.cli.echo;

import java.util.List;
import org.enu.task.Metric;
import org.enu.task.SingleEnuReport;

/** The echo task's one metric: its training fitness on held-out environments. */
public final class EchoReport extends SingleEnuReport<EchoTask> {
    public EchoReport(EchoTask task) {
        super(task);
    }

    @Override
    public List<Metric> metrics(float[] params, long[] envKeys) {
        return List.of(Metric.higher("echo_fitness", task.play(params, envKeys).fitness(),
                "minus the mean squared error of the echo (higher is better)"));
    }
}
