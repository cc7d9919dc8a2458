package org.rdcodec.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rdcodec.core.theory.HomogeneousBounds;

/**
 * One panel of {@code rdc demo}: K workers with equal noise sn2 and one gradient variance sx2. It holds rate
 * curves on a rho grid (the bounds) and operating points of schemes ({@link #addPoint}); each point is
 * compared with Rsum and Rin at its own distortion. Later issues add measured codec points here; the table,
 * JSON and plot pick them up without further changes.
 */
final class DemoSection {

    private final String title;
    private final int workers;
    private final double sx2;
    private final double sn2;
    private final List<DemoCurve> curves = new ArrayList<>();
    private final List<DemoPoint> points = new ArrayList<>();

    DemoSection(final String title, final int workers, final double sx2, final double sn2) {
        this.title = title;
        this.workers = workers;
        this.sx2 = sx2;
        this.sn2 = sn2;
    }

    /** Adds the bound curves Rsum and Rin on the given rho grid. */
    DemoSection addBounds(final double[] rhoGrid) {
        final int n = rhoGrid.length;
        final double[] d = new double[n];
        final double[] rsum = new double[n];
        final double[] rin = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = HomogeneousBounds.distortionForRho(workers, sn2, rhoGrid[i]);
            rsum[i] = HomogeneousBounds.sumRate(workers, sx2, sn2, d[i]);
            rin[i] = HomogeneousBounds.independentRate(workers, sx2, sn2, d[i]);
        }
        curves.add(new DemoCurve("Rsum (bound)", rhoGrid.clone(), d, rsum));
        curves.add(new DemoCurve("Rin (per-worker coding)", rhoGrid.clone(), d.clone(), rin));
        return this;
    }

    /**
     * Adds a scheme's operating point.
     *
     * @param name legend name
     * @param kind "model" or "measured"
     * @param distortion the point's distortion D (measured: from actual reconstructions)
     * @param bitsPerCoordinate the point's total rate over all workers (measured: from bytes produced)
     */
    DemoSection addPoint(final String name, final String kind, final double distortion, final double bitsPerCoordinate) {
        final boolean feasible = distortion > HomogeneousBounds.minDistortion(workers, sn2);
        points.add(new DemoPoint(name, kind, HomogeneousBounds.rho(workers, sn2, distortion), distortion, bitsPerCoordinate,
                feasible ? HomogeneousBounds.sumRate(workers, sx2, sn2, distortion) : null,
                feasible ? HomogeneousBounds.independentRate(workers, sx2, sn2, distortion) : null));
        return this;
    }

    String title() {
        return title;
    }

    /** @return a short file-name-safe tag, e.g. "sx2-over-sn2-10" */
    String tag() {
        return String.format(Locale.ROOT, "sx2-over-sn2-%s", plain(sx2 / sn2));
    }

    Json toJson() {
        return new Json(title, workers, sx2, sn2, List.copyOf(curves), List.copyOf(points));
    }

    List<DemoCurve> curves() {
        return List.copyOf(curves);
    }

    List<DemoPoint> points() {
        return List.copyOf(points);
    }

    void printTable(final PrintWriter out) {
        out.printf(Locale.ROOT, "%s  (K = %d, sx2 = %s, sn2 = %s; rates: total bits per coordinate over all workers)%n",
                title, workers, plain(sx2), plain(sn2));
        final StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %10s %10s", "rho", "D"));
        for (final DemoCurve c : curves) {
            head.append(String.format(Locale.ROOT, " %26s", c.name()));
        }
        out.println(head);
        if (!curves.isEmpty()) {
            final DemoCurve first = curves.get(0);
            for (int i = 0; i < first.rho().length; i++) {
                final StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %10.4g %10.5g", first.rho()[i], first.distortion()[i]));
                for (final DemoCurve c : curves) {
                    row.append(String.format(Locale.ROOT, " %26.5f", c.bitsPerCoordinate()[i]));
                }
                out.println(row);
            }
        }
        for (final DemoPoint p : points) {
            if (p.rsumBitsPerCoordinate() == null) {
                out.printf(Locale.ROOT, "  %-34s [%s]: rho %8.4g, D %.5g: %8.4f bits/coord; below the least unbiased distortion sn2/K%n",
                        p.name(), p.kind(), p.rho(), p.distortion(), p.bitsPerCoordinate());
            } else {
                out.printf(Locale.ROOT, "  %-34s [%s]: rho %8.4g, D %.5g: %8.4f bits/coord; Rsum %.4f, Rin %.4f at this D (%.2fx Rsum)%n",
                        p.name(), p.kind(), p.rho(), p.distortion(), p.bitsPerCoordinate(), p.rsumBitsPerCoordinate(),
                        p.rinBitsPerCoordinate(), p.bitsPerCoordinate() / p.rsumBitsPerCoordinate());
            }
        }
        out.println();
    }

    private static String plain(final double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * JSON form of a section.
     *
     * @param title section title
     * @param workers K
     * @param sx2 gradient variance
     * @param sn2 noise variance per worker
     * @param curves bound curves
     * @param points scheme operating points
     */
    record Json(String title, int workers, double sx2, double sn2, List<DemoCurve> curves, List<DemoPoint> points) {
    }
}
