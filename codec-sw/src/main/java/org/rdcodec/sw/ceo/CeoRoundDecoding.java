package org.rdcodec.sw.ceo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.core.layout.GradientLayout;

/**
 * One round of the CEO server, decoded incrementally: frames are {@link #accept accepted} as they arrive,
 * {@link #step} decodes the next worker of the plan's order (layer by layer) as soon as its frame is there,
 * and a worker that never sends or stops answering the back channel is {@link #drop dropped}.
 *
 * <p><b>Unbiasedness with dropped workers.</b> Every decoded reconstruction is exact,
 * yhat_k = Y_k + E_k with E_k independent of everything, so E[yhat_k | X] = X for each k. Per layer the
 * estimate is sum over the decoded set S_l of alpha'_k yhat_k with alpha'_k = z_k / sum_{j in S_l} z_j, the
 * plan's weights alpha_k = z_k / sum_j z_j renormalised over S_l (in a bootstrap round, 1/|S_l|). The
 * weights sum to one and depend only on the plan and on which workers answered, never on their data, so the
 * estimate stays unbiased as long as whether a worker is dropped does not depend on its data (a process gone,
 * a timeout). One drop rule does depend on it: the transport's request budget drops the worker that needs one
 * more request, i.e. whose blocks failed, which happens when its Y_k is far from the side information. Such a
 * drop selects on the data, and the estimate is then unbiased only approximately (by the symmetry of noise and
 * dither about the side information), not by this argument; the default budget is large enough that it does not
 * happen in normal operation, and every such drop is counted. When no worker is dropped the plan's weights are used as they are (no division),
 * so the result is bit for bit the one of {@link CeoServerDecoder#decode}. A worker dropped half-way keeps
 * the layers decoded before (they are exact) and loses the rest; the bits it was sent and asked for stay
 * charged. Not thread-safe.
 */
public final class CeoRoundDecoding {

    private final CeoServerDecoder decoder;
    private final CeoPlan plan;
    private final GradientLayout layout;
    private final byte[][] frames;
    private final int[][] sections;
    private final boolean[] dropped;
    private final float[][][] yhat;
    private final double[][] steps;
    private final long[] frameBits;
    private final long[] fallbackBits;
    private final List<PlaneStat> stats = new ArrayList<>();
    private int fallbacks;
    private int requests;
    private int layer;
    private int position;
    private SideInformation side;

    CeoRoundDecoding(final CeoServerDecoder decoder, final CeoPlan plan) {
        this.decoder = decoder;
        this.plan = plan;
        this.layout = decoder.layout();
        final int k = plan.workers();
        final int layers = layout.layerCount();
        this.frames = new byte[k][];
        this.sections = new int[k][];
        this.dropped = new boolean[k];
        this.yhat = new float[k][layers][];
        this.steps = new double[k][layers];
        this.frameBits = new long[k];
        this.fallbackBits = new long[k];
        startLayer();
    }

    /** @return the plan */
    public CeoPlan plan() {
        return plan;
    }

    /**
     * Takes worker j's frame after checking it.
     *
     * @param worker j
     * @param frame the frame (kept; not copied)
     * @throws FrameException if the frame is rejected (CRC, layout, worker, round, lengths) or is a second one;
     *     nothing of it is kept then
     */
    public void accept(final int worker, final byte[] frame) {
        if (worker < 0 || worker >= frames.length) {
            throw new FrameException(FrameError.MALFORMED, "ceo: frame of worker " + worker + ", the plan has " + frames.length);
        }
        if (frames[worker] != null) {
            throw new FrameException(FrameError.MALFORMED, "ceo: second frame of worker " + worker + " in round " + plan.round());
        }
        final int[] at = decoder.check(frame, worker, plan);
        sections[worker] = at;
        frames[worker] = frame;
        frameBits[worker] = 8L * frame.length;
    }

    /**
     * @param worker j
     * @return whether its frame was accepted
     */
    public boolean has(final int worker) {
        return frames[worker] != null;
    }

    /**
     * Drops worker j from the rest of the round (no frame by the deadline, or gone).
     *
     * @param worker j
     */
    public void drop(final int worker) {
        dropped[worker] = true;
    }

