package org.rdcodec.core.quant;


import org.junit.jupiter.api.Test;
import org.rdcodec.core.layout.GradientLayout;

/** Temporary probe: prints rates of lattice codecs against the ECDQ rate estimate. */
class LatticeRateProbe {

    @Test
    void probe() {
        final int n = 1 << 18;
        final float[] x = CodecHarness.gaussian(n, 1, 7);
        final GradientLayout layout = GradientLayout.ofSizes(n);
        for (final double d : new double[] {0.45, 0.3, 0.16, 0.05, 0.01}) {
          for (final int cc : new int[] {0}) {
            LatticeCodec.forceContexts = cc;
            System.out.println("C=" + cc);
            for (final String name : new String[] {"dithered", "d4", "e8"}) {
                final CodecHarness.Result r = CodecHarness.roundTrip(name + ":distortion=" + d, layout, x, 0, 0);
                final double rate = 8.0 * r.frameBytes() / n;
                final double mse = CodecHarness.mse(x, r.xhat());
                final Lattice l = name.equals("dithered") ? Lattice.Z : Lattice.valueOf(name.toUpperCase());
                System.out.printf("D=%.3f %-8s rate %.4f mse %.4f  limit %.4f  ecdq %.4f%n", d, name, rate, mse,
                        0.5 * Math.log(1 + 1 / mse) / Math.log(2), 0.0);
            }}
        }
    }
}
