package org.rdcodec.transport;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.frame.Crc32cChecksum;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.sw.ceo.CeoPlan;
import org.rdcodec.sw.ceo.CeoSpec;

/**
 * The CEO round plan in the payload of an ANNOUNCE (little-endian). The whole plan is broadcast once: every
 * worker needs its own step and position, and also the steps and noise estimates of the workers before it
 * (its rate choices use the side information they will give the server), so all rows travel; the message
 * is 52 + L (20 + 28 K) bytes (K = 4, L = 1: 184 bytes). Address table:
 *
 * <pre>
 * offset  size  field
 *      0     4  magic    0x4E4C5052 ("RPLN" as LE bytes)
 *      4     2  version  1
 *      6     2  flags    bit 0 bootstrap round, bit 1 rate-adaptive mode
 *      8     4  K        workers
 *     12     4  L        layers
 *     16     8  round    t
 *     24     8  seed     the shared seed (dither and LDPC codes); a worker with another seed refuses the plan
 *     32     8  margin   the spec's margin (float64)
 *     40     4  block    the spec's LDPC block length
 *     44     4  length   bytes of the whole message, trailer included
 *     48     .  layers   L records of 20 + 28 K bytes:
 *                 +0       float64 D_l (NaN in a bootstrap round)
 *                 +8       float64 sx2_l
 *                 +16      int32   m, active workers of the layer (0..K)
 *                 +20      K x int32 the decoding order (first m entries; the rest -1). Position 0 is entropy
 *                          coded; a worker in no order sends nothing for the layer (z = 0)
 *                 +20+4K   K x (float64 step, float64 weight alpha_k, float64 sn2_k); step 0 = silent,
 *                          NaN = bootstrap (the worker picks its step)
 *   length-4     4  CRC-32C of bytes [0, length - 4)
 * </pre>
 */
public final class CeoPlanMessage {

    /** Magic number. */
    public static final int MAGIC = 0x4E4C5052;
    /** Format version. */
    public static final short VERSION = 1;
    /** Bytes before the layer records. */
    public static final int HEADER_BYTES = 48;
    private static final int FLAG_BOOTSTRAP = 1;
    private static final int FLAG_RATE_ADAPTIVE = 2;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private CeoPlanMessage() {
    }

    /**
     * @param workers K
     * @param layers L
     * @return the message's length in bytes
     */
    public static int length(final int workers, final int layers) {
        return HEADER_BYTES + layers * layerBytes(workers) + 4;
    }

    private static int layerBytes(final int workers) {
        return 20 + 28 * workers;
    }

    /**
     * Writes the plan.
     *
     * @param plan the plan
     * @param seed the shared seed
     * @param spec the codec spec
     * @param out destination (must hold {@link #length} bytes from {@code at})
     * @param at first byte
     * @return bytes written
     */
    public static int write(final CeoPlan plan, final long seed, final CeoSpec spec, final MutableDirectBuffer out, final int at) {
        final int k = plan.workers();
        final int layers = plan.order().length;
        final int length = length(k, layers);
        out.putInt(at, MAGIC, ORDER);
        out.putShort(at + 4, VERSION, ORDER);
        out.putShort(at + 6, (short) ((plan.bootstrap() ? FLAG_BOOTSTRAP : 0) | (spec.rateAdaptive() ? FLAG_RATE_ADAPTIVE : 0)), ORDER);
        out.putInt(at + 8, k, ORDER);
        out.putInt(at + 12, layers, ORDER);
        out.putLong(at + 16, plan.round(), ORDER);
        out.putLong(at + 24, seed, ORDER);
        out.putDouble(at + 32, spec.margin(), ORDER);
        out.putInt(at + 40, spec.block(), ORDER);
        out.putInt(at + 44, length, ORDER);
        for (int l = 0; l < layers; l++) {
            final int p = at + HEADER_BYTES + l * layerBytes(k);
            out.putDouble(p, plan.distortion()[l], ORDER);
            out.putDouble(p + 8, plan.sx2()[l], ORDER);
            final int[] order = plan.order()[l];
            out.putInt(p + 16, order.length, ORDER);
            for (int i = 0; i < k; i++) {
                out.putInt(p + 20 + 4 * i, i < order.length ? order[i] : -1, ORDER);
            }
            for (int j = 0; j < k; j++) {
                final int q = p + 20 + 4 * k + 24 * j;
                out.putDouble(q, plan.step()[j][l], ORDER);
                out.putDouble(q + 8, plan.weight()[j][l], ORDER);
                out.putDouble(q + 16, plan.sn2()[j][l], ORDER);
            }
        }
        out.putInt(at + length - 4, Crc32cChecksum.compute(out, at, length - 4), ORDER);
        return length;
    }

