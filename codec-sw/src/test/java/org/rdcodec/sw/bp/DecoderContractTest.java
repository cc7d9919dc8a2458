package org.rdcodec.sw.bp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.rdcodec.sw.ldpc.CodeCache;
import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.ParityCheckMatrix;
import org.rdcodec.sw.ldpc.RateChoice;
import org.rdcodec.sw.ldpc.SourceBlock;
import org.rdcodec.sw.ldpc.SyndromeCodingException;
import org.rdcodec.sw.ldpc.SyndromeEncoder;
import org.rdcodec.sw.ldpc.TestSources;

/** Round trips, failure detection and input checks for every BP engine. */
class DecoderContractTest {

    private static List<BeliefPropagation> engines() {
        return List.of(new LayeredMinSumDecoder(), new LayeredMinSumDecoder(1f, 0.15f), new LayeredSumProductDecoder(),
                new LayeredCorrectedMinSumDecoder(), new FloodingDecoder(FloodingDecoder.Rule.MIN_SUM), new FloodingDecoder(FloodingDecoder.Rule.SUM_PRODUCT));
    }

    @Test
    void errorFreeSideInformationDecodesInOneIteration() {
        final int n = 4099;
        final LadderCode code = CodeCache.get(n, 500, 1);
        final SplittableRandom rnd = new SplittableRandom(3);
        final long[] x = TestSources.randomBlock(n, rnd);
        final float[] llr = new float[n];
        for (int i = 0; i < n; i++) {
            llr[i] = ((x[i >>> 6] >>> i) & 1L) == 0 ? 5f : Float.NEGATIVE_INFINITY;
        }
        final long[] ladder = SyndromeEncoder.encode(code, x);
        final int crc = SourceBlock.crc32c(x, n);
        for (final BeliefPropagation engine : engines()) {
            final DecodeResult r = new SlepianWolfDecoder(engine, 20).decode(code, llr, ladder, 500, crc);
            assertArrayEquals(x, r.bits(), engine.name());
            assertEquals(1, r.iterations(), engine.name());
            assertEquals(500, r.syndromeBitsUsed());
        }
    }

    @Test
    void everyEngineDecodesAModeratelyNoisyBlock() {
        final int n = 2048;
        final double p = 0.05;
        final LadderCode code = CodeCache.get(n, (int) (1.6 * n * RateChoice.binaryEntropy(p)), 2);
        final SplittableRandom rnd = new SplittableRandom(4);
        final long[] x = TestSources.randomBlock(n, rnd);
        final float[] llr = TestSources.bscLlr(x, n, p, rnd);
        final long[] ladder = SyndromeEncoder.encode(code, x);
        final int crc = SourceBlock.crc32c(x, n);
        for (final BeliefPropagation engine : engines()) {
            final DecodeResult r = new SlepianWolfDecoder(engine, 100)
                    .decode(code, llr, ladder, code.maxSyndromeBits(), crc);
            assertArrayEquals(x, r.bits(), engine.name());
        }
    }

    /** Split checks can have one variable; such a check pins it, and no engine may turn that into NaN. */
    @Test
    void degreeOneChecksPinTheirVariable() {
        // x = 1, 0, 1, 1; rows {0}, {1, 2}, {2, 3}, {0, 3}
        final ParityCheckMatrix h = ParityCheckMatrix.fromRows(4, 4, new int[] {0, 1, 3, 5, 7},
                new int[] {0, 1, 2, 2, 3, 0, 3});
        final long[] x = {0b1101L};
        final long[] syndrome = h.syndromeReference(x);
        final float[] llr = {3f, 2f, -2f, -2f};
        for (final BeliefPropagation engine : engines()) {
            final long[] out = new long[1];
            final int it = engine.decode(h, llr, syndrome, 20, out);
            assertTrue(it >= 1, engine.name());
            assertArrayEquals(x, out, engine.name());
        }
    }

    @Test
    void wrongCrcIsNeverSuccess() {
        final int n = 4096;
        final LadderCode code = CodeCache.get(n, 1500, 1700, 5);
        final SplittableRandom rnd = new SplittableRandom(6);
        final long[] x = TestSources.randomBlock(n, rnd);
        final float[] llr = TestSources.bscLlr(x, n, 0.03, rnd);
        final long[] ladder = SyndromeEncoder.encode(code, x);
        final int wrong = SourceBlock.crc32c(x, n) ^ 1;
        final SlepianWolfDecoder decoder = SlepianWolfDecoder.fast();
        final DecodeFailure f = assertThrows(DecodeFailure.class,
                () -> decoder.decode(code, llr, ladder, code.baseChecks(), wrong));
        assertEquals(DecodeFailure.Reason.CRC_MISMATCH, f.reason());
        final DecodeFailure g = assertThrows(DecodeFailure.class,
                () -> decoder.decodeRateAdaptive(code, llr, ladder, wrong));
        assertEquals(code.maxSyndromeBits(), g.syndromeBitsTried(), "rate-adaptive keeps asking until M");
        assertTrue(g.attempts() > 1);
    }

    @Test
    void hopelessSideInformationFailsCleanly() {
        final int n = 2048;
        final LadderCode code = CodeCache.get(n, 300, 5);
        final SplittableRandom rnd = new SplittableRandom(9);
        final long[] x = TestSources.randomBlock(n, rnd);
        final float[] llr = TestSources.bscLlr(x, n, 0.3, rnd);
        final long[] ladder = SyndromeEncoder.encode(code, x);
        final int crc = SourceBlock.crc32c(x, n);
        for (final BeliefPropagation engine : engines()) {
            final DecodeFailure f = assertThrows(DecodeFailure.class,
                    () -> new SlepianWolfDecoder(engine, 30).decode(code, llr, ladder, 300, crc), engine.name());
            assertEquals(DecodeFailure.Reason.NOT_CONVERGED, f.reason());
        }
    }

    @Test
    void badInputIsATypedError() {
        final int n = 1000;
        final LadderCode code = CodeCache.get(n, 300, 5);
        final long[] x = TestSources.randomBlock(n, new SplittableRandom(1));
        final long[] ladder = SyndromeEncoder.encode(code, x);
        final SlepianWolfDecoder d = SlepianWolfDecoder.fast();
        final float[] nan = new float[n];
        nan[17] = Float.NaN;
        final SyndromeCodingException e = assertThrows(SyndromeCodingException.class,
                () -> d.decode(code, nan, ladder, 300, 0));
        assertTrue(e.getMessage().contains("17"));
        assertThrows(SyndromeCodingException.class, () -> d.decode(code, new float[n - 1], ladder, 300, 0));
        assertThrows(SyndromeCodingException.class, () -> d.decode(code, new float[n], ladder, 301, 0));
        assertThrows(SyndromeCodingException.class, () -> d.decode(code, new float[n], new long[1], 300, 0));
        final float[] zeros = new float[n];
        Arrays.fill(zeros, 0f);
        assertThrows(DecodeFailure.class, () -> d.decode(code, zeros, ladder, 300, SourceBlock.crc32c(x, n)));
    }
}
