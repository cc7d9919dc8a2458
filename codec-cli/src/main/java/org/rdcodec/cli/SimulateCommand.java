package org.rdcodec.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.core.spec.CodecSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rdc simulate}: K workers encode their noisy copies of a Gaussian gradient into real frames, the
 * server decodes and combines them, and every figure is measured from the bytes and the reconstruction.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a codec on the Gaussian CEO source and measure rate, distortion and bias.")
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--workers", defaultValue = "10", description = "K workers (default ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--dim", defaultValue = "1048576", description = "P coordinates (default ${DEFAULT-VALUE})")
    int dim;

    @Option(names = "--layers", defaultValue = "1", description = "L equal layers (default ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--sx2", defaultValue = "1", description = "gradient variance: one value, or one per layer (a,b,..)")
    String sx2;

    @Option(names = "--sn2", defaultValue = "1", description = "noise variance: one value, one per worker (a,b,..), or per worker and layer (a,b;c,d;..)")
    String sn2;

    @Option(names = "--codec", required = true, description = "codec spec, e.g. dithered:step=0.5 (see rdc codecs)")
    String codec;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the source and the shared randomness")
    long seed;

    @Option(names = "--rounds", defaultValue = "1", description = "rounds, each a fresh source draw; figures average rounds after the first when > 1")
    int rounds;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (workers < 1 || rounds < 1 || layers < 1 || dim < 1) {
            throw new CliInputException("--workers, --rounds, --layers and --dim must be >= 1");
        }
        final GradientLayout layout = GradientLayout.uniform(dim, layers);
        final double[] variances = parseSx2(sx2, layers);
        final double[][] noise = NoiseSpec.parse(sn2, workers, layers);
        if (org.rdcodec.sw.ceo.CeoSpec.matches(codec)) {
            return CeoSimulation.run(this, layout, variances, noise);
        }
        final CodecSpec spec = CodecSpec.parse(codec);
        final List<Simulation.Round> all = new Simulation(layout, variances, noise, spec, seed).run(rounds);
        final List<Simulation.Round> counted = rounds > 1 ? all.subList(1, all.size()) : all;
        final Map<String, Object> summary = summarize(spec, layout, variances, counted);
        summary.put("rounds", all);
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
        } else {
            printTable(summary, counted.size());
        }
        return 0;
    }

    static double[] parseSx2(final String text, final int layers) {
        final String[] cells = text.split(",", -1);
        final double[] out = new double[layers];
        if (cells.length == 1) {
            java.util.Arrays.fill(out, NoiseSpec.number(cells[0], "--sx2"));
        } else if (cells.length == layers) {
            for (int l = 0; l < layers; l++) {
                out[l] = NoiseSpec.number(cells[l], "--sx2 layer " + (l + 1));
            }
        } else {
            throw new CliInputException("--sx2 has " + cells.length + " values for " + layers + " layers; give one or one per layer");
        }
        return out;
    }

    private Map<String, Object> summarize(final CodecSpec spec, final GradientLayout layout, final double[] variances,
            final List<Simulation.Round> rs) {
        final Map<String, Object> m = new LinkedHashMap<>();
        final int n = rs.size();
        m.put("codec", spec.toString());
        m.put("unbiased", spec.definition().unbiased());
        m.put("workers", workers);
        m.put("dim", layout.totalSize());
        m.put("layers", layout.layerCount());
        m.put("sx2", variances);
        m.put("sn2", sn2);
        m.put("seed", seed);
        m.put("roundsAveraged", n);
        m.put("mse", rs.stream().mapToDouble(Simulation.Round::mse).average().orElseThrow());
        final double[] dl = new double[layout.layerCount()];
        for (final Simulation.Round r : rs) {
            for (int l = 0; l < dl.length; l++) {
                dl[l] += r.distortionPerLayer()[l] / n;
            }
        }
        m.put("distortionPerLayer", dl);
        m.put("bitsPerCoordinate", rs.stream().mapToDouble(Simulation.Round::bitsPerCoordinate).average().orElseThrow());
        m.put("rsumBitsPerCoordinate", averageOrNull(rs, true));
        m.put("rinBitsPerCoordinate", averageOrNull(rs, false));
        m.put("slope", rs.stream().mapToDouble(Simulation.Round::slope).average().orElseThrow());
        m.put("slopeStdErr", Math.sqrt(rs.stream().mapToDouble(r -> r.slopeStdErr() * r.slopeStdErr()).sum()) / n);
        m.put("meanError", rs.stream().mapToDouble(Simulation.Round::meanError).average().orElseThrow());
        m.put("meanErrorStdErr", Math.sqrt(rs.stream().mapToDouble(r -> r.meanErrorStdErr() * r.meanErrorStdErr()).sum()) / n);
        m.put("encodeSeconds", rs.stream().mapToDouble(Simulation.Round::encodeSeconds).average().orElseThrow());
        m.put("decodeSeconds", rs.stream().mapToDouble(Simulation.Round::decodeSeconds).average().orElseThrow());
        return m;
    }

    private static Double averageOrNull(final List<Simulation.Round> rs, final boolean rsum) {
        double s = 0;
        for (final Simulation.Round r : rs) {
            final Double v = rsum ? r.rsumBitsPerCoordinate() : r.rinBitsPerCoordinate();
            if (v == null) {
                return null;
            }
            s += v;
        }
        return s / rs.size();
    }

    static void printTable(final Map<String, Object> m, final int averaged) {
        final List<String> keys = new ArrayList<>(List.of("codec", "unbiased", "workers", "dim", "layers", "mse", "bitsPerCoordinate",
                "rsumBitsPerCoordinate", "rinBitsPerCoordinate", "slope", "slopeStdErr", "meanError", "meanErrorStdErr",
                "encodeSeconds", "decodeSeconds"));
        System.out.printf(Locale.ROOT, "rdc simulate (%d round%s averaged)%n", averaged, averaged == 1 ? "" : "s");
        for (final String k : keys) {
            final Object v = m.get(k);
            System.out.printf(Locale.ROOT, "  %-24s %s%n", k, v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : String.valueOf(v));
        }
        final double[] dl = (double[]) m.get("distortionPerLayer");
        for (int l = 0; l < dl.length; l++) {
            System.out.printf(Locale.ROOT, "  distortion layer %-7d %.6g%n", l, dl[l]);
        }
    }
}
