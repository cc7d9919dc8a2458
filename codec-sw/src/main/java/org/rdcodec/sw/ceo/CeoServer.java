package org.rdcodec.sw.ceo;

import org.rdcodec.core.layout.GradientLayout;

/**
 * The server side of the CEO codec, wherever its workers are: the statistics (estimated from decoded data
 * only), the planner and the decoder. A round is {@link #plan planned}, decoded through a
 * {@link CeoRoundDecoding} ({@link #begin}), and {@link #finish finished}: the estimate over the decoded
 * workers, and the statistics updated from their reconstructions. {@link CeoAggregator} drives it in one
 * process; the Aeron transport drives it across processes. Not thread-safe.
 */
public final class CeoServer {

    private final GradientLayout layout;
    private final CeoSpec spec;
    private final int workers;
    private final CeoServerDecoder decoder;
    private final CeoStatistics stats;

    /**
     * @param layout the gradient layout
     * @param workers K &ge; 3 (the statistics need three workers to separate their noises)
     * @param seed the shared seed
     * @param spec the codec spec
     */
    public CeoServer(final GradientLayout layout, final int workers, final long seed, final CeoSpec spec) {
        if (workers < 3) {
            throw new IllegalArgumentException("the ceo codec needs at least 3 workers, got " + workers);
        }
        this.layout = layout;
        this.spec = spec;
        this.workers = workers;
        this.decoder = new CeoServerDecoder(layout, seed, spec);
        this.stats = new CeoStatistics(workers, layout.layerCount());
    }

    /** @return the statistics */
    public CeoStatistics statistics() {
        return stats;
    }

    /** @return the spec */
    public CeoSpec spec() {
        return spec;
    }

    /** @return K */
    public int workers() {
        return workers;
    }

    /** @return the decoder (its last round's reconstructions) */
    public CeoServerDecoder decoder() {
        return decoder;
    }

    /**
     * @param round the round
     * @param present workers to plan for (null = all); the others are silent in the plan
     * @return the plan
     */
    public CeoPlan plan(final long round, final boolean[] present) {
        return CeoPlanner.plan(spec, stats, round, present);
    }

    /**
     * @param plan the round's plan
     * @return the round's incremental decoding
     */
    public CeoRoundDecoding begin(final CeoPlan plan) {
        return decoder.begin(plan);
    }

    /**
     * The round's estimate over the decoded workers, and the statistics updated from their reconstructions.
     *
     * @param round a done decoding
     * @return the result
     */
    public CeoRoundResult finish(final CeoRoundDecoding round) {
        final CeoRoundResult result = round.result();
        update(result);
        return result;
    }

    /** Folds the last decoded round's reconstructions into the statistics. */
    void update(final CeoRoundResult result) {
        for (int l = 0; l < layout.layerCount(); l++) {
            final float[][] yhat = new float[workers][];
            final double[] sv2 = new double[workers];
            for (int k = 0; k < workers; k++) {
                yhat[k] = decoder.reconstruction(k, l);
                sv2[k] = result.steps()[k][l] * result.steps()[k][l] / 12;
            }
            stats.update(l, yhat, sv2);
        }
    }
}
