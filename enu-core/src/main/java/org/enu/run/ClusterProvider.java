package org.enu.run;

import java.util.Iterator;
import java.util.ServiceLoader;
import org.enu.config.ConfigException;

/**
 * Evaluation on a cluster ({@code enu train --cluster MASTER_URL}), provided by an optional module
 * (enu-spark) that registers an implementation with {@link ServiceLoader}; enu-core and the
 * command line do not depend on it.
 */
public interface ClusterProvider {
    /**
     * Checks the form of a master URL without connecting.
     *
     * @throws ConfigException "--cluster: REASON"
     */
    void check(String master);

    /** Connects to the cluster; closing the connection releases it. */
    Connection connect(String master);

    /** A connection to a cluster: the evaluators of a run's stages all use it. */
    interface Connection extends EvaluatorFactory, AutoCloseable {
        @Override
        void close();
    }

    /**
     * The provider on the class path.
     *
     * @throws ConfigException naming --cluster when there is none
     */
    static ClusterProvider find() {
        Iterator<ClusterProvider> it = ServiceLoader.load(ClusterProvider.class).iterator();
        if (!it.hasNext()) {
            throw new ConfigException("--cluster: needs the enu-spark module, which is not on the class path "
                    + "(run enu-spark/target/enu-spark.jar with spark-submit, or see docs/CLUSTER.md)");
        }
        return it.next();
    }
}
