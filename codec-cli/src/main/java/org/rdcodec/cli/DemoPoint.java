package org.rdcodec.cli;

/**
 * One operating point of a scheme in a demo section (SignSGD now; measured codecs later), with the bounds at
 * the same distortion for comparison.
 *
 * @param name legend name, e.g. "SignSGD (paper model)"
 * @param kind "model" for an analytic point, "measured" for one computed from real bytes and reconstructions
 * @param rho rho = D K / sn2 - 1 at the point
 * @param distortion D at the point
 * @param bitsPerCoordinate the scheme's total rate over all workers, bits per coordinate
 * @param rsumBitsPerCoordinate Rsum(D) at the same D; null when D is below the least unbiased distortion sn2/K
 *        (a biased estimator can get there)
 * @param rinBitsPerCoordinate Rin(D) at the same D; null likewise
 */
record DemoPoint(String name, String kind, double rho, double distortion, double bitsPerCoordinate,
        Double rsumBitsPerCoordinate, Double rinBitsPerCoordinate) {
}
