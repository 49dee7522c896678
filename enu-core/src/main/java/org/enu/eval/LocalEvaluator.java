package org.enu.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.enu.es.Population;
import org.enu.task.Rollout;
import org.enu.task.TrainingTask;

/**
 * Evaluates offspring on this machine, offspring-major: each worker thread takes one noise vector
 * at a time (an antithetic pair, or a single offspring), builds the offspring's weights and plays
 * the task's whole mini-batch of environments for the whole episode, so that one offspring's
 * weights and states stay in the core's cache. Work is handed out by an atomic counter; each
 * result is written to its own slot, so the thread count never changes a number.
 */
public final class LocalEvaluator implements Evaluator {
    private final TrainingTask task;
    private final int threads;
    private final ForkJoinPool pool;
    private final ThreadLocal<Worker> workers;

    /**
     * @param task    the task to play
     * @param threads worker threads, >= 1
     */
    public LocalEvaluator(TrainingTask task, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1, got " + threads);
        }
        this.task = task;
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ForkJoinPool(threads, p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("enu-eval-" + n.getAndIncrement());
            return t;
        }, null, false);
        this.workers = ThreadLocal.withInitial(() -> new Worker(task.layout().parameterCount(), task.newRollout()));
    }

    @Override
    public double[] evaluate(float[] theta, Population pop) {
        double[] fitness = new double[pop.size()];
        long[] envKeys = EnvironmentKeys.training(pop.seed(), pop.generation(), task.environments());
        AtomicInteger next = new AtomicInteger();
        int groups = pop.noiseCount();
        List<Callable<Void>> jobs = new ArrayList<>();
        // never more workers than noise vectors: an idle worker costs its buffers and a thread
        for (int t = 0; t < Math.min(threads, groups); t++) {
            jobs.add(() -> {
                Worker w = workers.get();
                for (int j = next.getAndIncrement(); j < groups; j = next.getAndIncrement()) {
                    w.evaluateGroup(theta, pop, j, envKeys, fitness);
                }
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(jobs)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw rethrow(e);
        }
        return fitness;
    }

    /** Runs the update in this evaluator's pool, so that it uses the same --threads workers. */
    @Override
    public <T> T update(java.util.function.Supplier<T> work) {
        try {
            return pool.submit(work::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("update interrupted", e);
        } catch (ExecutionException e) {
            throw rethrow(e);
        }
    }

    /** The cause of a worker's failure, as it was thrown. */
    private static RuntimeException rethrow(ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException re) {
            return re;
        }
        if (c instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(c);
    }

    /**
     * Evaluates, on the calling thread, the offspring of noise vectors {@code from} to
     * {@code to − 1} (offspring {@link #firstOffspring} of {@code from} to {@link #lastOffspring}
     * of {@code to − 1}) with the same arithmetic as {@link #evaluate}, writing each one's fitness
     * into its slot of {@code fitness}; the other slots are left alone. For evaluators that hand
     * out ranges of a generation to other machines (enu-spark): any split gives the same numbers.
     * Safe to call from several threads at once (each has its own buffers).
     *
     * @param fitness one slot per offspring of the population (modified in the range only)
     */
    public void evaluateGroups(float[] theta, Population pop, int from, int to, double[] fitness) {
        if (from < 0 || to > pop.noiseCount() || from > to) {
            throw new IllegalArgumentException("noise vectors [" + from + ", " + to + ") outside [0, "
                    + pop.noiseCount() + ")");
        }
        long[] envKeys = EnvironmentKeys.training(pop.seed(), pop.generation(), task.environments());
        Worker w = workers.get();
        for (int j = from; j < to; j++) {
            w.evaluateGroup(theta, pop, j, envKeys, fitness);
        }
    }

    /** The first offspring that uses noise vector j. */
    public static int firstOffspring(Population pop, int j) {
        return pop.antithetic() ? 2 * j : j;
    }

    /** The last offspring that uses noise vector j (the same as the first without antithetic pairs). */
    public static int lastOffspring(Population pop, int j) {
        return pop.antithetic() ? Math.min(pop.size() - 1, 2 * j + 1) : j;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** A thread's buffers: the scaled noise, one offspring's weights, and the task rollout. */
    private static final class Worker {
        final float[] noise;
        final float[] weights;
        final Rollout rollout;

        Worker(int n, Rollout rollout) {
            this.noise = new float[n];
            this.weights = new float[n];
            this.rollout = rollout;
        }

        /** Evaluates every offspring that uses noise vector j (two for an antithetic pair). */
        void evaluateGroup(float[] theta, Population pop, int j, long[] envKeys, double[] fitness) {
            pop.scaledNoise(j, noise);
            int first = firstOffspring(pop, j);
            int last = lastOffspring(pop, j);
            for (int i = first; i <= last; i++) {
                int s = pop.sign(i);
                if (s == 0) {
                    System.arraycopy(theta, 0, weights, 0, weights.length);
                } else if (s > 0) {
                    for (int k = 0; k < weights.length; k++) {
                        weights[k] = theta[k] + noise[k];
                    }
                } else {
                    for (int k = 0; k < weights.length; k++) {
                        weights[k] = theta[k] - noise[k];
                    }
                }
                fitness[i] = rollout.fitness(weights, envKeys, i);
            }
        }
    }
}
