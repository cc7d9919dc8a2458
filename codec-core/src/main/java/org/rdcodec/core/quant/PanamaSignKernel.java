package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SignKernel} on the Vector API: a lane-wise compare gives a mask whose {@code toLong()} is the
 * sign bits of {@code LANES} coordinates; 64 / LANES masks fill one word. Unpacking goes the other way
 * with {@code VectorMask.fromLong} and a blend.
 */
public final class PanamaSignKernel implements SignKernel {

    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = FS.length();
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** Creates the kernel; needs a power-of-two lane count that divides 64. */
    public PanamaSignKernel() {
        if (64 % LANES != 0) {
            throw new IllegalStateException("lanes " + LANES + " do not divide 64");
        }
    }

    @Override
    public void pack(final MemorySegment src, final long fromFloat, final int count, final long[] words) {
        final long base = fromFloat * Float.BYTES;
        final int fullWords = count >>> 6;
        for (int w = 0; w < fullWords; w++) {
            long bits = 0;
            final int i0 = w << 6;
            for (int j = 0; j < 64; j += LANES) {
                final FloatVector x = FloatVector.fromMemorySegment(FS, src, base + (long) (i0 + j) * Float.BYTES, LE);
                bits |= x.compare(VectorOperators.LT, 0f).toLong() << j;
            }
            words[w] = bits;
        }
        ScalarSignKernel.packRange(src, fromFloat, fullWords << 6, count, words);
    }

    @Override
    public void unpack(final long[] words, final int count, final float scale, final MemorySegment dst, final long toFloat) {
        final long base = toFloat * Float.BYTES;
        final FloatVector plus = FloatVector.broadcast(FS, scale);
        final FloatVector minus = FloatVector.broadcast(FS, -scale);
        final int fullWords = count >>> 6;
        final long laneMask = LANES == 64 ? -1L : (1L << LANES) - 1;
        for (int w = 0; w < fullWords; w++) {
            final long bits = words[w];
            final int i0 = w << 6;
            for (int j = 0; j < 64; j += LANES) {
                final VectorMask<Float> negative = VectorMask.fromLong(FS, (bits >>> j) & laneMask);
                plus.blend(minus, negative).intoMemorySegment(dst, base + (long) (i0 + j) * Float.BYTES, LE);
            }
        }
        ScalarSignKernel.unpackRange(words, fullWords << 6, count, scale, dst, toFloat);
    }
}
