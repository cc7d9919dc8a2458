package org.rdcodec.core.quant;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link Dither} lane by lane, for the Vector API kernels; bit-identical to the scalar definition. */
final class PanamaDither {

    static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Integer> IS = IntVector.SPECIES_PREFERRED;
    static final IntVector IOTA = IntVector.zero(IS).addIndex(1);

    private PanamaDither() {
    }

    /** Lane-wise {@link Dither#mix32}. */
    static IntVector mix32(IntVector x) {
        x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16));
        x = x.mul(0x7feb352d);
        x = x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 15));
        x = x.mul(0x846ca68b);
        return x.lanewise(VectorOperators.XOR, x.lanewise(VectorOperators.LSHR, 16));
    }

    /** Lane-wise {@link Dither#hash} for stream indices {@code first, first + 1, ...}. */
    static IntVector hash(final int first, final int key) {
        return mix32(IOTA.add(first).lanewise(VectorOperators.XOR, key));
    }

    /** Lane-wise {@link Dither#unit} of hashes. */
    static FloatVector unit(final IntVector hash) {
        return ((FloatVector) hash.lanewise(VectorOperators.LSHR, 8).convert(VectorOperators.I2F, 0)).mul(Dither.UNIT);
    }

    /** Lane-wise {@link Dither#unit} for stream indices {@code first, first + 1, ...}. */
    static FloatVector unit(final int first, final int key) {
        return unit(hash(first, key));
    }

    /** Lane-wise {@link Dither#centred} for stream indices {@code first, first + 1, ...}. */
    static FloatVector centred(final int first, final int key) {
        return unit(first, key).sub(0.5f);
    }
}
