package org.rdcodec.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG figures of a training run (XChart): the paper's Figure 6 (gradient statistics) and Figure 7 (rates per round). */
public final class TrainPlots {

    private TrainPlots() {
    }

    /**
     * Figure 6: sx2(t) and sn2(t) per coordinate against the round, from the reference gradient, with the
     * reference-free per-round estimates as thin lines.
     *
     * @param rs rounds
     * @param title chart title
     * @param file destination PNG
     * @throws IOException if writing fails
     */
    public static void figure6(final List<RoundRecord> rs, final String title, final Path file) throws IOException {
        final XYChart c = chart(title, "round t", "variance per coordinate (log)");
        add(c, "sx2(t), reference gradient", rs, RoundRecord::sx2, true, true);
        add(c, "sn2(t), reference gradient", rs, RoundRecord::sn2, true, true);
        add(c, "sx2 estimate (no reference)", rs, RoundRecord::sx2Est, false, false);
        add(c, "sn2 estimate (no reference)", rs, RoundRecord::sn2Est, false, false);
        save(c, file);
    }

    /**
     * Figure 7: bits per round of all K workers: the codec's frames, SignSGD's K P bits, Rin and Rsum at the
     * codec's measured distortion, and Rin, Rsum at the paper's SignSGD distortion.
     *
     * @param rs rounds
     * @param title chart title
     * @param file destination PNG
     * @throws IOException if writing fails
     */
    public static void figure7(final List<RoundRecord> rs, final String title, final Path file) throws IOException {
        final XYChart c = chart(title, "round t", "bits per round, all workers (log)");
        add(c, "codec (measured frames)", rs, RoundRecord::bits, true, false);
        add(c, "SignSGD (1 bit/coordinate/worker)", rs, RoundRecord::signBits, true, false);
        add(c, "Rin(D), D = codec's measured distortion", rs, RoundRecord::rinBits, true, true);
        add(c, "Rsum(D), D = codec's measured distortion", rs, RoundRecord::rsumBits, true, true);
        add(c, "Rsum(D), workers' mean sn2 (correlation gain only)", rs, RoundRecord::rsumHomBits, false, true);
        add(c, "Rin(D_sign)", rs, RoundRecord::rinAtSignBits, true, true);
        add(c, "Rsum(D_sign)", rs, RoundRecord::rsumAtSignBits, true, true);
        save(c, file);
    }

    static XYChart chart(final String title, final String x, final String y) {
        // XChart draws with AWT; a terminal or CI machine has no display.
        System.setProperty("java.awt.headless", "true");
        final XYChart c = new XYChartBuilder().width(1300).height(620).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        return c;
    }

    /** Adds the finite, positive values of a field (statistics rounds only if {@code statsOnly}); skips an empty series. */
    static void add(final XYChart c, final String name, final List<RoundRecord> rs, final ToDoubleFunction<RoundRecord> f, final boolean thick,
            final boolean statsOnly) {
        final List<Double> xs = new ArrayList<>();
        final List<Double> ys = new ArrayList<>();
        for (final RoundRecord r : rs) {
            if (statsOnly && !r.hasStats()) {
                continue;
            }
            final double v = f.applyAsDouble(r);
            if (Double.isFinite(v) && v > 0) {
                xs.add((double) r.round());
                ys.add(v);
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        final XYSeries s = c.addSeries(name, xs, ys);
        s.setMarker(SeriesMarkers.NONE);
        if (!thick) {
            s.setLineStyle(new java.awt.BasicStroke(0.6f));
        }
    }

    static void save(final XYChart c, final Path file) throws IOException {
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
