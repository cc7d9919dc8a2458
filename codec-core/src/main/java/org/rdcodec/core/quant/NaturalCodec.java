package org.rdcodec.core.quant;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.core.spec.CodecSpec;
import org.rdcodec.core.spec.SpecException;

/**
 * Natural compression: |x| in [2^e, 2^(e+1)) is rounded to 2^(e+1) with probability |x| / 2^e - 1 and
 * to 2^e otherwise (shared rounding stream), so E = x and the variance is at most x^2 / 8. Values below
 * the smallest normal float round between 0 and 2^-126 the same way. The symbol is 0 for zero, else
 * sign(x) (e' - emin + 1) with emin the layer's smallest rounded exponent. Payload: int32 emin, 4 bytes
 * zero, the symbol stream.
 */
final class NaturalCodec extends IndexStreamCodec {

    private static final int MIN_EXP = Float.MIN_EXPONENT;
    /** Marks |x| >= 2^127, which natural compression cannot round without bias in float. */
    private static final int OVERFLOW = Integer.MAX_VALUE;

    NaturalCodec(final CodecSpec spec) {
        super(spec);
    }

    /** Rounded exponent of |x| for a draw v in [0, 1), or Integer.MIN_VALUE for zero. */
    private static int roundedExponent(final float a, final float v) {
        if (a == 0f) {
            return Integer.MIN_VALUE;
        }
        if (a < Float.MIN_NORMAL) {
            return v * Float.MIN_NORMAL < a ? MIN_EXP : Integer.MIN_VALUE;
        }
        final int e = Math.getExponent(a);
        if (e == Float.MAX_EXPONENT) {
            // rounding up would need 2^128, which float cannot hold: refuse rather than send an infinity
            return OVERFLOW;
        }
        final float lo = Math.scalb(1f, e);
        // probability of rounding up: (a - lo) / lo, exact in float since a and lo share the exponent
        return v < (a - lo) / lo ? e + 1 : e;
    }

    @Override
    protected void quantize(final LayerJob job, final int[] q, final MutableDirectBuffer dst, final int pos) {
        final int key = job.key(Dither.STREAM_ROUNDING);
        int emin = Integer.MAX_VALUE;
        for (int i = 0; i < job.size; i++) {
            final float x = job.data.getAtIndex(GradientBuffer.FLOAT_LE, job.from + i);
            final int e = roundedExponent(Math.abs(x), Dither.unit(key, i));
            if (e == OVERFLOW) {
                throw new SpecException(spec() + ": " + job.where() + ": |x| = " + Math.abs(x) + " at " + i
                        + " is >= 2^127; natural compression would need 2^128, beyond float");
            }
            q[i] = e;
            if (e != Integer.MIN_VALUE && x != 0f) {
                emin = Math.min(emin, e);
            }
        }
        if (emin == Integer.MAX_VALUE) {
            emin = 0;
        }
        for (int i = 0; i < job.size; i++) {
            final int e = q[i];
            final boolean negative = job.data.getAtIndex(GradientBuffer.FLOAT_LE, job.from + i) < 0;
            final int symbol = e == Integer.MIN_VALUE ? 0 : e - emin + 1;
            q[i] = negative ? -symbol : symbol;
        }
        dst.putInt(pos, emin, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(pos + 4, 0, ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    protected void reconstruct(final LayerJob job, final DirectBuffer src, final int pos, final int[] q) {
        final int emin = src.getInt(pos, ByteOrder.LITTLE_ENDIAN);
        require(emin >= MIN_EXP && emin <= Float.MAX_EXPONENT, job, "smallest exponent " + emin + " is out of range");
        for (int i = 0; i < job.size; i++) {
            final int s = q[i];
            float v = 0f;
            if (s != 0) {
                final int e = emin + Math.abs(s) - 1;
                if (e > Float.MAX_EXPONENT) {
                    require(false, job, "exponent " + e + " at " + i + " is out of range");
                }
                v = Math.scalb(s < 0 ? -1f : 1f, e);
            }
            job.data.setAtIndex(GradientBuffer.FLOAT_LE, job.from + i, v);
        }
    }
}
