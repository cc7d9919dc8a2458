package org.rdcodec.cli;

/**
 * A named rate curve of a demo section, sampled on the section's rho grid.
 *
 * @param name legend name, e.g. "Rsum (bound)"
 * @param rho rho at each sample
 * @param distortion D at each sample
 * @param bitsPerCoordinate total rate over all workers, bits per coordinate, at each sample
 */
record DemoCurve(String name, double[] rho, double[] distortion, double[] bitsPerCoordinate) {
}
