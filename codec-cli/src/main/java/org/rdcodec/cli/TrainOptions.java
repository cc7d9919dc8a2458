package org.rdcodec.cli;

import java.nio.file.Path;

import org.rdcodec.train.FashionMnist;
import org.rdcodec.train.TrainConfig;

import picocli.CommandLine.Option;

/** Training options shared by {@code rdc train} and {@code rdc train-sweep}; defaults are the paper's MLP setting. */
final class TrainOptions {

    @Option(names = "--workers", defaultValue = "10", description = "K workers (default ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--rounds", defaultValue = "1000", description = "rounds; with --target-accuracy the most rounds (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--target-accuracy", description = "stop at the first evaluation with this test accuracy, e.g. 0.8")
    Double target;

    @Option(names = "--seed", defaultValue = "1", description = "seed of weights, shards, batches, dither (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--batch", defaultValue = "128", description = "local batch size (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "0.01", description = "learning rate (default ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--momentum", defaultValue = "0.5", description = "momentum (default ${DEFAULT-VALUE})")
    double momentum;

    @Option(names = "--hidden", defaultValue = "256,128", split = ",", description = "hidden widths (default ${DEFAULT-VALUE})")
    int[] hidden;

    @Option(names = "--combine", defaultValue = "AUTO", description = "AUTO, MEAN or WEIGHTED (default ${DEFAULT-VALUE}: weighted for unbiased lossy codecs)")
    TrainConfig.Combine combine;

    @Option(names = "--train-size", defaultValue = "60000", description = "training examples used (default ${DEFAULT-VALUE})")
    int trainSize;

    @Option(names = "--ref-size", defaultValue = "10000", description = "examples of the reference gradient, a fixed random subset (default ${DEFAULT-VALUE})")
    int refSize;

    @Option(names = "--stats-every", defaultValue = "20", description = "rounds between reference-gradient measurements (default ${DEFAULT-VALUE})")
    int statsEvery;

    @Option(names = "--eval-every", defaultValue = "20", description = "rounds between test evaluations (default ${DEFAULT-VALUE})")
    int evalEvery;

    @Option(names = "--test-size", defaultValue = "10000", description = "test examples evaluated (default ${DEFAULT-VALUE})")
    int testSize;

    @Option(names = "--data", description = "folder with the Fashion-MNIST IDX .gz files (default /usr/share/datasets/fashion-mnist)")
    Path data = FashionMnist.DEFAULT_DIR;

    @Option(names = "--no-progress", description = "no progress bar")
    boolean noProgress;

    TrainConfig config(final String codec) {
        try {
            return new TrainConfig(workers, batch, lr, momentum, hidden, codec, combine, seed, trainSize, refSize, statsEvery, evalEvery, testSize,
                    rounds, target == null ? Double.NaN : target, Double.NaN);
        } catch (final IllegalArgumentException e) {
            throw new CliInputException(e.getMessage());
        }
    }
}
