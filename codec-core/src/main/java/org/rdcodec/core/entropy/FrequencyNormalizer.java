package org.rdcodec.core.entropy;

/**
 * Turns a histogram into rANS frequencies summing to exactly 2^P with every present symbol at least 1, choosing
 * them to minimise the coded size {@code sum_i c_i * log2(2^P / f_i)}.
 *
 * <p>The objective is separable and concave in each f_i, so unit moves are enough: start from the rounded
 * proportional frequencies (floored at 1), add or remove single units where they gain most or cost least until
 * the sum is 2^P, then move single units from the symbol where a unit costs least to the symbol where it gains
 * most while that strictly lowers the size. Reaching a point where no single move helps is the optimum of a
 * separable concave problem over a simplex of integers.
 *
 * <p>Holds scratch arrays so that normalising a layer does not allocate once warmed up. Not thread-safe.
 */
final class FrequencyNormalizer {

    /** Relative margin below which a swap is not worth making: stops ping-pong on rounding noise. */
    private static final double SWAP_MARGIN = 1e-12;

    private double[] gain = new double[0];
    private double[] loss = new double[0];

    /**
     * @param counts histogram; entries 0..k-1 are used, all &gt;= 0, at least one &gt; 0
     * @param k number of symbols
     * @param precisionBits P
     * @param freqs receives the frequencies (entries 0..k-1): 0 exactly where the count is 0
     */
    void normalize(final long[] counts, final int k, final int precisionBits, final int[] freqs) {
        final int total = 1 << precisionBits;
        long n = 0;
        int present = 0;
        for (int i = 0; i < k; i++) {
            n += counts[i];
            present += counts[i] > 0 ? 1 : 0;
        }
        if (present == 0 || present > total) {
            throw new IllegalArgumentException("cannot normalise " + present + " present symbols to 2^" + precisionBits);
        }
        if (gain.length < k) {
            gain = new double[k];
            loss = new double[k];
        }
        final double scale = (double) total / n;
        long sum = 0;
        for (int i = 0; i < k; i++) {
            final long c = counts[i];
            final int f = c == 0 ? 0 : (int) Math.max(1L, Math.min(total, Math.round(c * scale)));
            freqs[i] = f;
            sum += f;
            refresh(counts, freqs, i);
        }
        // Fix the sum: at most about k unit moves because rounding errs by < 1 per symbol plus the floors at 1.
        while (sum < total) {
            final int i = argMaxGain(k);
            freqs[i]++;
            sum++;
            refresh(counts, freqs, i);
        }
        while (sum > total) {
            final int j = argMinLoss(k, -1);
            freqs[j]--;
            sum--;
            refresh(counts, freqs, j);
        }
        // Improve by swaps. Each swap strictly lowers a bounded objective; the cap only guards against
        // floating-point cycling.
        final int maxSwaps = 8 * k + 64;
        for (int swaps = 0; swaps < maxSwaps; swaps++) {
            final int i = argMaxGain(k);
            final int j = argMinLoss(k, i);
            if (i < 0 || j < 0 || gain[i] <= loss[j] * (1 + SWAP_MARGIN)) {
                break;
            }
            freqs[i]++;
            freqs[j]--;
            refresh(counts, freqs, i);
            refresh(counts, freqs, j);
        }
    }

    /** Bits saved by one more unit (gain) and bits lost by one unit less (loss) for symbol i. */
    private void refresh(final long[] counts, final int[] freqs, final int i) {
        final long c = counts[i];
        final int f = freqs[i];
        if (c == 0) {
            gain[i] = Double.NEGATIVE_INFINITY;
            loss[i] = Double.POSITIVE_INFINITY;
            return;
        }
        gain[i] = c * Math.log1p(1.0 / f);
        loss[i] = f > 1 ? c * -Math.log1p(-1.0 / f) : Double.POSITIVE_INFINITY;
    }

    private int argMaxGain(final int k) {
        int best = -1;
        double bestGain = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            if (gain[i] > bestGain) {
                bestGain = gain[i];
                best = i;
            }
        }
        return best;
    }

    private int argMinLoss(final int k, final int exclude) {
        int best = -1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            if (i != exclude && loss[i] < bestLoss) {
                bestLoss = loss[i];
                best = i;
            }
        }
        return best;
    }
}
