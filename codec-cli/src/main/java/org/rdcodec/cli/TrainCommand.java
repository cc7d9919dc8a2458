package org.rdcodec.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.rdcodec.core.spec.CodecSpec;
import org.rdcodec.train.FashionMnist;
import org.rdcodec.train.TrainConfig;
import org.rdcodec.train.TrainRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rdc train}: K workers train an MLP on Fashion-MNIST, every round's gradients go through a codec as real
 * frames, and the run writes per-round CSV/JSON, a summary and the paper's Figures 6 and 7.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train an MLP on Fashion-MNIST with K workers whose gradients go through a codec; measure bits, distortion, sx2, sn2.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    TrainOptions opts;

    @Option(names = "--codec", description = "codec spec, e.g. dithered or qsgd:levels=4 (see rdc codecs); omit with --rho")
    String codec;

    @Option(names = "--rho", description = "noise mode instead of a codec: independent Gaussian noise with D(t) = sn2(t)(1 + rho)/K")
    Double rho;

    @Option(names = "--out", defaultValue = "train-out", description = "output folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--json", description = "print the final summary as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if ((codec == null) == (rho == null)) {
            throw new CliInputException("give exactly one of --codec SPEC or --rho R");
        }
        if (codec != null && org.rdcodec.sw.ceo.CeoSpec.matches(codec)) {
            org.rdcodec.sw.ceo.CeoSpec.parse(codec); // the CEO codec is parsed in codec-sw, not in the core catalog
        } else if (codec != null) {
            CodecSpec.parse(codec); // a bad spec fails here with the catalog's message, before the data is loaded
        }
        TrainConfig cfg = opts.config(codec == null ? "identity" : codec);
        if (rho != null) {
            cfg = cfg.withRho(rho);
        }
        final FashionMnist data = FashionMnist.load(opts.data);
        final TrainRun.Result result = TrainRun.run(cfg, data, opts.noProgress ? null : System.err);
        final String label = (codec != null ? codec : "rho=" + rho) + ", K=" + cfg.workers();
        final List<Path> files = TrainRun.write(result, out, label);
        final Map<String, Object> s = result.summary();
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s));
        } else {
            System.out.printf(Locale.ROOT, "rdc train %s: %d rounds, test accuracy %s, %.4g bits/coordinate/round, mean D %s, %.2f rounds/s%n",
                    s.get("codec"), s.get("rounds"), s.get("testAccuracy"), (Double) s.get("bitsPerCoordinatePerRound"), s.get("meanDistortion"),
                    (Double) s.get("roundsPerSecond"));
            for (final Path f : files) {
                System.out.println("  wrote " + f);
            }
        }
        return 0;
    }
}
