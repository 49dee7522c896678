package org.enu.run;

/**
 * What one generation produced: fitness statistics over its offspring and its wall time.
 *
 * @param generation index of the evaluated generation
 * @param mean       mean offspring fitness (finite values only; NaN if there are none)
 * @param max        best offspring fitness (finite values only; NaN if there are none)
 * @param min        worst offspring fitness (finite values only; NaN if there are none)
 * @param centre     fitness of the unperturbed centre (offspring 0)
 * @param seconds    wall time of evaluation and update
 * @param nonfinite  offspring whose fitness was NaN or infinite (ranked worst by the strategy)
 * @param offspring  offspring evaluated
 */
public record GenerationStats(int generation, double mean, double max, double min, double centre, double seconds,
                              int nonfinite, int offspring) {

    public static GenerationStats of(int generation, double[] fitness, double seconds) {
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        int finite = 0;
        for (double f : fitness) {
            if (Double.isFinite(f)) {
                sum += f;
                finite++;
                max = Math.max(max, f);
                min = Math.min(min, f);
            }
        }
        double mean = finite == 0 ? Double.NaN : sum / finite;
        return new GenerationStats(generation, mean, finite == 0 ? Double.NaN : max, finite == 0 ? Double.NaN : min,
                fitness[0], seconds, fitness.length - finite, fitness.length);
    }
}
