package org.rdcodec.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Figure 8 of the paper: rounds to the target and average bits per round against rho, for injected noise and for real codecs. */
public final class SweepPlots {

    /** One sweep point. @param name series name @param rho measured or set rho @param rounds rounds run @param reached whether the target was reached @param bitsPerRound average bits per round (all workers) */
    public record Point(String name, double rho, int rounds, boolean reached, double bitsPerRound) {
    }

    private SweepPlots() {
    }

    /**
     * Writes {@code figure8-rounds.png} and {@code figure8-bits.png}; the x axis is 1 + rho (log), so rho = 0 shows.
     *
     * @param noiseRuns the noise-mode points, any order
     * @param codecs the codec points
     * @param target target accuracy (for titles)
     * @param dir output folder
     * @throws IOException if writing fails
     */
    public static void write(final List<Point> noiseRuns, final List<Point> codecs, final double target, final Path dir) throws IOException {
        // Sweeps run in pieces and merged come in any rho order; the noise curve is drawn in rho order.
        final List<Point> noise = noiseRuns.stream().sorted(java.util.Comparator.comparingDouble(Point::rho)).toList();
        final List<String> names = uniqueNames(codecs);
        final XYChart rounds = TrainPlots.chart("Figure 8: rounds to test accuracy " + target + " (unreached: the round cap)", "1 + rho", "rounds (log)");
        rounds.getStyler().setXAxisLogarithmic(true);
        series(rounds, "Gaussian noise, D = sn2(1 + rho)/K", noise, false, true);
        for (int i = 0; i < codecs.size(); i++) {
            series(rounds, names.get(i), List.of(codecs.get(i)), true, true);
        }
        TrainPlots.save(rounds, dir.resolve("figure8-rounds.png"));
        final XYChart bits = TrainPlots.chart("Figure 8: average bits per round, all workers", "1 + rho", "bits per round (log)");
        bits.getStyler().setXAxisLogarithmic(true);
        series(bits, "Rsum(D(t)), Gaussian noise runs", noise, false, false);
        for (int i = 0; i < codecs.size(); i++) {
            series(bits, names.get(i) + " (measured frames)", List.of(codecs.get(i)), true, false);
        }
        TrainPlots.save(bits, dir.resolve("figure8-bits.png"));
    }

    /** The codec points' names, a repeated one numbered (#2, #3, ...): XChart needs distinct series names. */
    private static List<String> uniqueNames(final List<Point> codecs) {
        final java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        final List<String> out = new java.util.ArrayList<>();
        for (final Point p : codecs) {
            final int n = seen.merge(p.name(), 1, Integer::sum);
            out.add(n == 1 ? p.name() : p.name() + " #" + n);
        }
        return out;
    }

    private static void series(final XYChart c, final String name, final List<Point> ps, final boolean scatter, final boolean roundsAxis) {
        final double[] x = new double[ps.size()];
        final double[] y = new double[ps.size()];
        int n = 0;
        for (final Point p : ps) {
            final double v = roundsAxis ? p.rounds() : p.bitsPerRound();
            if (Double.isFinite(v) && v > 0 && Double.isFinite(p.rho()) && p.rho() > -1) {
                x[n] = 1 + p.rho();
                y[n] = v;
                n++;
            }
        }
        if (n == 0) {
            return;
        }
        final XYSeries s = c.addSeries(name, java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n));
        if (scatter) {
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.DIAMOND);
        } else {
            s.setMarker(SeriesMarkers.CIRCLE);
        }
    }
}
