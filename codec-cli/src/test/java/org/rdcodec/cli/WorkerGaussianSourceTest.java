package org.rdcodec.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.layout.GradientLayout;

/** A worker process's source draws exactly the Y_k (and the server's reference exactly the X) of GaussianCeoSource. */
class WorkerGaussianSourceTest {

    /** Replayed rounds: more than the largest round drawn below, so round r + REPLAY replays round r. */
    private static final int REPLAY = 6;

    @Test
    void sameDrawsAsTheWholeSource() {
        final GradientLayout layout = GradientLayout.ofSizes(1000, 37);
        final double[] sx2 = {2, 0.5};
        final double[][] sn2 = {{1, 0.1}, {0.5, 0.2}, {3, 0.3}};
        final long seed = 11;
        try (GaussianCeoSource all = new GaussianCeoSource(layout, sx2, sn2, seed);
             GradientBuffer g = GradientBuffer.allocate(layout.totalSize())) {
            for (final long round : new long[] {0, 5}) {
                all.draw(round);
                new WorkerGaussianSource(layout, sx2, null, -1, seed, 0).gradient(round, g);
                assertArrayEquals(all.x().toArray(), g.toArray(), "X of round " + round);
                for (int k = 0; k < sn2.length; k++) {
                    new WorkerGaussianSource(layout, sx2, sn2[k], k, seed, 0).gradient(round, g);
                    assertArrayEquals(all.y(k).toArray(), g.toArray(), "Y_" + k + " of round " + round);
                    new WorkerGaussianSource(layout, sx2, sn2[k], k, seed, REPLAY).gradient(round + REPLAY, g);
                    assertArrayEquals(all.y(k).toArray(), g.toArray(), "replayed Y_" + k + " of round " + round + " + " + REPLAY);
                }
            }
        }
    }
}
