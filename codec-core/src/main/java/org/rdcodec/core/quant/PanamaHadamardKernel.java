package org.rdcodec.core.quant;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link HadamardKernel} on the Vector API. Stages with h &gt;= LANES pair whole vectors; stages with
 * h &lt; LANES pair lanes inside one vector through a lane swap (l with l XOR h) and a blend, with the
 * same additions and subtractions as {@link ScalarHadamardKernel}, so results agree bit for bit.
 */
public final class PanamaHadamardKernel implements HadamardKernel {

    private static final VectorSpecies<Float> FS = PanamaDither.FS;
    private static final VectorSpecies<Integer> IS = PanamaDither.IS;
    private static final int LANES = FS.length();

    /** Stages inside one vector (log2 LANES of them, at most 4), as static finals the JIT treats as constants. */
    private static final int STAGES = Integer.numberOfTrailingZeros(LANES);
    private static final VectorShuffle<Float> SWAP1 = swap(1);
    private static final VectorShuffle<Float> SWAP2 = swap(2);
    private static final VectorShuffle<Float> SWAP4 = swap(4);
    private static final VectorShuffle<Float> SWAP8 = swap(8);
    private static final VectorMask<Float> UPPER1 = upper(1);
    private static final VectorMask<Float> UPPER2 = upper(2);
    private static final VectorMask<Float> UPPER4 = upper(4);
    private static final VectorMask<Float> UPPER8 = upper(8);

    private static VectorShuffle<Float> swap(final int h) {
        final int[] idx = new int[LANES];
        for (int l = 0; l < LANES; l++) {
            idx[l] = h < LANES ? l ^ h : l;
        }
        return VectorShuffle.fromArray(FS, idx, 0);
    }

    private static VectorMask<Float> upper(final int h) {
        final boolean[] up = new boolean[LANES];
        for (int l = 0; l < LANES; l++) {
            up[l] = h < LANES && (l & h) != 0;
        }
        return VectorMask.fromArray(FS, up, 0);
    }

    /** One in-vector stage: lower lane x_l + x_{l+h}; upper lane x_{l-h} - x_l (= partner - own). */
    private static FloatVector stage(final FloatVector v, final VectorShuffle<Float> swap, final VectorMask<Float> upper) {
        final FloatVector p = v.rearrange(swap);
        return v.add(p).blend(p.sub(v), upper);
    }

    /** Creates the kernel; fails on vectors wider than 16 floats. */
    public PanamaHadamardKernel() {
        if (STAGES > 4) {
            throw new IllegalStateException("species " + FS + " has more than 16 lanes");
        }
    }

    @Override
    public void transform(final float[] x, final int from, final int len, final float scale) {
        if (len < LANES) {
            new ScalarHadamardKernel().transform(x, from, len, scale);
            return;
        }
        // stages h < LANES inside each vector
        for (int i = from; i < from + len; i += LANES) {
            FloatVector v = FloatVector.fromArray(FS, x, i);
            if (STAGES > 0) {
                v = stage(v, SWAP1, UPPER1);
            }
            if (STAGES > 1) {
                v = stage(v, SWAP2, UPPER2);
            }
            if (STAGES > 2) {
                v = stage(v, SWAP4, UPPER4);
            }
            if (STAGES > 3) {
                v = stage(v, SWAP8, UPPER8);
            }
            v.intoArray(x, i);
        }
        // stages h >= LANES pair whole vectors; the last stage also scales
        for (int h = LANES; h < len; h <<= 1) {
            final boolean last = 2 * h == len;
            for (int base = from; base < from + len; base += 2 * h) {
                for (int i = base; i < base + h; i += LANES) {
                    final FloatVector a = FloatVector.fromArray(FS, x, i);
                    final FloatVector b = FloatVector.fromArray(FS, x, i + h);
                    if (last) {
                        a.add(b).mul(scale).intoArray(x, i);
                        a.sub(b).mul(scale).intoArray(x, i + h);
                    } else {
                        a.add(b).intoArray(x, i);
                        a.sub(b).intoArray(x, i + h);
                    }
                }
            }
        }
        if (len == LANES) {
            for (int i = from; i < from + len; i += LANES) {
                FloatVector.fromArray(FS, x, i).mul(scale).intoArray(x, i);
            }
        }
    }

    @Override
    public void flipSigns(final float[] x, final int from, final int len, final int key, final int first) {
        final int bound = len - len % LANES;
        int i = 0;
        for (; i < bound; i += LANES) {
            final IntVector h = PanamaDither.mix32(PanamaDither.IOTA.add(first + i).lanewise(VectorOperators.XOR, key));
            final IntVector bits = (IntVector) FloatVector.fromArray(FS, x, from + i).reinterpretShape(IS, 0);
            ((FloatVector) bits.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHL, 31)).reinterpretShape(FS, 0)).intoArray(x, from + i);
        }
        ScalarHadamardKernel.flipRange(x, from, i, len, key, first);
    }
}
