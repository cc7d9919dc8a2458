package org.rdcodec.sw.ceo;

import org.rdcodec.core.layout.GradientLayout;

/** Manual probe (not a test): prints a few rounds' figures. */
final class CeoProbe {
    public static void main(final String[] args) {
        final int p = Integer.parseInt(args[0]);
        final double sx2 = Double.parseDouble(args[1]);
        final String spec = args[2];
        final int k = 10;
        final CeoAggregator agg = new CeoAggregator(GradientLayout.uniform(p, 1), k, 1, CeoSpec.parse(spec));
        for (int t = 0; t < 3; t++) {
            final CeoSource src = new CeoSource(p, sx2, CeoSource.homogeneous(k, 1), 100 + t);
            final long t0 = System.nanoTime();
            final CeoRoundResult r = agg.round(t, src.y);
            final long t1 = System.nanoTime();
            double mse = 0;
            for (int i = 0; i < p; i++) {
                final double e = r.estimate()[i] - src.x[i];
                mse += e * e;
            }
            System.out.printf("round %d: bits/coord %.4f mse %.5f fallbacks %d time %.2fs stats %s%n", t, r.totalBits() / (double) p,
                    mse / p, r.fallbacks(), (t1 - t0) * 1e-9, agg.statistics());
            for (int j = 0; j < k; j++) {
                System.out.printf("  worker %d: %.4f bits/coord step %.3f%n", j, (r.frameBits()[j] + r.fallbackBits()[j]) / (double) p, r.steps()[j][0]);
            }
            for (final PlaneStat s : r.planes()) {
                if (s.worker() < 3 || s.worker() == 9) {
                    System.out.printf("    w%d plane %d %s sent %.5f H %.5f fb %d%n", s.worker(), s.plane(), s.kind(), s.sentBits() / (double) p,
                            s.conditionalEntropyBits() / p, s.fallbacks());
                }
            }
        }
    }
}
