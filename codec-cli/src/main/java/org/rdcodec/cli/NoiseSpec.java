package org.rdcodec.cli;

import java.util.Locale;

/**
 * Parses the {@code --sn2} spec of {@code rdc bound} into {@code sn2[k][l]}:
 * <ul>
 *   <li>{@code 1.5}: every worker, every layer;</li>
 *   <li>{@code 0.5,1,2,4}: one value per worker (K values), the same on every layer;</li>
 *   <li>{@code 0.5,0.2;1,0.2;2,0.2}: workers separated by {@code ;}, layers by {@code ,} (K rows of L values).</li>
 * </ul>
 * Values must be finite numbers &gt; 0; the model validates them again with the worker and layer named.
 */
final class NoiseSpec {

    private NoiseSpec() {
    }

    static double[][] parse(final String spec, final int workers, final int layers) {
        if (spec == null || spec.isBlank()) {
            throw new CliInputException("--sn2 is empty; give one value, one per worker (a,b,..) or per worker and layer (a,b;c,d;..)");
        }
        final String s = spec.strip();
        final double[][] out = new double[workers][layers];
        if (s.contains(";")) {
            final String[] rows = s.split(";", -1);
            if (rows.length != workers) {
                throw new CliInputException(String.format(Locale.ROOT,
                        "--sn2 '%s' has %d worker rows (separated by ';') but --workers is %d", spec, rows.length, workers));
            }
            for (int k = 0; k < workers; k++) {
                final String[] cells = rows[k].split(",", -1);
                if (cells.length != layers) {
                    throw new CliInputException(String.format(Locale.ROOT,
                            "--sn2 '%s': worker %d has %d layer values but --sx2 gives %d layers", spec, k + 1, cells.length, layers));
                }
                for (int l = 0; l < layers; l++) {
                    out[k][l] = number(cells[l], "--sn2 worker " + (k + 1) + ", layer " + (l + 1));
                }
            }
            return out;
        }
        final String[] cells = s.split(",", -1);
        if (cells.length == 1) {
            final double v = number(cells[0], "--sn2");
            for (final double[] row : out) {
                java.util.Arrays.fill(row, v);
            }
            return out;
        }
        if (cells.length != workers) {
            throw new CliInputException(String.format(Locale.ROOT,
                    "--sn2 '%s' has %d comma-separated values; a comma list needs one per worker (--workers %d); "
                            + "use ';' between workers for per-layer values", spec, cells.length, workers));
        }
        for (int k = 0; k < workers; k++) {
            java.util.Arrays.fill(out[k], number(cells[k], "--sn2 worker " + (k + 1)));
        }
        return out;
    }

    static double number(final String text, final String where) {
        final double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (final NumberFormatException e) {
            throw new CliInputException(where + ": '" + text.strip() + "' is not a number");
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new CliInputException(where + ": " + text.strip() + " must be a finite number > 0");
        }
        return v;
    }
}
