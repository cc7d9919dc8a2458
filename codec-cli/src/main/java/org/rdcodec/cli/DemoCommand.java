package org.rdcodec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rdcodec.core.theory.HomogeneousBounds;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rdc demo}: the main job on embedded defaults. For K workers with noise sn2 and three ratios
 * sx2/sn2 (10, 1, 0.1), the bounds Rsum and Rin over rho and the SignSGD point (1 bit per coordinate per
 * worker at the paper's D_sign), as terminal tables, {@code demo.json} and one PNG plot per ratio under
 * {@code --out}. Later issues add measured codec points to the same sections.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Bounds Rsum/Rin over rho and the SignSGD point for three sx2/sn2 ratios; tables, JSON and PNG plots.")
final class DemoCommand implements Runnable {

    /** Default ratios sx2/sn2: gradient dominates, balanced, noise dominates. */
    static final double[] RATIOS = {10, 1, 0.1};

    /** Table grid: rho from 0.01 to 1000, three points per decade. */
    static final int TABLE_POINTS_PER_DECADE = 3;

    /** Plot grid: finer, for smooth curves. */
    static final int PLOT_POINTS_PER_DECADE = 20;

    static final double RHO_MIN = 0.01;
    static final double RHO_MAX = 1000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", defaultValue = "rdc-out", description = "output directory (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--workers", defaultValue = "10", description = "number of workers K (default: ${DEFAULT-VALUE})")
    private int workers;

    @Option(names = "--sn2", defaultValue = "1", description = "noise variance per worker (default: ${DEFAULT-VALUE})")
    private double sn2;

    @Option(names = "--quiet", description = "do not print the tables")
    private boolean quiet;

    @Override
    public void run() {
        if (workers < 1) {
            throw new CliInputException("--workers must be >= 1, got " + workers);
        }
        NoiseSpec.number(Double.toString(sn2), "--sn2");
        final PrintWriter pw = spec.commandLine().getOut();
        final List<MeasuredPoint> measured = measure();
        final List<DemoSection> tables = sections(logGrid(TABLE_POINTS_PER_DECADE), measured);
        final List<DemoSection> plots = sections(logGrid(PLOT_POINTS_PER_DECADE), measured);
        final List<CeoDemo.Point> ceo = CeoDemo.measure(workers, sn2, RATIOS);
        CeoDemo.add(tables, RATIOS, ceo);
        CeoDemo.add(plots, RATIOS, ceo);
        try {
            Files.createDirectories(out);
            final List<DemoSection.Json> json = new ArrayList<>();
            for (final DemoSection s : tables) {
                json.add(s.toJson());
            }
            final Path jsonFile = out.resolve("demo.json");
            Files.writeString(jsonFile, BoundCommand.toJson(new Report(workers, sn2, json)));
            final List<Path> written = new ArrayList<>();
            written.add(jsonFile);
            for (final DemoSection s : plots) {
                written.add(DemoPlot.write(s, out));
            }
            // seed-003 operators and M22 against the compression bounds (one worker)
            written.add(OperatorDemo.run(out, pw, quiet));
            if (!quiet) {
                for (final DemoSection s : tables) {
                    s.printTable(pw);
                }
            }
            for (final Path p : written) {
                pw.println("wrote " + p);
            }
        } catch (final IOException e) {
            throw new CliInputException("cannot write demo output under " + out + ": " + e.getMessage());
        }
        pw.flush();
    }

    /**
     * Runs the measured codecs on the Gaussian CEO source of the sx2/sn2 = 1 section (K workers, P =
     * {@link #MEASURE_DIM}, two rounds, the second reported so codecs that learn start warm): rate from the
     * frames' bytes, distortion from the actual estimate.
     */
    private List<MeasuredPoint> measure() {
        final List<MeasuredPoint> list = new ArrayList<>();
        final org.rdcodec.core.layout.GradientLayout layout = org.rdcodec.core.layout.GradientLayout.ofSizes(MEASURE_DIM);
        final double[][] noise = new double[workers][1];
        for (final double[] row : noise) {
            row[0] = sn2;
        }
        for (final String codec : MEASURED_CODECS) {
            final org.rdcodec.core.spec.CodecSpec spec = org.rdcodec.core.spec.CodecSpec.parse(codec);
            final List<Simulation.Round> rounds = new Simulation(layout, new double[] {sn2}, noise, spec, MEASURE_SEED).run(2);
            final Simulation.Round r = rounds.get(1);
            list.add(new MeasuredPoint(codec, r.mse(), r.bitsPerCoordinate()));
        }
        return list;
    }

    /** Codecs measured in the sx2/sn2 = 1 section. */
    static final List<String> MEASURED_CODECS = List.of("sign", "dithered:step=0.5", "dithered:step=1", "dithered:step=2",
            "dithered:step=4", "dithered:step=8", "qsgd:levels=4", "qsgd:levels=16", "lloydmax:bits=2", "e8:step=1", "e8:step=2",
            "eden:bits=1", "eden:bits=2");

    /** Coordinates per measured run: 2^16 keeps the demo to seconds; rates and MSEs have relative errors ~1%. */
    static final int MEASURE_DIM = 1 << 16;

    static final long MEASURE_SEED = 2026;

    private record MeasuredPoint(String codec, double distortion, double bitsPerCoordinate) {
    }

    private List<DemoSection> sections(final double[] grid, final List<MeasuredPoint> measured) {
        final List<DemoSection> list = new ArrayList<>();
        for (final double ratio : RATIOS) {
            final double sx2 = ratio * sn2;
            final DemoSection s = new DemoSection(String.format(Locale.ROOT, "K = %d, sx2/sn2 = %s", workers, plain(ratio)), workers, sx2, sn2)
                    .addBounds(grid);
            s.addPoint("SignSGD (paper model)", "model", HomogeneousBounds.signDistortion(workers, sx2, sn2), workers);
            if (ratio == 1) {
                for (final MeasuredPoint m : measured) {
                    s.addPoint(m.codec(), "measured", m.distortion(), m.bitsPerCoordinate());
                }
            }
            list.add(s);
        }
        return list;
    }

    static double[] logGrid(final int perDecade) {
        final int n = (int) Math.round(Math.log10(RHO_MAX / RHO_MIN) * perDecade) + 1;
        final double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = RHO_MIN * Math.pow(10, (double) i / perDecade);
        }
        return g;
    }

    private static String plain(final double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * The JSON file.
     *
     * @param workers K
     * @param sn2 noise variance per worker
     * @param sections one per ratio sx2/sn2
     */
    record Report(int workers, double sn2, List<DemoSection.Json> sections) {
    }
}
