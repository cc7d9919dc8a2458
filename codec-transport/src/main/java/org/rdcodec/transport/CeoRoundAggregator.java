package org.rdcodec.transport;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.sw.ceo.CeoPlan;
import org.rdcodec.sw.ceo.CeoRoundDecoding;
import org.rdcodec.sw.ceo.CeoRoundResult;
import org.rdcodec.sw.ceo.CeoServer;
import org.rdcodec.sw.ceo.CeoServerDecoder;
import org.rdcodec.sw.ceo.CeoSpec;
import org.rdcodec.sw.ceo.WorkerUnavailableException;

/**
 * The CEO codec's server over the transport. It owns the {@link CeoServer} (statistics, planner, decoder):
 * the ANNOUNCE of round t carries the plan ({@link CeoPlanMessage}) made for the workers the server awaits;
 * frames are checked and kept as they arrive, and the server decodes in the plan's order as soon as the
 * next frame it needs is there ({@link #progress}). A block that fails is asked again over the back channel:
 * more ladder bits (rate-adaptive) or its raw bits (fallback), each request and bit charged exactly as in
 * {@link org.rdcodec.sw.ceo.CeoAggregator}. At most {@code maxRequestsPerRound} requests per round; a worker
 * that does not answer within {@code requestTimeoutMs}, answers NOT_HELD, or would exceed the budget is
 * dropped from the rest of the round, and the estimate combines the workers decoded with the plan's weights
 * renormalised over them ({@link CeoRoundDecoding}), so it stays unbiased. Not thread-safe.
 */
public final class CeoRoundAggregator implements RoundAggregator {

    private static final System.Logger LOG = System.getLogger(CeoRoundAggregator.class.getName());

    private final GradientLayout layout;
    private final long seed;
    private final CeoSpec spec;
    private final CeoServer server;
    private final int maxRequests;
    private final UnsafeBuffer request = new UnsafeBuffer(ByteBuffer.allocateDirect(BackRequest.LENGTH));
    private final BackRequest requestFlyweight = new BackRequest();
    private BackLink link;
    private CeoRoundDecoding decoding;
    private boolean[] received;
    private int requestsThisRound;
    private int[] lastDropped = new int[0];
    private BackChannelCounters lastCounters = BackChannelCounters.NONE;
    private CeoRoundResult lastResult;

    /**
     * @param layout the layout
     * @param workers K &ge; 3
     * @param seed the shared seed
     * @param spec the codec spec
     * @param maxRequestsPerRound bound on back-channel requests in one round
     */
    public CeoRoundAggregator(final GradientLayout layout, final int workers, final long seed, final CeoSpec spec,
            final int maxRequestsPerRound) {
        this.layout = layout;
        this.seed = seed;
        this.spec = spec;
        this.server = new CeoServer(layout, workers, seed, spec);
        this.maxRequests = maxRequestsPerRound;
    }

    /** @return the server side (statistics, planner) */
    public CeoServer server() {
        return server;
    }

    /** @return the result of the last finished round (per-worker bits, planes), or null */
    public CeoRoundResult lastResult() {
        return lastResult;
    }

    @Override
    public void attach(final BackLink backLink) {
        this.link = backLink;
    }

    @Override
    public int maxAnnouncementBytes() {
        return CeoPlanMessage.length(server.workers(), layout.layerCount());
    }

    @Override
    public void begin(final long round) {
        decoding = null;
        received = new boolean[server.workers()];
        requestsThisRound = 0;
    }

    @Override
    public int announcement(final long round, final boolean[] awaited, final MutableDirectBuffer out, final int offset) {
        int present = 0;
        for (final boolean a : awaited) {
            present += a ? 1 : 0;
        }
        // plan for the workers the server waits for; with fewer than 3 of them the statistics cannot be
        // estimated, so plan for all K and let the missing ones be dropped
        final CeoPlan plan = server.plan(round, present >= 3 ? awaited : null);
        decoding = server.begin(plan);
        return CeoPlanMessage.write(plan, seed, spec, out, offset);
    }

