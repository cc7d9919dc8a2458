package org.rdcodec.sw.ceo;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.simd.VectorizationProvider;
import org.rdcodec.sw.ldpc.SourceBlock;

/** Packing of one bit-plane of offset indices into {@link SourceBlock} words and into frame bytes. */
final class PlaneBits {

    private static final PlaneBitsKernel KERNEL = VectorizationProvider.getInstance().kernel(PlaneBitsKernel.class);

    private PlaneBits() {
    }

    /** Bit {@code plane} of r[from .. from + n) as packed words. */
    static long[] extract(final int[] r, final int from, final int n, final int plane) {
        final long[] w = new long[SourceBlock.words(n)];
        KERNEL.extract(r, from, n, plane, w);
        return w;
    }

    /** Writes the first {@code bits} bits of w as ceil(bits / 8) bytes at pos; returns the byte count. */
    static int write(final long[] w, final int bits, final MutableDirectBuffer dst, final int pos) {
        final int bytes = (bits + 7) >>> 3;
        dst.checkLimit(pos + bytes);
        for (int b = 0; b < bytes; b++) {
            int v = (int) (w[b >>> 3] >>> ((b & 7) << 3)) & 0xff;
            if (b == bytes - 1 && (bits & 7) != 0) {
                v &= (1 << (bits & 7)) - 1;
            }
            dst.putByte(pos + b, (byte) v);
        }
        return bytes;
    }

    /** Reads {@code bits} bits written by {@link #write}. */
    static long[] read(final DirectBuffer src, final int pos, final int bits) {
        final long[] w = new long[SourceBlock.words(bits)];
        final int bytes = (bits + 7) >>> 3;
        for (int b = 0; b < bytes; b++) {
            long v = src.getByte(pos + b) & 0xffL;
            if (b == bytes - 1 && (bits & 7) != 0) {
                v &= (1L << (bits & 7)) - 1;
            }
            w[b >>> 3] |= v << ((b & 7) << 3);
        }
        return w;
    }

    /** ORs the first {@code bits} bits of src (packed from bit 0) into dst at bit offset {@code at}. */
    static void orAt(final long[] dst, final long[] src, final int at, final int bits) {
        for (int i = 0; i < bits; i++) {
            if (((src[i >>> 6] >>> (i & 63)) & 1) != 0) {
                final int d = at + i;
                dst[d >>> 6] |= 1L << (d & 63);
            }
        }
    }

    /** Bits [from, to) of w, packed from bit 0. */
    static long[] slice(final long[] w, final int from, final int to) {
        final long[] out = new long[SourceBlock.words(to - from)];
        for (int i = from; i < to; i++) {
            if (((w[i >>> 6] >>> (i & 63)) & 1) != 0) {
                out[(i - from) >>> 6] |= 1L << ((i - from) & 63);
            }
        }
        return out;
    }
}
