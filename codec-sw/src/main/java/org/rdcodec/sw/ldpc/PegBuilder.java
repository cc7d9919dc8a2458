package org.rdcodec.sw.ldpc;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Builds a parity-check matrix by Progressive Edge Growth (Hu, Eleftheriou and Arnold): variables are
 * connected one edge at a time, each edge going to a lowest-degree check among those farthest from the
 * variable in the graph built so far, which keeps short cycles out and check degrees nearly equal.
 *
 * <p>Two departures from the textbook algorithm, both for speed and both documented in src/site/ldpc.md:
 * <ul>
 *   <li>The m - 1 degree-2 variables of the {@link DegreeProfile} are laid as an accumulator chain over a
 *       random permutation of the checks (variable k joins checks perm[k] and perm[k+1]); this is the
 *       repeat-accumulate structure, it has no cycle made of degree-2 variables only, and because the
 *       permutation is random, merging consecutive checks in the LDPCA ladder almost never cancels an edge.</li>
 *   <li>The breadth-first search that finds the farthest checks stops after a bounded amount of work
 *       ({@link #SEARCH_BUDGET} edges visited; a level cut short by the budget is dropped), except that the
 *       first level (checks two edges away) always completes, so 4-cycles are avoided whenever the graph
 *       allows; longer cycles beyond the levels reached are left to chance. A level that reaches every check
 *       ends the search at once (the pick is then among the checks marked before it), which keeps codes with
 *       few checks of very high degree (B = 64 at n = 65536) from costing minutes. Without the bound PEG costs O(edges^2), which is
 *       minutes at n = 65536.</li>
 * </ul>
 * The search keeps the graph in flat arrays (no object per node) and, beyond the first level, walks a level
 * in two passes: its new variables and their edge count first, and their checks only if the level completes
 * within the budget (a level cut short is dropped, so walking its checks was wasted). Same matrices as the
 * single-pass search (pinned in the tests), 2-3x less CPU at n = 65536 (src/site/ldpc.md).
 * Deterministic from (n, m, seed).
 */
public final class PegBuilder {

    /** Edges the search may visit per placed edge before it settles on the levels reached so far. */
    static final int SEARCH_BUDGET = 1024;

    private PegBuilder() {
    }

    /**
     * @param n variables (source bits), &ge; 2
     * @param m checks (syndrome bits), 1 &le; m &le; n
     * @param seed construction seed
     * @return the matrix
     */
    public static ParityCheckMatrix build(final int n, final int m, final long seed) {
        final DegreeProfile profile = DegreeProfile.forShape(n, m);
        final SplittableRandom rnd = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * n) ^ ((long) m << 32));
        final int[] varDegree = new int[n];
        int v0 = 0;
        for (int i = 0; i < profile.degreeTwo(); i++) {
            varDegree[v0++] = 2;
        }
        for (int i = 0; i < profile.degreeThree(); i++) {
            varDegree[v0++] = Math.min(3, m);
        }
        for (int i = 0; i < profile.highCount(); i++) {
            varDegree[v0++] = Math.min(profile.highDegree(), m);
        }
        return new Builder(n, m, varDegree, profile.degreeTwo(), rnd).run();
    }

    /** Mutable construction state; one per build. */
    private static final class Builder {
        private final int n;
        private final int m;
        private final int[] varDegree;
        private final int chainLength;
        private final SplittableRandom rnd;

        // flat adjacency (one array each, no per-node objects: the search walks random nodes, and a pointer
        // chase per node doubled its cost): variable v's checks at varChecks[varStart[v] ..], check c's
        // variables at checkVars[c * checkStride ..] (stride grown by copying when a check outgrows it)
        private final int[] varStart;
        private final int[] varChecks;
        private final int[] varFill;
        private int[] checkVars;
        private int checkStride;
        private final int[] checkDegree;

        // checks ordered by degree: bucket d is order[bucketStart[d] .. bucketStart[d + 1])
        private final int[] order;
        private final int[] position;
        private int[] bucketStart;
        private int minDegree;

        // per check: 2 * epoch = reached by a complete level of the current search, 2 * epoch + 1 = reached by
        // the level being built (one array so that the test touches one cache line)
        private final int[] checkState;
        private final int[] varMark;
        private int epoch;
        private int[] frontier;
        private int[] next;
        private int[] levelVars;

        Builder(final int n, final int m, final int[] varDegree, final int chainLength, final SplittableRandom rnd) {
            this.n = n;
            this.m = m;
            this.varDegree = varDegree;
            this.chainLength = chainLength;
            this.rnd = rnd;
            varStart = new int[n + 1];
            for (int v = 0; v < n; v++) {
                varStart[v + 1] = varStart[v] + varDegree[v];
            }
            varChecks = new int[varStart[n]];
            varFill = new int[n];
            // PEG keeps check degrees within about 2 of the mean; the stride grows if one ever exceeds it
            checkStride = (int) Math.min(Integer.MAX_VALUE / Math.max(1, m), (long) varStart[n] / m + 4);
            checkVars = new int[m * checkStride];
            checkDegree = new int[m];
            order = new int[m];
            position = new int[m];
            checkState = new int[m];
            varMark = new int[n];
            frontier = new int[64];
            next = new int[64];
            levelVars = new int[64];
        }

        ParityCheckMatrix run() {
            final int[] perm = new int[m];
            for (int i = 0; i < m; i++) {
                perm[i] = i;
            }
            for (int i = m - 1; i > 0; i--) {
                final int j = rnd.nextInt(i + 1);
                final int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            for (int k = 0; k < chainLength; k++) {
                connectRaw(k, perm[k]);
                connectRaw(k, perm[k + 1]);
            }
            initBuckets();
            for (int v = chainLength; v < n; v++) {
                for (int j = 0; j < varDegree[v]; j++) {
                    final int c = j == 0 ? pickLowest() : pickFarthest(v);
                    connectRaw(v, c);
                    raise(c);
                }
            }
            return toMatrix();
        }

        private void connectRaw(final int v, final int c) {
            varChecks[varStart[v] + varFill[v]++] = c;
            if (checkDegree[c] == checkStride) {
                growCheckStride();
            }
            checkVars[c * checkStride + checkDegree[c]] = v;
            // degree is raised here for the chain, and again through raise() for PEG edges; see initBuckets
            checkDegree[c]++;
        }

        private void growCheckStride() {
            final int stride = checkStride * 2;
            final int[] grown = new int[Math.multiplyExact(m, stride)];
            for (int c = 0; c < m; c++) {
                System.arraycopy(checkVars, c * checkStride, grown, c * stride, checkDegree[c]);
            }
            checkVars = grown;
            checkStride = stride;
        }

        private void initBuckets() {
            int maxDeg = 0;
            for (int c = 0; c < m; c++) {
                maxDeg = Math.max(maxDeg, checkDegree[c]);
            }
            bucketStart = new int[maxDeg + 64];
            final int[] count = new int[maxDeg + 1];
            for (int c = 0; c < m; c++) {
                count[checkDegree[c]]++;
            }
            int at = 0;
            for (int d = 0; d < bucketStart.length; d++) {
                bucketStart[d] = at;
                if (d <= maxDeg) {
                    at += count[d];
                }
            }
            final int[] fill = Arrays.copyOf(bucketStart, maxDeg + 1);
            for (int c = 0; c < m; c++) {
                final int p = fill[checkDegree[c]]++;
                order[p] = c;
                position[c] = p;
            }
            minDegree = 0;
            while (bucketStart[minDegree + 1] == bucketStart[minDegree]) {
                minDegree++;
            }
        }

        /** Moves check c (whose degree connectRaw already raised by one) from bucket d - 1 to bucket d. */
        private void raise(final int c) {
            final int d = checkDegree[c] - 1;
            if (d + 2 >= bucketStart.length) {
                final int old = bucketStart.length;
                bucketStart = Arrays.copyOf(bucketStart, old * 2);
                Arrays.fill(bucketStart, old, bucketStart.length, m);
            }
            final int last = bucketStart[d + 1] - 1;
            final int other = order[last];
            final int p = position[c];
            order[p] = other;
            position[other] = p;
            order[last] = c;
            position[c] = last;
            bucketStart[d + 1]--;
            while (minDegree + 1 < bucketStart.length && bucketStart[minDegree + 1] == bucketStart[minDegree]) {
                minDegree++;
            }
        }

        private int pickLowest() {
            epoch++;
            return pickUnmarked(2 * epoch);
        }

        /** Lowest-degree check not marked (state != marked), ties broken at random. */
        private int pickUnmarked(final int marked) {
            for (int d = minDegree; d + 1 < bucketStart.length; d++) {
                final int lo = bucketStart[d];
                final int size = bucketStart[d + 1] - lo;
                if (size == 0) {
                    continue;
                }
                final int start = rnd.nextInt(size);
                for (int i = 0; i < size; i++) {
                    int k = start + i;
                    if (k >= size) {
                        k -= size;
                    }
                    final int c = order[lo + k];
                    if (checkState[c] != marked) {
                        return c;
                    }
                }
            }
            throw new IllegalStateException("PEG: every check is already a neighbour (degree > m)");
        }

        private int pickFarthest(final int v) {
            epoch++;
            final int done = 2 * epoch;
            final int pending = done + 1;
            final int[] state = checkState;
            final int[] vMark = varMark;
            final int[] vStart = varStart;
            final int[] vChecks = varChecks;
            final int[] vFill = varFill;
            final int[] cVars = checkVars;
            final int stride = checkStride;
            final int[] cDegree = checkDegree;
            final int own = vFill[v];
            int[] front = frontier;
            int[] nxt = next;
            int frontierSize = 0;
            int marked = 0;
            for (int j = 0; j < own; j++) {
                final int c = vChecks[vStart[v] + j];
                state[c] = done;
                marked++;
                front = push(front, frontierSize++, c);
            }
            vMark[v] = epoch;
            int[] reached = levelVars;
            int work = 0;
            levels:
            while (frontierSize > 0) {
                int nextSize = 0;
                if (marked == own) {
                    // the first level always completes (4-cycles are avoided whatever it costs): one pass
                    for (int f = 0; f < frontierSize; f++) {
                        final int c = front[f];
                        for (int k = c * stride, end = k + cDegree[c]; k < end; k++) {
                            final int u = cVars[k];
                            if (vMark[u] == epoch) {
                                continue;
                            }
                            vMark[u] = epoch;
                            work += vFill[u];
                            for (int q = vStart[u], qEnd = q + vFill[u]; q < qEnd; q++) {
                                final int c2 = vChecks[q];
                                if (state[c2] < done) {
                                    state[c2] = pending;
                                    nxt = push(nxt, nextSize++, c2);
                                    if (marked + nextSize >= m) {
                                        // this level reaches every check: the pick is among the checks
                                        // marked before it whether or not the level is finished, so stop
                                        // now. At small m (checks of degree thousands) this is what keeps
                                        // the build from costing O(n^2 / m).
                                        break levels;
                                    }
                                }
                            }
                        }
                    }
                } else {
                    // pass 1: the level's new variables, in the order of discovery, and the work (edges) they
                    // cost. If the budget runs out inside the level, the level is dropped, so its checks are
                    // never needed: only pass 2, for a complete level, walks the variables' checks.
                    int reachedSize = 0;
                    for (int f = 0; f < frontierSize; f++) {
                        if (work > SEARCH_BUDGET) {
                            // out of budget inside a level: keep only the complete levels marked so far
                            break levels;
                        }
                        final int c = front[f];
                        for (int k = c * stride, end = k + cDegree[c]; k < end; k++) {
                            final int u = cVars[k];
                            if (vMark[u] != epoch) {
                                vMark[u] = epoch;
                                reached = push(reached, reachedSize++, u);
                                work += vFill[u];
                            }
                        }
                    }
                    // pass 2: the checks not reached before form the next level, in the order a single pass
                    // finds them
                    for (int i = 0; i < reachedSize; i++) {
                        final int u = reached[i];
                        for (int q = vStart[u], qEnd = q + vFill[u]; q < qEnd; q++) {
                            final int c2 = vChecks[q];
                            if (state[c2] < done) {
                                state[c2] = pending;
                                nxt = push(nxt, nextSize++, c2);
                                if (marked + nextSize >= m) {
                                    break levels; // as above: every check reached, pick among the marked
                                }
                            }
                        }
                    }
                }
                if (marked + nextSize >= m) {
                    // the next level would reach every check: the farthest ones are this new level,
                    // which are exactly the checks still unmarked
                    break;
                }
                for (int i = 0; i < nextSize; i++) {
                    state[nxt[i]] = done;
                }
                marked += nextSize;
                final int[] t = front;
                front = nxt;
                nxt = t;
                frontierSize = nextSize;
            }
            levelVars = reached;
            frontier = front;
            next = nxt;
            // checks of a level cut short are pending (2 epoch + 1), not marked: the pick may take them
            return pickUnmarked(done);
        }

        private static int[] push(final int[] a, final int size, final int value) {
            final int[] out = size == a.length ? Arrays.copyOf(a, a.length * 2) : a;
            out[size] = value;
            return out;
        }

        private ParityCheckMatrix toMatrix() {
            final int[] rowStart = new int[m + 1];
            for (int c = 0; c < m; c++) {
                rowStart[c + 1] = rowStart[c] + checkDegree[c];
            }
            final int[] rowVars = new int[rowStart[m]];
            for (int c = 0; c < m; c++) {
                final int from = c * checkStride;
                Arrays.sort(checkVars, from, from + checkDegree[c]);
                System.arraycopy(checkVars, from, rowVars, rowStart[c], checkDegree[c]);
            }
            return ParityCheckMatrix.fromRows(n, m, rowStart, rowVars);
        }
    }
}
