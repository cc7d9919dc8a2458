package org.rdcodec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.sw.ceo.CeoSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rdc ceo-sweep}: the CEO codec over a grid of targets and ratios sx2/sn2 in ONE process, so that every
 * LDPC code is built once (a PEG code at n = 65536 takes seconds) - the same measurement as
 * {@code rdc simulate --codec ceo:...} per point (rounds after the first averaged), reported as a table of
 * measured bits per coordinate against Rsum at the measured distortion, and the ideal Slepian-Wolf figure
 * (what the same quantizer would cost with codes at the planes' conditional entropies).
 */
@Command(name = "ceo-sweep", mixinStandardHelpOptions = true,
        description = "CEO codec over rho (or distortion) x sx2/sn2 in one process; table of bits vs Rsum.")
final class CeoSweepCommand implements Callable<Integer> {

    @Option(names = "--workers", defaultValue = "10", description = "K workers (default ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--dim", defaultValue = "262144", description = "P coordinates (default ${DEFAULT-VALUE})")
    int dim;

    @Option(names = "--ratios", defaultValue = "10,1,0.1", split = ",", description = "sx2/sn2 values (default ${DEFAULT-VALUE})")
    double[] ratios;

    @Option(names = "--sn2", defaultValue = "1", description = "noise variance (default ${DEFAULT-VALUE})")
    double sn2;

    @Option(names = "--targets", defaultValue = "rho=0.5,rho=1,rho=3,rho=10,rho=30,rho=100", split = ",",
            description = "targets, each rho=R or distortion=D (default ${DEFAULT-VALUE})")
    String[] targets;

    @Option(names = "--options", defaultValue = "", description = "extra ceo spec parameters, e.g. block=16384;mode=feedback-free (';'-separated)")
    String options;

    @Option(names = "--rounds", defaultValue = "2", description = "rounds per point; the first (bootstrap) is not counted (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--seed", defaultValue = "1", description = "seed")
    long seed;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (workers < 3 || rounds < 2 || dim < 1) {
            throw new CliInputException("ceo-sweep needs --workers >= 3, --rounds >= 2, --dim >= 1");
        }
        final GradientLayout layout = GradientLayout.uniform(dim, 1);
        final double[][] noise = new double[workers][1];
        for (final double[] row : noise) {
            row[0] = sn2;
        }
        final List<Map<String, Object>> rows = new ArrayList<>();
        if (!json) {
            System.out.printf(Locale.ROOT, "%8s %-18s %10s %10s %10s %10s %8s %10s %8s %9s %9s%n", "sx2/sn2", "target", "mse",
                    "bits", "Rsum", "bits/Rsum", "idealSW", "ideal/Rsum", "fallback", "enc s", "dec s");
        }
        for (final double ratio : ratios) {
            for (final String target : targets) {
                final String text = "ceo:" + target + (options.isEmpty() ? "" : "," + options.replace(';', ','));
                final CeoSpec spec = CeoSpec.parse(text);
                final Map<String, double[]> planes = new LinkedHashMap<>();
                final List<CeoSimulation.CeoRound> all = CeoSimulation.simulate(layout, new double[] {ratio * sn2}, noise, spec,
                        seed, rounds, planes);
                final List<CeoSimulation.CeoRound> counted = all.subList(1, all.size());
                final int n = counted.size();
                double mse = 0;
                double bits = 0;
                double rsum = 0;
                double enc = 0;
                double dec = 0;
                int fallbacks = 0;
                double slope = 0;
                double slopeSe2 = 0;
                double meanError = 0;
                double meanSe2 = 0;
                for (final CeoSimulation.CeoRound r : counted) {
                    mse += r.figures().mse() / n;
                    bits += r.figures().bitsPerCoordinate() / n;
                    rsum += r.figures().rsumBitsPerCoordinate() / n;
                    enc += r.figures().encodeSeconds() / n;
                    dec += r.figures().decodeSeconds() / n;
                    slope += r.figures().slope() / n;
                    slopeSe2 += r.figures().slopeStdErr() * r.figures().slopeStdErr();
                    meanError += r.figures().meanError() / n;
                    meanSe2 += r.figures().meanErrorStdErr() * r.figures().meanErrorStdErr();
                    fallbacks += r.fallbacks();
                }
                final double ideal = CeoSimulation.idealBits(counted, planes, dim);
                final Map<String, Object> row = new LinkedHashMap<>();
                row.put("ratio", ratio);
                row.put("spec", spec.toString());
                row.put("mse", mse);
                row.put("bitsPerCoordinate", bits);
                row.put("rsumBitsPerCoordinate", rsum);
                row.put("ratioToRsum", bits / rsum);
                row.put("idealSwBitsPerCoordinate", ideal);
                row.put("slope", slope);
                row.put("slopeStdErr", Math.sqrt(slopeSe2) / n);
                row.put("meanError", meanError);
                row.put("meanErrorStdErr", Math.sqrt(meanSe2) / n);
                row.put("fallbacks", fallbacks);
                row.put("encodeSeconds", enc);
                row.put("decodeSeconds", dec);
                rows.add(row);
                if (!json) {
                    System.out.printf(Locale.ROOT, "%8s %-18s %10.5f %10.4f %10.4f %10.3f %8.4f %10.3f %8d %9.2f %9.2f%n", ratio, target,
                            mse, bits, rsum, bits / rsum, ideal, ideal / rsum, fallbacks, enc, dec);
                    System.out.flush();
                }
            }
        }
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        }
        return 0;
    }
}