    /**
     * Reads and checks a plan.
     *
     * @param in the buffer
     * @param at first byte
     * @param length bytes available
     * @param workers the K this worker was started with
     * @param layers the layout's L
     * @param round the round of the ANNOUNCE
     * @param seed this worker's seed
     * @param spec this worker's spec
     * @return the plan
     * @throws FrameException TRUNCATED, BAD_MAGIC, UNSUPPORTED_VERSION, CORRUPTED, WRONG_LAYOUT (K, L), BAD_CODEC (seed or
     *     spec differ) or MALFORMED (round, order or steps out of range), with what and where
     */
    public static CeoPlan read(final DirectBuffer in, final int at, final int length, final int workers, final int layers,
            final long round, final long seed, final CeoSpec spec) {
        if (length < HEADER_BYTES + 4) {
            throw new FrameException(FrameError.TRUNCATED, "ceo plan: " + length + " bytes, the header needs " + (HEADER_BYTES + 4));
        }
        if (in.getInt(at, ORDER) != MAGIC) {
            throw new FrameException(FrameError.BAD_MAGIC, "ceo plan: bad magic 0x" + Integer.toHexString(in.getInt(at, ORDER)));
        }
        if (in.getShort(at + 4, ORDER) != VERSION) {
            throw new FrameException(FrameError.UNSUPPORTED_VERSION, "ceo plan: version " + in.getShort(at + 4, ORDER)
                    + ", supported " + VERSION);
        }
        final int declared = in.getInt(at + 44, ORDER);
        if (declared != length) {
            throw new FrameException(declared > length ? FrameError.TRUNCATED : FrameError.MALFORMED, "ceo plan: "
                    + length + " bytes, the message says " + declared);
        }
        if (Crc32cChecksum.compute(in, at, length - 4) != in.getInt(at + length - 4, ORDER)) {
            throw new FrameException(FrameError.CORRUPTED, "ceo plan of round " + round + ": CRC-32C mismatch");
        }
        final int k = in.getInt(at + 8, ORDER);
        final int l = in.getInt(at + 12, ORDER);
        if (k != workers || l != layers || length != length(workers, layers)) {
            throw new FrameException(FrameError.WRONG_LAYOUT, "ceo plan: K = " + k + ", L = " + l + " in " + length
                    + " bytes; this worker has K = " + workers + ", L = " + layers);
        }
        final int flags = in.getShort(at + 6, ORDER);
        if (in.getLong(at + 24, ORDER) != seed || in.getDouble(at + 32, ORDER) != spec.margin()
                || in.getInt(at + 40, ORDER) != spec.block() || ((flags & FLAG_RATE_ADAPTIVE) != 0) != spec.rateAdaptive()) {
            throw new FrameException(FrameError.BAD_CODEC, "ceo plan: seed " + in.getLong(at + 24, ORDER) + ", margin "
                    + in.getDouble(at + 32, ORDER) + ", block " + in.getInt(at + 40, ORDER) + ", rate-adaptive "
                    + ((flags & FLAG_RATE_ADAPTIVE) != 0) + "; this worker runs seed " + seed + " with " + spec);
        }
        if (in.getLong(at + 16, ORDER) != round) {
            throw new FrameException(FrameError.MALFORMED, "ceo plan of round " + in.getLong(at + 16, ORDER)
                    + " announced for round " + round);
        }
        final boolean bootstrap = (flags & FLAG_BOOTSTRAP) != 0;
        final double[] distortion = new double[l];
        final double[] sx2 = new double[l];
        final int[][] order = new int[l][];
        final double[][] step = new double[k][l];
        final double[][] weight = new double[k][l];
        final double[][] sn2 = new double[k][l];
        for (int layer = 0; layer < l; layer++) {
            final int p = at + HEADER_BYTES + layer * layerBytes(k);
            distortion[layer] = in.getDouble(p, ORDER);
            sx2[layer] = in.getDouble(p + 8, ORDER);
            final int m = in.getInt(p + 16, ORDER);
            if (m < 0 || m > k) {
                throw malformed(round, layer, "active count " + m + " outside [0, " + k + "]");
            }
            if (!bootstrap && m > 0 && !(sx2[layer] > 0 && Double.isFinite(sx2[layer]))) {
                throw malformed(round, layer, "sx2 " + sx2[layer] + " not finite and positive");
            }
            order[layer] = new int[m];
            final boolean[] active = new boolean[k];
            for (int i = 0; i < m; i++) {
                final int j = in.getInt(p + 20 + 4 * i, ORDER);
                if (j < 0 || j >= k || active[j]) {
                    throw malformed(round, layer, "order entry " + i + " = " + j + " (out of range or repeated)");
                }
                active[j] = true;
                order[layer][i] = j;
            }
            for (int j = 0; j < k; j++) {
                final int q = p + 20 + 4 * k + 24 * j;
                step[j][layer] = in.getDouble(q, ORDER);
                weight[j][layer] = in.getDouble(q + 8, ORDER);
                sn2[j][layer] = in.getDouble(q + 16, ORDER);
                final double s = step[j][layer];
                final boolean ok = !active[j] ? s == 0 : bootstrap ? Double.isNaN(s) : s > 0 && Double.isFinite(s);
                if (!ok || (active[j] && !bootstrap && !(sn2[j][layer] > 0 && Double.isFinite(sn2[j][layer])))) {
                    throw malformed(round, layer, "worker " + j + (active[j] ? " active" : " silent") + " with step " + s
                            + ", sn2 " + sn2[j][layer]);
                }
            }
        }
        return new CeoPlan(round, bootstrap, distortion, step, order, weight, sx2, sn2);
    }

    private static FrameException malformed(final long round, final int layer, final String what) {
        return new FrameException(FrameError.MALFORMED, "ceo plan of round " + round + " layer " + layer + ": " + what);
    }
}
