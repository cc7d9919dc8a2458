package org.rdcodec.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.rdcodec.core.frame.Crc32cChecksum;
import org.rdcodec.core.frame.FrameError;
import org.rdcodec.core.frame.FrameException;
import org.rdcodec.sw.ceo.CeoPlan;
import org.rdcodec.sw.ceo.CeoSpec;

/** The plan in the ANNOUNCE: exact round trip, and a typed error for each kind of bad input. */
class CeoPlanMessageTest {

    private static final CeoSpec SPEC = CeoSpec.parse("ceo:rho=1,block=1024");
    private static final long SEED = 3;
    private static final int K = 4;

    private static CeoPlan plan() {
        final double[][] step = {{0.5, 0}, {0.7, 0.3}, {0, 0.2}, {0.9, 0.4}};
        final double[][] weight = {{0.4, 0}, {0.3, 0.5}, {0, 0.25}, {0.3, 0.25}};
        final double[][] sn2 = {{1, 1.1}, {1.2, 0.9}, {0.8, 1}, {1, 1.3}};
        final int[][] order = {{0, 1, 3}, {1, 2, 3}};
        return new CeoPlan(9, false, new double[] {0.21, 0.33}, step, order, weight, new double[] {10, 9.5}, sn2);
    }

    private static UnsafeBuffer written(final CeoPlan p) {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[CeoPlanMessage.length(K, 2)]);
        assertEquals(b.capacity(), CeoPlanMessage.write(p, SEED, SPEC, b, 0));
        return b;
    }

    @Test
    void roundTripIsExact() {
        final CeoPlan p = plan();
        final CeoPlan q = CeoPlanMessage.read(written(p), 0, CeoPlanMessage.length(K, 2), K, 2, 9, SEED, SPEC);
        assertEquals(p.round(), q.round());
        assertEquals(p.bootstrap(), q.bootstrap());
        assertArrayEquals(p.distortion(), q.distortion());
        assertArrayEquals(p.sx2(), q.sx2());
        for (int l = 0; l < 2; l++) {
            assertArrayEquals(p.order()[l], q.order()[l]);
        }
        for (int k = 0; k < K; k++) {
            assertArrayEquals(p.step()[k], q.step()[k]);
            assertArrayEquals(p.weight()[k], q.weight()[k]);
            assertArrayEquals(p.sn2()[k], q.sn2()[k]);
            for (int l = 0; l < 2; l++) {
                assertEquals(p.position(k, l), q.position(k, l));
                if (p.position(k, l) >= 0) {
                    assertEquals(p.precisionBefore(k, l), q.precisionBefore(k, l)); // what the worker's rate choice uses
                }
            }
        }
    }

    @Test
    void badInputIsATypedError() {
        final int n = CeoPlanMessage.length(K, 2);
        final UnsafeBuffer flipped = written(plan());
        flipped.putByte(60, (byte) (flipped.getByte(60) ^ 1));
        assertError(FrameError.CORRUPTED, flipped, n, K, SEED, SPEC, 9);
        assertError(FrameError.TRUNCATED, written(plan()), n - 4, K, SEED, SPEC, 9);
        assertError(FrameError.TRUNCATED, written(plan()), 10, K, SEED, SPEC, 9);
        assertError(FrameError.WRONG_LAYOUT, written(plan()), n, 5, SEED, SPEC, 9);
        assertError(FrameError.BAD_CODEC, written(plan()), n, K, SEED + 1, SPEC, 9);
        assertError(FrameError.BAD_CODEC, written(plan()), n, K, SEED, CeoSpec.parse("ceo:rho=1,block=2048"), 9);
        assertError(FrameError.MALFORMED, written(plan()), n, K, SEED, SPEC, 10);
        final UnsafeBuffer magic = written(plan());
        magic.putInt(0, 0);
        assertError(FrameError.BAD_MAGIC, magic, n, K, SEED, SPEC, 9);
        // a repeated worker in layer 0's order, CRC recomputed so only the contents are wrong
        final UnsafeBuffer order = written(plan());
        order.putInt(CeoPlanMessage.HEADER_BYTES + 20 + 4, 0, ByteOrder.LITTLE_ENDIAN);
        order.putInt(n - 4, Crc32cChecksum.compute(order, 0, n - 4), ByteOrder.LITTLE_ENDIAN);
        final FrameException e = assertError(FrameError.MALFORMED, order, n, K, SEED, SPEC, 9);
        assertTrue(e.getMessage().contains("layer 0"), e.getMessage());
    }

    private static FrameException assertError(final FrameError error, final UnsafeBuffer b, final int length, final int k,
            final long seed, final CeoSpec spec, final long round) {
        final FrameException e = assertThrows(FrameException.class, () -> CeoPlanMessage.read(b, 0, length, k, 2, round, seed, spec));
        assertEquals(error, e.error(), e.getMessage());
        return e;
    }
}
