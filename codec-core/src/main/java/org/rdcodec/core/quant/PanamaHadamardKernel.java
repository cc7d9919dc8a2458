package org.rdcodec.core.quant;

import java.util.ArrayList;
import java.util.List;

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

    private final List<VectorShuffle<Float>> swap = new ArrayList<>();
    private final List<VectorMask<Float>> upper = new ArrayList<>();

    /** Creates the kernel. */
    public PanamaHadamardKernel() {
        final int stages = Integer.numberOfTrailingZeros(LANES);
        for (int s = 0; s < stages; s++) {
            final int h = 1 << s;
            final int[] idx = new int[LANES];
            final boolean[] up = new boolean[LANES];
            for (int l = 0; l < LANES; l++) {
                idx[l] = l ^ h;
                up[l] = (l & h) != 0;
            }
            swap.add(VectorShuffle.fromArray(FS, idx, 0));
            upper.add(VectorMask.fromArray(FS, up, 0));
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
            for (int s = 0; s < swap.size(); s++) {
                final FloatVector p = v.rearrange(swap.get(s));
                // lower lane: x_l + x_{l+h}; upper lane: x_{l-h} - x_l (= partner - own)
                v = v.add(p).blend(p.sub(v), upper.get(s));
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
