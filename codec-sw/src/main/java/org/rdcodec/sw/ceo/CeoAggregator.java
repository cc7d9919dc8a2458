package org.rdcodec.sw.ceo;

import org.rdcodec.core.layout.GradientLayout;

/**
 * A multi-worker CEO codec round by round: K gradients in, K frames, one unbiased estimate out. Holds the
 * workers' encoders, the server's decoder and the server's statistics: each round is planned from the
 * statistics of the rounds before (the first round, with none, is a bootstrap: every worker entropy-codes a
 * fine quantization), and the round's decoded reconstructions then update the statistics. The simulator's
 * true variances are never seen. Not thread-safe.
 */
public final class CeoAggregator {

    private final GradientLayout layout;
    private final CeoSpec spec;
    private final CeoWorkerEncoder[] encoders;
    private final CeoServer server;

    /**
     * @param layout the gradient layout
     * @param workers K &ge; 3 (the statistics need three workers to separate their noises)
     * @param seed the shared seed
     * @param spec the codec spec
     */
    public CeoAggregator(final GradientLayout layout, final int workers, final long seed, final CeoSpec spec) {
        this.server = new CeoServer(layout, workers, seed, spec);
        this.layout = layout;
        this.spec = spec;
        this.encoders = new CeoWorkerEncoder[workers];
        for (int k = 0; k < workers; k++) {
            encoders[k] = new CeoWorkerEncoder(layout, k, seed, spec);
        }
    }

    /** @return the server's statistics (estimated from decoded data) */
    public CeoStatistics statistics() {
        return server.statistics();
    }

    /** @return the spec */
    public CeoSpec spec() {
        return spec;
    }

    /**
     * Plans the round.
     *
     * @param round the round
     * @return the plan every party would compute
     */
    public CeoPlan plan(final long round) {
        return server.plan(round, null);
    }

    /**
     * Encodes every worker's gradient (null frame for a worker that sends nothing).
     *
     * @param plan the round's plan
     * @param y per worker its gradient
     * @return the frames
     */
    public byte[][] encode(final CeoPlan plan, final float[][] y) {
        final byte[][] frames = new byte[encoders.length][];
        for (int k = 0; k < encoders.length; k++) {
            if (active(plan, k)) {
                frames[k] = encoders[k].encode(y[k], plan);
            }
        }
        return frames;
    }

    /**
     * Encodes one worker's gradient.
     *
     * @param plan the round's plan
     * @param worker k
     * @param y its gradient
     * @return its frame, or null if the plan has it send nothing
     */
    public byte[] encodeWorker(final CeoPlan plan, final int worker, final float[] y) {
        return active(plan, worker) ? encoders[worker].encode(y, plan) : null;
    }

    /**
     * Decodes the frames, then updates the statistics from the reconstructions.
     *
     * @param plan the round's plan
     * @param frames the frames
     * @return the estimate and the bit accounting
     */
    public CeoRoundResult decode(final CeoPlan plan, final byte[][] frames) {
        final CeoRoundResult result = server.decoder().decode(frames, plan, backChannel());
        server.update(result);
        return result;
    }

    /**
     * One whole round.
     *
     * @param round the round
     * @param y per worker its gradient
     * @return the result
     */
    public CeoRoundResult round(final long round, final float[][] y) {
        final CeoPlan plan = plan(round);
        return decode(plan, encode(plan, y));
    }

    /**
     * The in-process back channel: straight to the workers' encoders, which keep their last round.
     *
     * @return a back channel over this aggregator's encoders
     */
    public CeoServerDecoder.BackChannel backChannel() {
        return new CeoServerDecoder.BackChannel() {
            @Override
            public long[] rawPlane(final int k, final long round, final int layer, final int plane, final int from, final int n) {
                return encoders[k].rawPlane(round, layer, plane, from, n);
            }

            @Override
            public long[] ladder(final int k, final long round, final int layer, final int plane, final int from, final int n,
                    final int base, final int bitFrom, final int bitTo) {
                return encoders[k].ladder(round, layer, plane, from, n, base, bitFrom, bitTo);
            }
        };
    }

    /** @return the server side (statistics, planner, decoder) */
    public CeoServer server() {
        return server;
    }

    static boolean active(final CeoPlan plan, final int k) {
        for (int l = 0; l < plan.order().length; l++) {
            if (plan.position(k, l) >= 0) {
                return true;
            }
        }
        return false;
    }
}
