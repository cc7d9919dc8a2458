package org.rdcodec.transport;

import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.Codecs;
import org.rdcodec.sw.ceo.CeoSpec;

/**
 * Picks the server and worker sides of the round protocol from a codec spec: the CEO codec
 * ({@code ceo:...}) plans rounds and uses the back channel; every catalog codec decodes each frame alone.
 */
public final class RoundCodecs {

    private RoundCodecs() {
    }

    /**
     * @param spec a codec spec
     * @param layout the layout
     * @param workers K
     * @param seed the shared seed
     * @param config the transport configuration (request budget)
     * @return the server's aggregator
     */
    public static RoundAggregator aggregator(final String spec, final GradientLayout layout, final int workers, final long seed,
            final TransportConfig config) {
        if (CeoSpec.matches(spec)) {
            return new CeoRoundAggregator(layout, workers, seed, CeoSpec.parse(spec), config.maxRequestsPerRound);
        }
        return new DecodingAggregator(Codecs.create(spec), layout, workers, seed);
    }

    /**
     * @param spec a codec spec
     * @param layout the layout
     * @param worker k
     * @param workers K
     * @param seed the shared seed
     * @return the worker's round codec
     */
    public static WorkerRoundCodec worker(final String spec, final GradientLayout layout, final int worker, final int workers,
            final long seed) {
        if (CeoSpec.matches(spec)) {
            return new CeoWorkerRoundCodec(layout, worker, workers, seed, CeoSpec.parse(spec));
        }
        return new EncoderRoundCodec(Codecs.create(spec).newEncoder(layout, worker, seed));
    }
}