    @Override
    public void accept(final int worker, final DirectBuffer buffer, final int offset, final int length) {
        if (decoding == null) {
            throw new FrameException(FrameError.MALFORMED, "ceo: frame of worker " + worker + " before the round's plan");
        }
        if (received[worker]) {
            throw new FrameException(FrameError.MALFORMED, "ceo: second frame of worker " + worker);
        }
        final boolean active = active(decoding.plan(), worker);
        if (length == 0) {
            if (active) {
                throw new FrameException(FrameError.TRUNCATED, "ceo: worker " + worker + " sent an empty frame but is active in the plan");
            }
        } else {
            if (!active) {
                throw new FrameException(FrameError.MALFORMED, "ceo: worker " + worker + " sent a frame but is silent in the plan");
            }
            final byte[] frame = new byte[length];
            buffer.getBytes(offset, frame);
            decoding.accept(worker, frame);
        }
        received[worker] = true;
    }

    @Override
    public void progress() {
        while (decoding != null && decoding.step(back)) {
            // decode every worker whose turn it is and whose frame is in
        }
    }

    @Override
    public int finish(final GradientBuffer estimate) {
        final CeoPlan plan = decoding.plan();
        for (int j = 0; j < received.length; j++) {
            if (!received[j]) {
                decoding.drop(j);
            }
        }
        while (!decoding.done()) {
            try {
                progress();
            } catch (final FrameException e) {
                LOG.log(System.Logger.Level.WARNING, "round {0}: ceo frame rejected while decoding ({1}): {2}",
                        String.valueOf(plan.round()), String.valueOf(e.error()), e.getMessage());
            }
        }
        final CeoRoundResult result = server.finish(decoding);
        lastResult = result;
        lastDropped = Arrays.stream(result.dropped()).filter(j -> received[j]).toArray();
        long bits = 0;
        for (final long b : result.fallbackBits()) {
            bits += b;
        }
        lastCounters = new BackChannelCounters(result.requests(), result.fallbacks(), bits);
        int used = 0;
        for (int j = 0; j < received.length; j++) {
            used += received[j] ? 1 : 0;
        }
        used -= lastDropped.length;
        if (used > 0) {
            estimate.copyFrom(result.estimate());
        }
        return used;
    }

    @Override
    public int[] dropped() {
        return lastDropped.clone();
    }

    @Override
    public BackChannelCounters backChannel() {
        return lastCounters;
    }

    @Override
    public void close() {
        // heap only
    }

    private static boolean active(final CeoPlan plan, final int worker) {
        for (int l = 0; l < plan.order().length; l++) {
            if (plan.position(worker, l) >= 0) {
                return true;
            }
        }
        return false;
    }

    private final CeoServerDecoder.BackChannel back = new CeoServerDecoder.BackChannel() {
        @Override
        public long[] rawPlane(final int worker, final long round, final int layer, final int plane, final int from, final int n) {
            return ask(worker, round, BackRequest.RAW, layer, plane, from, n, 0, 0, n, n);
        }

        @Override
        public long[] ladder(final int worker, final long round, final int layer, final int plane, final int from, final int n,
                final int base, final int bitFrom, final int bitTo) {
            return ask(worker, round, BackRequest.LADDER, layer, plane, from, n, base, bitFrom, bitTo, bitTo - bitFrom);
        }
    };

    private long[] ask(final int worker, final long round, final int kind, final int layer, final int plane, final int from,
            final int n, final int base, final int bitFrom, final int bitTo, final int bits) {
        if (requestsThisRound >= maxRequests) {
            throw new WorkerUnavailableException(worker, false, "round " + round + ": request budget of " + maxRequests
                    + " exhausted; worker " + worker + " dropped");
        }
        if (link == null) {
            throw new WorkerUnavailableException(worker, false, "no back channel attached");
        }
        final int sequence = requestsThisRound++;
        requestFlyweight.wrap(request, 0).write(sequence, kind, layer, plane, from, n, base, bitFrom, bitTo);
        final DirectBuffer reply = link.ask(worker, round, request, 0, BackRequest.LENGTH);
        if (reply == null) {
            LOG.log(System.Logger.Level.WARNING, "round {0}: worker {1} did not answer request {2}; dropped from the round",
                    String.valueOf(round), String.valueOf(worker), String.valueOf(sequence));
            throw new WorkerUnavailableException(worker, true, "worker " + worker + " did not answer request " + sequence + " of round " + round);
        }
        if (BackReply.status(reply, 0) != BackReply.OK) {
            throw new WorkerUnavailableException(worker, true, "worker " + worker + " does not hold the bits of request " + sequence);
        }
        try {
            return BackReply.bits(reply, 0, bits);
        } catch (final FrameException e) {
            throw new WorkerUnavailableException(worker, true, "worker " + worker + ": " + e.getMessage());
        }
    }
}
