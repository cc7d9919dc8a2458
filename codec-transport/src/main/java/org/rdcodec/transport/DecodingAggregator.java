package org.rdcodec.transport;

import org.agrona.DirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.quant.DecodedFrame;
import org.rdcodec.core.quant.GradientCodec;
import org.rdcodec.core.quant.GradientDecoder;
import org.rdcodec.core.quant.UnbiasedCombiner;

/**
 * Decodes each worker's frame as it arrives and, at the end of the round, combines the workers present:
 * inverse-variance weights estimated from the decoded data for an unbiased codec, the plain mean otherwise
 * (as {@code rdc simulate} does). Both weightings sum to one over the workers present, so an estimate made
 * without a late or lost worker is still unbiased for an unbiased codec.
 */
public final class DecodingAggregator implements RoundAggregator {

    private final GradientLayout layout;
    private final boolean unbiased;
    private final GradientDecoder decoder;
    private final GradientBuffer[] decoded;
    private final boolean[] present;
    private long round = -1;

    /**
     * @param codec the workers' codec
     * @param layout the layout
     * @param workers K
     * @param seed the shared seed
     */
    public DecodingAggregator(final GradientCodec codec, final GradientLayout layout, final int workers, final long seed) {
        this.layout = layout;
        this.unbiased = codec.unbiased();
        this.decoder = codec.newDecoder(layout, seed);
        this.decoded = new GradientBuffer[workers];
        this.present = new boolean[workers];
        try {
            for (int k = 0; k < workers; k++) {
                decoded[k] = GradientBuffer.allocate(layout.totalSize());
            }
        } catch (final RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void begin(final long newRound) {
        this.round = newRound;
        java.util.Arrays.fill(present, false);
    }

    @Override
    public void accept(final int worker, final DirectBuffer buffer, final int offset, final int length) {
        if (present[worker]) { // decoding again would overwrite an accepted reconstruction with unchecked data
            throw new FrameException(FrameError.MALFORMED, "second frame of worker " + worker + " in round " + round);
        }
        final DecodedFrame f = decoder.decode(buffer, offset, length, decoded[worker]);
        if (f.round() != round || f.worker() != worker) {
            throw new FrameException(FrameError.MALFORMED, "frame of round " + f.round() + " worker " + f.worker()
                    + " arrived as worker " + worker + "'s frame of round " + round);
        }
        present[worker] = true;
    }

    @Override
    public int finish(final GradientBuffer estimate) {
        int n = 0;
        for (final boolean p : present) {
            n += p ? 1 : 0;
        }
        if (n == 0) {
            return 0;
        }
        final GradientBuffer[] used = new GradientBuffer[n];
        for (int k = 0, j = 0; k < present.length; k++) {
            if (present[k]) {
                used[j++] = decoded[k];
            }
        }
        if (unbiased) {
            UnbiasedCombiner.combineWeighted(layout, used, estimate);
        } else {
            UnbiasedCombiner.combineMean(layout, used, estimate);
        }
        return n;
    }

    @Override
    public void close() {
        for (final GradientBuffer b : decoded) {
            if (b != null) {
                b.close();
            }
        }
    }
}
