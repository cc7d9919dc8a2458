package org.rdcodec.sw.bp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.rdcodec.sw.ldpc.CodeCache;
import org.rdcodec.sw.ldpc.LadderCode;
import org.rdcodec.sw.ldpc.RateChoice;
import org.rdcodec.sw.ldpc.SourceBlock;
import org.rdcodec.sw.ldpc.SyndromeCodingException;
import org.rdcodec.sw.ldpc.SyndromeEncoder;
import org.rdcodec.sw.ldpc.TestSources;

/** The batch Slepian-Wolf decoder: per block, the same outcome as the single-block fixed-point decoder. */
class BatchSlepianWolfDecoderTest {

    private static final int N = 4096;

    /** Blocks with side information of different quality, so rate-adaptive prefixes differ between blocks. */
    private static final double[] CROSSOVERS = {0.05, 0.08, 0.11, 0.14};

    @Test
    void rateAdaptiveMatchesSingleBlockDecoding() {
        final LadderCode code = CodeCache.rateAdaptive(N, RateChoice.binaryEntropy(0.11), RateChoice.bitDispersion(0.11), 5);
        final int blocks = Math.min(BatchSlepianWolfDecoder.lanes(), 12);
        final SplittableRandom rnd = new SplittableRandom(11);
        final float[][] llr = new float[blocks][];
        final long[][] ladder = new long[blocks][];
        final long[][] source = new long[blocks][];
        final int[] crc = new int[blocks];
        for (int j = 0; j < blocks; j++) {
            source[j] = TestSources.randomBlock(N, rnd);
            llr[j] = TestSources.bscLlr(source[j], N, CROSSOVERS[j % CROSSOVERS.length], rnd);
            ladder[j] = SyndromeEncoder.encode(code, source[j]);
            crc[j] = SourceBlock.crc32c(source[j], N);
        }
        final BatchSlepianWolfDecoder.Outcome[] got = BatchSlepianWolfDecoder.fast()
                .decodeRateAdaptive(code, llr, ladder, crc);
        final SlepianWolfDecoder single = SlepianWolfDecoder.fixedPoint();
        int decoded = 0;
        for (int j = 0; j < blocks; j++) {
            try {
                final DecodeResult r = single.decodeRateAdaptive(code, llr[j], ladder[j], crc[j]);
                assertTrue(got[j].ok(), "block " + j + ": " + got[j].failure());
                assertArrayEquals(source[j], got[j].result().bits());
                assertEquals(r.syndromeBitsUsed(), got[j].result().syndromeBitsUsed(), "block " + j);
                assertEquals(r.attempts(), got[j].result().attempts(), "block " + j);
                assertEquals(r.totalIterations(), got[j].result().totalIterations(), "block " + j);
                decoded++;
            } catch (final DecodeFailure f) {
                assertNull(got[j].result(), "block " + j);
                assertEquals(f.reason(), got[j].failure().reason());
                assertEquals(f.syndromeBitsTried(), got[j].failure().syndromeBitsTried());
            }
        }
        assertTrue(decoded > blocks / 2, decoded + " of " + blocks + " decoded");
    }

    @Test
    void wrongCrcIsNeverSuccess() {
        final double p = 0.05;
        final LadderCode code = CodeCache.feedbackFree(N, RateChoice.binaryEntropy(p), RateChoice.bitDispersion(p), 5);
        final int blocks = 3;
        final SplittableRandom rnd = new SplittableRandom(3);
        final float[][] llr = new float[blocks][];
        final long[][] ladder = new long[blocks][];
        final int[] crc = new int[blocks];
        final long[][] source = new long[blocks][];
        for (int j = 0; j < blocks; j++) {
            source[j] = TestSources.randomBlock(N, rnd);
            llr[j] = TestSources.bscLlr(source[j], N, p, rnd);
            ladder[j] = SyndromeEncoder.encode(code, source[j]);
            crc[j] = SourceBlock.crc32c(source[j], N);
        }
        crc[1] ^= 1;
        final BatchSlepianWolfDecoder.Outcome[] got = BatchSlepianWolfDecoder.fast()
                .decode(code, llr, ladder, code.maxSyndromeBits(), crc);
        assertTrue(got[0].ok() && got[2].ok());
        assertArrayEquals(source[0], got[0].result().bits());
        assertNull(got[1].result());
        assertEquals(DecodeFailure.Reason.CRC_MISMATCH, got[1].failure().reason());
        assertThrows(SyndromeCodingException.class, () -> BatchSlepianWolfDecoder.fast()
                .decode(code, new float[0][], new long[0][], code.maxSyndromeBits(), new int[0]));
    }
}
