package org.rdcodec.cli;

import org.rdcodec.core.layout.GradientLayout;

import picocli.CommandLine.Option;

/** The Gaussian CEO source and codec flags shared by {@code rdc serve}, {@code rdc worker} and {@code rdc cluster}. */
final class SourceOptions {

    @Option(names = "--workers", defaultValue = "4", description = "K workers (default ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--dim", defaultValue = "65536", description = "P coordinates (default ${DEFAULT-VALUE})")
    int dim;

    @Option(names = "--layers", defaultValue = "1", description = "L equal layers (default ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--sx2", defaultValue = "1", description = "gradient variance: one value, or one per layer (a,b,..)")
    String sx2;

    @Option(names = "--sn2", defaultValue = "1", description = "noise variance: one value, one per worker, or per worker and layer")
    String sn2;

    @Option(names = "--codec", defaultValue = "dithered:step=1", description = "codec spec of the workers' frames (default ${DEFAULT-VALUE})")
    String codec;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the source and the shared randomness")
    long seed;

    @Option(names = "--replay", defaultValue = "0",
            description = "R > 0: draw R source rounds once and replay them (round t uses t mod R), so round times exclude the generator")
    int replay;

    GradientLayout layout() {
        if (workers < 1 || dim < 1 || layers < 1 || replay < 0) {
            throw new CliInputException("--workers, --dim and --layers must be >= 1, --replay >= 0");
        }
        return GradientLayout.uniform(dim, layers);
    }

    double[] sx2() {
        return SimulateCommand.parseSx2(sx2, layers);
    }

    double[][] sn2() {
        return NoiseSpec.parse(sn2, workers, layers);
    }

    /** @return the source arguments, to start a worker process with the same source */
    java.util.List<String> asArgs() {
        return java.util.List.of("--workers", Integer.toString(workers), "--dim", Integer.toString(dim), "--layers",
                Integer.toString(layers), "--sx2", sx2, "--sn2", sn2, "--codec", codec, "--seed", Long.toString(seed),
                "--replay", Integer.toString(replay));
    }
}
