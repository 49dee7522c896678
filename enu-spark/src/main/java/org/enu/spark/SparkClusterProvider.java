package org.enu.spark;

import java.util.Map;
import org.enu.run.ClusterProvider;

/** {@code enu train --cluster MASTER_URL}: found by {@link java.util.ServiceLoader} when enu-spark is on the class path. */
public final class SparkClusterProvider implements ClusterProvider {
    @Override
    public void check(String master) {
        MasterUrl.check(master);
    }

    @Override
    public Connection connect(String master) {
        return SparkConnection.open(master, Map.of());
    }
}
