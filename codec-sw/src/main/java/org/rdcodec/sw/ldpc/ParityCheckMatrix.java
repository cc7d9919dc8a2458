package org.rdcodec.sw.ldpc;

import java.util.Arrays;

/**
 * A sparse binary parity-check matrix H (m checks by n variables) in compressed sparse row form, with the
 * column view beside it. Rows are what the layered decoder walks; columns are what the syndrome encoder
 * walks (one pass over the set source bits). Immutable.
 *
 * <p>Edge e (0 &le; e &lt; edges()) is the e-th entry in row order: check {@code c} owns edges
 * {@code rowStart[c] .. rowStart[c+1]-1}, connected to variables {@code rowVars[e]} (ascending within a row).
 * {@code colEdge[k]} maps the k-th entry in column order back to its row-order edge index, so a flooding
 * decoder can sum a variable's incoming messages.
 */
public final class ParityCheckMatrix {

    private final int n;
    private final int m;
    private final int[] rowStart;
    private final int[] rowVars;
    private final int[] colStart;
    private final int[] colChecks;
    private final int[] colEdge;
    private final int maxRowDegree;

    private ParityCheckMatrix(final int n, final int m, final int[] rowStart, final int[] rowVars) {
        this.n = n;
        this.m = m;
        this.rowStart = rowStart;
        this.rowVars = rowVars;
        final int edges = rowStart[m];
        colStart = new int[n + 1];
        for (int e = 0; e < edges; e++) {
            colStart[rowVars[e] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            colStart[v + 1] += colStart[v];
        }
        colChecks = new int[edges];
        colEdge = new int[edges];
        final int[] fill = Arrays.copyOf(colStart, n);
        int maxDeg = 0;
        for (int c = 0; c < m; c++) {
            maxDeg = Math.max(maxDeg, rowStart[c + 1] - rowStart[c]);
            for (int e = rowStart[c]; e < rowStart[c + 1]; e++) {
                final int k = fill[rowVars[e]]++;
                colChecks[k] = c;
                colEdge[k] = e;
            }
        }
        maxRowDegree = maxDeg;
    }

    /**
     * Builds a matrix from its rows; each row's variables are sorted and must be distinct.
     *
     * @param n number of variables (source bits)
     * @param m number of checks (syndrome bits)
     * @param rowStart m + 1 offsets into rowVars, non-decreasing, rowStart[0] = 0
     * @param rowVars variable index of every edge, in row order
     * @return the matrix (takes ownership of the arrays)
     * @throws SyndromeCodingException if the structure is inconsistent
     */
    public static ParityCheckMatrix fromRows(final int n, final int m, final int[] rowStart, final int[] rowVars) {
        if (n < 1 || m < 1 || rowStart.length != m + 1 || rowStart[0] != 0 || rowStart[m] != rowVars.length) {
            throw new SyndromeCodingException("parity-check matrix: inconsistent shape n=" + n + " m=" + m
                    + " rowStart.length=" + rowStart.length + " edges=" + rowVars.length);
        }
        for (int c = 0; c < m; c++) {
            if (rowStart[c + 1] < rowStart[c]) {
                throw new SyndromeCodingException("parity-check matrix: rowStart decreases at row " + c);
            }
            for (int e = rowStart[c]; e < rowStart[c + 1]; e++) {
                final int v = rowVars[e];
                if (v < 0 || v >= n) {
                    throw new SyndromeCodingException("parity-check matrix: row " + c + " has variable " + v
                            + " outside [0, " + n + ")");
                }
                if (e > rowStart[c] && rowVars[e - 1] >= v) {
                    throw new SyndromeCodingException("parity-check matrix: row " + c
                            + " variables not strictly ascending at edge " + e);
                }
            }
        }
        return new ParityCheckMatrix(n, m, rowStart, rowVars);
    }

    /** @return number of variables (source bits) */
    public int n() {
        return n;
    }

    /** @return number of checks (syndrome bits) */
    public int m() {
        return m;
    }

    /** @return number of ones in H */
    public int edges() {
        return rowStart[m];
    }

    /** @return the largest row weight */
    public int maxRowDegree() {
        return maxRowDegree;
    }

    /** @return row offsets (shared, do not modify) */
    public int[] rowStart() {
        return rowStart;
    }

    /** @return variable of every edge in row order (shared, do not modify) */
    public int[] rowVars() {
        return rowVars;
    }

    /** @return column offsets (shared, do not modify) */
    public int[] colStart() {
        return colStart;
    }

    /** @return check of every edge in column order (shared, do not modify) */
    public int[] colChecks() {
        return colChecks;
    }

    /** @return row-order edge index of every column-order entry (shared, do not modify) */
    public int[] colEdge() {
        return colEdge;
    }

    /**
     * @param v a variable
     * @return its degree (column weight)
     */
    public int columnDegree(final int v) {
        return colStart[v + 1] - colStart[v];
    }

    /**
     * Reference syndrome, row by row: bit c of the result is the parity of the source bits in row c.
     * The fast encoder ({@link SyndromeEncoder}) is tested against this.
     *
     * @param sourceWords n source bits, bit i at word i / 64, position i % 64
     * @return m syndrome bits packed the same way
     */
    public long[] syndromeReference(final long[] sourceWords) {
        final long[] out = new long[(m + 63) >>> 6];
        for (int c = 0; c < m; c++) {
            long parity = 0;
            for (int e = rowStart[c]; e < rowStart[c + 1]; e++) {
                final int v = rowVars[e];
                parity ^= sourceWords[v >>> 6] >>> v;
            }
            out[c >>> 6] |= (parity & 1L) << c;
        }
        return out;
    }
}
