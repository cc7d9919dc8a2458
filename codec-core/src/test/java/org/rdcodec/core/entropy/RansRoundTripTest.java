package org.rdcodec.core.entropy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class RansRoundTripTest {

    /** Streams the 1% target applies to (issue 3: streams of at least 64k symbols). */
    private static final int N = 1 << 16;

    /**
     * Issue 3's bound: coded bits (rANS payload + escape side stream) within 1% of the empirical entropy, the
     * table reported separately. Not a statistical tolerance: the coder is deterministic for a fixed stream.
     */
    private static final double MAX_OVERHEAD = 0.01;

    private final RansEncoder encoder = new RansEncoder();
    private final RansDecoder decoder = new RansDecoder();

    /** Round-trips and returns coded bits / entropy bits; prints the figures for the report. */
    private double roundTrip(final String name, final int[] symbols, final RansEncoder enc) {
        final UnsafeBuffer buf = new UnsafeBuffer(new byte[(int) RansEncoder.maxEncodedLength(symbols.length) + 7]);
        final int offset = 7;
        final int written = enc.encode(symbols, 0, symbols.length, buf, offset);
        assertEquals(written, enc.lastTableBytes() + enc.lastEscapeBytes() + enc.lastPayloadBytes(), name);
        assertEquals(symbols.length, decoder.symbolCount(buf, offset, written));
        final int[] out = new int[symbols.length + 2];
        out[0] = 12345;
        out[out.length - 1] = 54321;
        decoder.decode(buf, offset, written, out, 1, symbols.length);
        assertArrayEquals(symbols, Arrays.copyOfRange(out, 1, symbols.length + 1), name);
        assertEquals(12345, out[0]);
        assertEquals(54321, out[out.length - 1]);
        final double entropy = EntropyEstimate.totalBits(symbols, 0, symbols.length);
        final double coded = 8.0 * (enc.lastEscapeBytes() + enc.lastPayloadBytes());
        final double ratio = coded / entropy;
        System.out.printf("entropy %-28s n=%8d H=%.4f bit/sym coded=%.4f bit/sym ratio=%.5f table=%d B escape=%d B"
            + " payload=%d B%n", name, symbols.length, entropy / symbols.length, coded / symbols.length, ratio,
            enc.lastTableBytes(), enc.lastEscapeBytes(), enc.lastPayloadBytes());
        return ratio;
    }

    private void assertWithinTarget(final String name, final int[] symbols) {
        final double ratio = roundTrip(name, symbols, encoder);
        assertTrue(ratio <= 1 + MAX_OVERHEAD, name + ": coded/entropy = " + ratio);
    }

    @Test
    void gaussianLowEntropy() {
        assertWithinTarget("gaussian sigma=0.25", IndexStreams.gaussian(N, 0.25, 11));
    }

    @Test
    void gaussianMidEntropy() {
        assertWithinTarget("gaussian sigma=2", IndexStreams.gaussian(N, 2.0, 12));
    }

    @Test
    void gaussianHighEntropy() {
        assertWithinTarget("gaussian sigma=16", IndexStreams.gaussian(N, 16.0, 13));
        assertWithinTarget("gaussian sigma=100", IndexStreams.gaussian(N, 100.0, 31));
    }

    @Test
    void uniform() {
        assertWithinTarget("uniform [-50,50]", IndexStreams.uniform(N, -50, 101, 14));
        assertWithinTarget("uniform [0,256)", IndexStreams.uniform(N, 0, 256, 15));
    }

    @Test
    void laplacian() {
        assertWithinTarget("laplacian q=0.5", IndexStreams.laplacian(N, 0.5, 16));
        assertWithinTarget("laplacian q=0.9", IndexStreams.laplacian(N, 0.9, 17));
    }

    @Test
    void rareHugeOutliersGoThroughTheEscape() {
        assertWithinTarget("gaussian sigma=2 + 0.1% outliers", IndexStreams.gaussianWithOutliers(N, 2.0, 0.001, 18));
    }

    @Test
    void largerStreams() {
        assertWithinTarget("gaussian sigma=0.25 n=1M", IndexStreams.gaussian(1 << 20, 0.25, 19));
        assertWithinTarget("gaussian sigma=4 n=1M", IndexStreams.gaussian(1 << 20, 4.0, 20));
    }

    @Test
    void everyPrecisionMeetsTheTarget() {
        // The precision trade-off of src/site/entropy.md: payload loss per distribution at each precision. P = 11
        // (used automatically only for streams of <= 2048 symbols) is printed but not held to the 64 Ki target:
        // with ~700 present symbols (sigma=100) 2^11 slots are too coarse and it measures 1.3%.
        final int[][] streams = {IndexStreams.gaussian(N, 0.25, 11), IndexStreams.gaussian(N, 2.0, 12),
            IndexStreams.gaussian(N, 16.0, 13), IndexStreams.gaussian(N, 100.0, 31), IndexStreams.uniform(N, 0, 256, 15),
            IndexStreams.laplacian(N, 0.9, 17)};
        final String[] names = {"sigma=0.25", "sigma=2", "sigma=16", "sigma=100", "uniform 256", "laplacian 0.9"};
        for (int p = RansFormat.MIN_PRECISION_BITS; p <= RansFormat.MAX_PRECISION_BITS; p++) {
            final RansEncoder enc = new RansEncoder(RansEncoder.DEFAULT_MAX_ALPHABET, p);
            for (int d = 0; d < streams.length; d++) {
                final double ratio = roundTrip("P=" + p + " " + names[d], streams[d], enc);
                assertTrue(p == RansFormat.MIN_PRECISION_BITS || ratio <= 1 + MAX_OVERHEAD,
                    "P=" + p + " " + names[d] + ": " + ratio);
            }
        }
    }

    @Test
    void edgeCases() {
        roundTrip("empty", new int[0], encoder);
        for (int n = 1; n <= 9; n++) {
            roundTrip("gaussian n=" + n, IndexStreams.gaussian(n, 3.0, n), encoder);
        }
        roundTrip("single", new int[] {Integer.MIN_VALUE}, encoder);
        roundTrip("extremes", new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1, Integer.MAX_VALUE}, encoder);
        roundTrip("any ints", IndexStreams.anyInts(10_000, 21), encoder);
        roundTrip("any ints, all escaped", IndexStreams.anyInts(10_000, 22), new RansEncoder(0, 15));
        roundTrip("gaussian, all escaped", IndexStreams.gaussian(10_000, 2.0, 23), new RansEncoder(0, 15));
        roundTrip("gaussian, alphabet 1", IndexStreams.gaussian(10_000, 2.0, 24), new RansEncoder(1, 11));
        roundTrip("gaussian sigma=200, alphabet 1024", IndexStreams.gaussian(N, 200.0, 25), new RansEncoder(1024, 15));
        roundTrip("gaussian sigma=200, alphabet 256", IndexStreams.gaussian(N, 200.0, 25), new RansEncoder(256, 12));
        roundTrip("two values at MAX", new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE - 1, Integer.MAX_VALUE}, encoder);
        roundTrip("two values at MIN", new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, 5}, encoder);
    }

    @Test
    void singleDistinctSymbolCostsOnlyTheTable() {
        final int[] constant = new int[N];
        Arrays.fill(constant, -7);
        roundTrip("constant", constant, encoder);
        assertEquals(0, encoder.lastPayloadBytes());
        assertEquals(0, encoder.lastEscapeBytes());
        // version, precision, count (3-byte varint), lo, m, e, word count: no frequency is written.
        assertEquals(9, encoder.lastTableBytes());
    }

    @Test
    void reusedCodersDoNotCarryState() {
        final RansEncoder enc = new RansEncoder();
        roundTrip("wide first", IndexStreams.gaussian(50_000, 40.0, 26), enc);
        roundTrip("narrow after", IndexStreams.gaussian(100, 0.5, 27), enc);
        roundTrip("escapes after", IndexStreams.gaussianWithOutliers(5_000, 1.0, 0.05, 28), enc);
        roundTrip("plain after", IndexStreams.gaussian(3_000, 1.0, 29), enc);
    }

    @Test
    void offHeapBuffersWork() {
        final int[] symbols = IndexStreams.gaussianWithOutliers(20_000, 3.0, 0.01, 32);
        final UnsafeBuffer direct = new UnsafeBuffer(java.nio.ByteBuffer.allocateDirect(
            (int) RansEncoder.maxEncodedLength(symbols.length) + 100));
        final int written = encoder.encode(symbols, 0, symbols.length, direct, 100);
        final int[] out = new int[symbols.length];
        decoder.decode(direct, 100, written, out, 0, symbols.length);
        assertArrayEquals(symbols, out);
    }

    @Test
    void encoderRefusesABufferThatIsTooSmall() {
        final int[] symbols = IndexStreams.gaussian(10_000, 2.0, 30);
        final UnsafeBuffer big = new UnsafeBuffer(new byte[(int) RansEncoder.maxEncodedLength(symbols.length)]);
        final int size = encoder.encode(symbols, 0, symbols.length, big, 0);
        final byte[] small = new byte[size - 1];
        final EntropyCapacityException e = assertThrows(EntropyCapacityException.class,
            () -> encoder.encode(symbols, 0, symbols.length, new UnsafeBuffer(small), 0));
        assertTrue(e.getMessage().contains(Integer.toString(size)), e.getMessage());
        assertTrue(Arrays.equals(new byte[size - 1], small), "nothing written on failure");
        assertEquals(size, encoder.encode(symbols, 0, symbols.length, new UnsafeBuffer(new byte[size]), 0));
    }
}
