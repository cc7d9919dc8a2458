package org.rdcodec.core.quant;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DitheredQuantizerKernel} on the Vector API: the dither hash, the scaling and the floor run
 * lane-wise with the same float operations as {@link ScalarDitheredQuantizerKernel}, so results agree bit for
 * bit. Floor is truncation (F2I) minus one where truncation rounded up (negative non-integers).
 */
public final class PanamaDitheredQuantizerKernel implements DitheredQuantizerKernel {

    private static final VectorSpecies<Float> FS = PanamaDither.FS;
    private static final VectorSpecies<Integer> IS = PanamaDither.IS;
    private static final int LANES = FS.length();
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    /** Bytes with as many lanes as the float species (128 bits of bins for 512-bit floats); null below 64 bits. */
    private static final VectorSpecies<Byte> BS = LANES >= 8 ? VectorSpecies.of(byte.class, VectorShape.forBitSize(LANES * 8)) : null;

    /** Creates the kernel; fails if the float and int species differ in lanes. */
    public PanamaDitheredQuantizerKernel() {
        if (IS.length() != LANES) {
            throw new IllegalStateException("int species " + IS + " and float species " + FS + " differ in lanes");
        }
    }

    /** @return lanes per vector */
    public static int lanes() {
        return LANES;
    }

    @Override
    public void quantize(final MemorySegment src, final long fromFloat, final int count, final float invStep, final int key, final int[] q) {
        final long base = fromFloat * Float.BYTES;
        final int bound = count - count % LANES;
        int i = 0;
        for (; i < bound; i += LANES) {
            final FloatVector x = FloatVector.fromMemorySegment(FS, src, base + (long) i * Float.BYTES, LE);
            final FloatVector t = x.mul(invStep).add(PanamaDither.centred(i, key)).add(0.5f);
            IntVector qi = (IntVector) t.convert(VectorOperators.F2I, 0);
            final FloatVector back = (FloatVector) qi.convert(VectorOperators.I2F, 0);
            final VectorMask<Integer> roundedUp = back.compare(VectorOperators.GT, t).cast(IS);
            qi = qi.sub(1, roundedUp);
            qi.intoArray(q, i);
        }
        ScalarDitheredQuantizerKernel.quantizeRange(src, fromFloat, i, count, invStep, key, q);
    }

    /**
     * One pass for indices and bins: the hash that makes u_i also gives its bin (its top bits), so the
     * context split costs a shift and a byte store per coordinate instead of a second hash.
     */
    @Override
    public void quantize(final MemorySegment src, final long fromFloat, final int count, final float invStep, final int key, final int[] q,
            final int binBits, final byte[] bins) {
        final int shift = ScalarDitheredQuantizerKernel.checkBinBits(binBits);
        if (BS == null) {
            DitheredQuantizerKernel.super.quantize(src, fromFloat, count, invStep, key, q, binBits, bins);
            return;
        }
        final long base = fromFloat * Float.BYTES;
        final int bound = count - count % LANES;
        int i = 0;
        for (; i < bound; i += LANES) {
            final FloatVector x = FloatVector.fromMemorySegment(FS, src, base + (long) i * Float.BYTES, LE);
            final IntVector h = PanamaDither.hash(i, key);
            final FloatVector t = x.mul(invStep).add(PanamaDither.unit(h).sub(0.5f)).add(0.5f);
            IntVector qi = (IntVector) t.convert(VectorOperators.F2I, 0);
            final FloatVector back = (FloatVector) qi.convert(VectorOperators.I2F, 0);
            final VectorMask<Integer> roundedUp = back.compare(VectorOperators.GT, t).cast(IS);
            qi = qi.sub(1, roundedUp);
            qi.intoArray(q, i);
            ((ByteVector) h.lanewise(VectorOperators.LSHR, shift).convertShape(VectorOperators.I2B, BS, 0)).intoArray(bins, i);
        }
        ScalarDitheredQuantizerKernel.quantizeRange(src, fromFloat, i, count, invStep, key, q);
        ScalarDitheredQuantizerKernel.binRange(i, count, key, shift, bins);
    }

    @Override
    public void bins(final int count, final int key, final int binBits, final byte[] bins) {
        final int shift = ScalarDitheredQuantizerKernel.checkBinBits(binBits);
        int i = 0;
        if (BS != null) {
            final int bound = count - count % LANES;
            for (; i < bound; i += LANES) {
                ((ByteVector) PanamaDither.hash(i, key).lanewise(VectorOperators.LSHR, shift).convertShape(VectorOperators.I2B, BS, 0)).intoArray(bins, i);
            }
        }
        ScalarDitheredQuantizerKernel.binRange(i, count, key, shift, bins);
    }

    @Override
    public void reconstruct(final int[] q, final int count, final float step, final int key, final MemorySegment dst, final long toFloat) {
        final long base = toFloat * Float.BYTES;
        final int bound = count - count % LANES;
        int i = 0;
        for (; i < bound; i += LANES) {
            final FloatVector qf = (FloatVector) IntVector.fromArray(IS, q, i).convert(VectorOperators.I2F, 0);
            qf.sub(PanamaDither.centred(i, key)).mul(step).intoMemorySegment(dst, base + (long) i * Float.BYTES, LE);
        }
        ScalarDitheredQuantizerKernel.reconstructRange(q, i, count, step, key, dst, toFloat);
    }
}
