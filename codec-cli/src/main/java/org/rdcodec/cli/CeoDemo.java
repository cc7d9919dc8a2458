package org.rdcodec.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.spec.CodecSpec;
import org.rdcodec.core.theory.HomogeneousBounds;
import org.rdcodec.core.theory.InfeasibleTargetException;
import org.rdcodec.sw.ceo.CeoSpec;

/**
 * The CEO codec's points in {@code rdc demo}: for every ratio sx2/sn2 of the demo, the measured SignSGD point
 * and the CEO codec at rho = 1 and at SignSGD's measured distortion (equal distortion), each against Rsum and
 * Rin at its measured distortion (the section adds those). Small P so the demo stays fast: the CEO figures
 * at P = {@link #DIM} with LDPC blocks of {@link #BLOCK} bits are a few percent worse than at P = 2^20 with
 * 65536-bit blocks (src/site/ceo.md has those).
 */
final class CeoDemo {

    /** Coordinates per run. */
    static final int DIM = 1 << 14;

    /** LDPC block length for the demo runs (short codes build in milliseconds). */
    static final int BLOCK = 4096;

    /** Rounds per run: the bootstrap round, then the reported one. */
    static final int ROUNDS = 2;

    static final long SEED = 2027;

    /**
     * One measured point.
     *
     * @param ratio sx2/sn2 of its section
     * @param name label
     * @param distortion measured MSE
     * @param bitsPerCoordinate measured total bits per coordinate
     */
    record Point(double ratio, String name, double distortion, double bitsPerCoordinate) {
    }

    private CeoDemo() {
    }

    /**
     * @param workers K (at least 3, else no points)
     * @param sn2 noise variance
     * @param ratios the sections' sx2/sn2
     * @return the points
     */
    static List<Point> measure(final int workers, final double sn2, final double[] ratios) {
        final List<Point> out = new ArrayList<>();
        if (workers < 3) {
            return out;
        }
        final GradientLayout layout = GradientLayout.ofSizes(DIM);
        final double[][] noise = new double[workers][1];
        for (final double[] row : noise) {
            row[0] = sn2;
        }
        for (final double ratio : ratios) {
            final double[] sx2 = {ratio * sn2};
            final Simulation.Round sign = new Simulation(layout, sx2, noise, CodecSpec.parse("sign"), SEED).run(ROUNDS).get(ROUNDS - 1);
            final boolean alreadyShown = ratio == 1 && DemoCommand.MEASURED_CODECS.contains("sign");
            if (!alreadyShown && sign.mse() > HomogeneousBounds.minDistortion(workers, sn2)) {
                // plotted against rho on a log axis: only points above the least unbiased distortion
                out.add(new Point(ratio, "sign (measured)", sign.mse(), sign.bitsPerCoordinate()));
            }
            for (final String target : new String[] {"rho=1", String.format(Locale.ROOT, "distortion=%.6g", sign.mse())}) {
                final CeoSpec spec = CeoSpec.parse("ceo:" + target + ",block=" + BLOCK);
                final List<CeoSimulation.CeoRound> rounds;
                try {
                    rounds = CeoSimulation.simulate(layout, sx2, noise, spec, SEED, ROUNDS, null);
                } catch (final InfeasibleTargetException e) {
                    // SignSGD is biased: its MSE can lie below the least UNBIASED distortion (sx2/sn2 = 0.1)
                    continue;
                }
                final Simulation.Round r = rounds.get(ROUNDS - 1).figures();
                out.add(new Point(ratio, "ceo:" + target, r.mse(), r.bitsPerCoordinate()));
            }
        }
        return out;
    }

    /**
     * Adds the points to the sections with the same ratio.
     *
     * @param sections the demo's sections, in the order of ratios
     * @param ratios sx2/sn2 per section
     * @param points from {@link #measure}
     */
    static void add(final List<DemoSection> sections, final double[] ratios, final List<Point> points) {
        for (int i = 0; i < ratios.length; i++) {
            for (final Point p : points) {
                if (p.ratio() == ratios[i]) {
                    sections.get(i).addPoint(p.name(), "measured", p.distortion(), p.bitsPerCoordinate());
                }
            }
        }
    }
}
