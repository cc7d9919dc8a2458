package org.rdcodec.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.rdcodec.core.theory.CeoModel;
import org.rdcodec.core.theory.HomogeneousBounds;
import org.rdcodec.core.theory.LayerAllocation;
import org.rdcodec.core.theory.SumRate;
import org.rdcodec.core.theory.SumRateResult;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rdc bound}: the sum-rate-distortion function of the CEO model for given workers, layers and
 * variances, with the sum-rate optimal split of D across layers and each worker's noise-quantization rate.
 *
 * <p>{@code --rho} for heterogeneous noise is defined as {@code D = D_min (1 + rho)}, with
 * {@code D_min = sum_l 1/sum_k(1/sn2_{k,l})}; in the homogeneous case this is the paper's
 * {@code rho = D K / sn2 - 1}. {@code --sign} uses SignSGD's distortion model, summed over layers, and needs
 * homogeneous noise on every layer.
 */
@Command(name = "bound", mixinStandardHelpOptions = true,
        description = "Rsum(D) (and Rin(D) for equal noise) of the Gaussian CEO model, in bits.")
final class BoundCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Option(names = "--workers", required = true, description = "number of workers K")
    private int workers;

    @Option(names = "--sx2", required = true, split = ",", description = "gradient variance, one value per layer")
    private double[] sx2;

    @Option(names = "--sn2", required = true,
            description = "noise variance: one value; a,b,.. (one per worker); or a,b;c,d;.. (per worker ';', per layer ',')")
    private String sn2;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    @Option(names = "--json", description = "print JSON instead of a table")
    private boolean json;

    /** Exactly one way to choose the distortion. */
    static final class Target {
        @Option(names = "--distortion", description = "total distortion D per L-vector (sum of layer MSEs)")
        private Double distortion;

        @Option(names = "--rho", description = "D = D_min (1 + rho); homogeneous: rho = D K / sn2 - 1")
        private Double rho;

        @Option(names = "--sign", description = "SignSGD's distortion (homogeneous noise only)")
        private boolean sign;
    }

    @Override
    public void run() {
        final BoundReport report = compute();
        final PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(report));
        } else {
            printTable(out, report);
        }
        out.flush();
    }

    BoundReport compute() {
        if (workers < 1) {
            throw new CliInputException("--workers must be >= 1, got " + workers);
        }
        final CeoModel model = CeoModel.of(sx2, NoiseSpec.parse(sn2, workers, sx2.length));
        final double dMin = model.minDistortion();
        final String how;
        final double d;
        if (target.sign) {
            if (!model.isHomogeneous()) {
                throw new CliInputException("--sign needs equal noise for all workers on each layer (SignSGD's distortion model is homogeneous)");
            }
            double sum = 0;
            for (int l = 0; l < model.layers(); l++) {
                sum += HomogeneousBounds.signDistortion(workers, model.sx2(l), model.sn2(0, l));
            }
            d = sum;
            how = "sign";
        } else if (target.rho != null) {
            if (!(target.rho > 0) || target.rho.isInfinite()) {
                throw new CliInputException("--rho must be a finite number > 0, got " + target.rho);
            }
            d = dMin * (1.0 + target.rho);
            how = "rho";
        } else {
            d = target.distortion;
            how = "distortion";
        }
        final SumRateResult res = SumRate.solve(model, d);
        final int layers = model.layers();
        Double rin = null;
        if (model.isHomogeneous() && layers == 1) {
            rin = HomogeneousBounds.independentRate(workers, model.sx2(0), model.sn2(0, 0), d);
        }
        final List<BoundReport.Layer> layerReports = new ArrayList<>(layers);
        for (int l = 0; l < layers; l++) {
            final LayerAllocation a = res.layer(l);
            layerReports.add(new BoundReport.Layer(l + 1, model.sx2(l), model.layerNoise(l), a.distortion(),
                    res.distortionShare(l), model.minLayerDistortion(l), a.theta(), a.sumRate(), a.r()));
        }
        return new BoundReport(workers, layers, model.isHomogeneous(), how, d, dMin, d / dMin - 1.0,
                res.sumRateBitsPerVector(), res.sumRateBitsPerCoordinate(), rin, rin == null ? null : rin / layers,
                target.sign ? Double.valueOf((double) workers * layers) : null, layerReports);
    }

    static String toJson(final Object report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise report", e);
        }
    }

    private static void printTable(final PrintWriter out, final BoundReport r) {
        out.printf(Locale.ROOT, "K = %d workers, L = %d layer%s, %s noise%n", r.workers(), r.layerCount(),
                r.layerCount() == 1 ? "" : "s", r.homogeneous() ? "homogeneous" : "heterogeneous");
        out.printf(Locale.ROOT, "distortion D   %.6g  (D_min %.6g, rho = D/D_min - 1 = %.6g, chosen by --%s)%n",
                r.distortion(), r.minDistortion(), r.rho(), r.target());
        out.printf(Locale.ROOT, "Rsum(D)        %.6f bits per vector, %.6f bits per coordinate%n",
                r.rsumBitsPerVector(), r.rsumBitsPerCoordinate());
        if (r.rinBitsPerVector() != null) {
            out.printf(Locale.ROOT, "Rin(D)         %.6f bits per vector, %.6f bits per coordinate%n",
                    r.rinBitsPerVector(), r.rinBitsPerCoordinate());
        } else {
            out.println("Rin(D)         n/a (closed form for equal noise on one layer only)");
        }
        if (r.signBitsPerVector() != null) {
            out.printf(Locale.ROOT, "SignSGD        %.1f bits per vector (1 bit per coordinate per worker)%n", r.signBitsPerVector());
        }
        out.println();
        final StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-6s %-10s %-10s %-8s %-10s %-10s", "layer", "sx2", "D_l", "share", "theta", "R_l bits"));
        for (int k = 0; k < r.workers(); k++) {
            head.append(String.format(Locale.ROOT, " %-9s", "r_" + (k + 1)));
        }
        out.println(head);
        for (final BoundReport.Layer l : r.layers()) {
            final StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-6d %-10.5g %-10.5g %-8.4f %-10.5g %-10.6f",
                    l.layer(), l.sx2(), l.distortion(), l.distortionShare(), l.theta(), l.sumRateBits()));
            for (final double v : l.r()) {
                row.append(String.format(Locale.ROOT, " %-9.5f", v));
            }
            out.println(row);
        }
    }
}