    /** @return true when every (layer, worker) of the plan is decoded or dropped */
    public boolean done() {
        skipDropped();
        return layer >= layout.layerCount();
    }

    /** @return the layer being decoded */
    public int layer() {
        return Math.min(layer, layout.layerCount() - 1);
    }

    /** @return the worker whose frame the next step needs, or -1 when done */
    public int awaiting() {
        return done() ? -1 : plan.order()[layer][position];
    }

    /**
     * Decodes the next worker of the order if its frame is there. A worker that stops answering the back
     * channel ({@link WorkerUnavailableException}) is dropped and the step counts as progress.
     *
     * @param back the way to ask workers for more bits
     * @return true if something was decoded or dropped, false if done or waiting for a frame
     * @throws FrameException if the frame turns out malformed while decoding (the worker is dropped first)
     */
    public boolean step(final CeoServerDecoder.BackChannel back) {
        if (done()) {
            return false;
        }
        final int j = plan.order()[layer][position];
        if (frames[j] == null) {
            return false;
        }
        final CeoServerDecoder.Tally tally = new CeoServerDecoder.Tally();
        try {
            final float[] y = decoder.decodeLayer(frames[j], sections[j][layer], sections[j][layer + 1], plan, j, layer, side,
                    back, tally, stats, steps);
            yhat[j][layer] = y;
            if (side != null) {
                side.add(y, plan.sn2()[j][layer] + steps[j][layer] * steps[j][layer] / 12);
            }
        } catch (final WorkerUnavailableException e) {
            dropped[j] = true;
        } catch (final FrameException e) {
            dropped[j] = true;
            throw e;
        } finally {
            fallbackBits[j] += tally.bits;
            fallbacks += tally.fallbacks;
            requests += tally.requests;
        }
        if (!dropped[j]) {
            advance();
        }
        return true;
    }

    /**
     * The estimate over the decoded workers (class comment), once {@link #done}.
     *
     * @return the round's result
     * @throws IllegalStateException if not done
     */
    public CeoRoundResult result() {
        if (!done()) {
            throw new IllegalStateException("ceo round " + plan.round() + " is waiting for worker " + awaiting());
        }
        final float[] estimate = new float[layout.totalSize()];
        for (int l = 0; l < layout.layerCount(); l++) {
            final int off = layout.offset(l);
            final int[] order = plan.order()[l];
            double sum = 0;
            boolean all = true;
            for (final int j : order) {
                if (yhat[j][l] != null) {
                    sum += plan.weight()[j][l];
                } else {
                    all = false;
                }
            }
            for (final int j : order) {
                final float[] y = yhat[j][l];
                if (y == null) {
                    continue;
                }
                final double w = all ? plan.weight()[j][l] : plan.weight()[j][l] / sum;
                for (int i = 0; i < y.length; i++) {
                    estimate[off + i] += (float) (w * y[i]);
                }
            }
        }
        final int[] gone = droppedWorkers();
        decoder.remember(yhat);
        return new CeoRoundResult(plan, estimate, frameBits.clone(), fallbackBits.clone(), steps, stats, fallbacks, requests, gone);
    }

    /** @return the reconstructions [worker][layer] (null where not decoded) */
    float[][][] reconstructions() {
        return yhat;
    }

    private int[] droppedWorkers() {
        final boolean[] active = new boolean[frames.length];
        for (final int[] order : plan.order()) {
            for (final int j : order) {
                active[j] = true;
            }
        }
        int n = 0;
        final int[] out = new int[frames.length];
        for (int j = 0; j < frames.length; j++) {
            if (active[j] && dropped[j]) {
                out[n++] = j;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private void skipDropped() {
        while (layer < layout.layerCount() && dropped[plan.order()[layer][position]]) {
            advance();
        }
    }

    private void advance() {
        position++;
        if (position >= plan.order()[layer].length) {
            layer++;
            position = 0;
            startLayer();
        }
    }

    private void startLayer() {
        while (layer < layout.layerCount() && plan.order()[layer].length == 0) {
            layer++;
        }
        if (layer < layout.layerCount()) {
            side = plan.bootstrap() ? null : new SideInformation(plan.sx2()[layer], layout.size(layer));
        }
    }
}
