package org.rdcodec.sw.bp;

/**
 * A block that decoded and passed its CRC-32C.
 *
 * @param bits the n source bits, packed (bit i at word i / 64, position i % 64)
 * @param syndromeBitsUsed ladder bits the decoder consumed (the rate actually paid)
 * @param iterations BP iterations of the successful attempt
 * @param attempts decoding attempts (1 unless rate-adaptive)
 * @param totalIterations BP iterations over all attempts (the decoding work)
 */
public record DecodeResult(long[] bits, int syndromeBitsUsed, int iterations, int attempts, long totalIterations) {
}
