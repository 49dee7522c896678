package org.enu.task;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** A table with one row per time step and named columns, written as CSV by {@code enu trace}. */
public final class EpisodeTrace {
    private final List<String> columns;
    private final List<double[]> rows = new ArrayList<>();

    public EpisodeTrace(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    public List<String> columns() {
        return columns;
    }

    public List<double[]> rows() {
        return rows;
    }

    /** Appends one row; its length must equal the number of columns. */
    public void add(double[] row) {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException("row has " + row.length + " values for " + columns.size() + " columns");
        }
        rows.add(row.clone());
    }

    /** The values of one column. */
    public double[] column(String name) {
        int c = columns.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows.get(i)[c];
        }
        return v;
    }

    public void writeCsv(Writer out) throws IOException {
        out.write(String.join(",", columns));
        out.write('\n');
        StringBuilder sb = new StringBuilder();
        for (double[] r : rows) {
            sb.setLength(0);
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                double v = r[i];
                if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                    sb.append((long) v);
                } else {
                    sb.append((float) v);
                }
            }
            sb.append('\n');
            out.write(sb.toString());
        }
    }
}
