package org.rdcodec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rdcodec.train.FashionMnist;
import org.rdcodec.train.Mlp;

import picocli.CommandLine.Option;

/**
 * {@code --mnist}: the workers train the Fashion-MNIST MLP instead of replaying the Gaussian source. Every
 * process builds the same initial model from the seed; each worker computes the gradient of a local batch
 * of its own shard and steps its replica with momentum SGD on every broadcast estimate, as the server does
 * on its replica, which it evaluates.
 */
final class MlpOptions {

    @Option(names = "--mnist", description = "train the Fashion-MNIST MLP (784-hidden-10) instead of the Gaussian source")
    boolean mnist;

    @Option(names = "--data", description = "Fashion-MNIST directory (default " + "/usr/share/datasets/fashion-mnist)")
    Path data = FashionMnist.DEFAULT_DIR;

    @Option(names = "--batch", defaultValue = "128", description = "--mnist: local batch size (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "0.01", description = "--mnist: learning rate (default ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--momentum", defaultValue = "0.5", description = "--mnist: momentum (default ${DEFAULT-VALUE})")
    double momentum;

    @Option(names = "--hidden", defaultValue = "256,128", split = ",", description = "--mnist: hidden widths (default ${DEFAULT-VALUE})")
    int[] hidden;

    @Option(names = "--eval-every", defaultValue = "20", description = "--mnist: rounds between test evaluations at the server (default ${DEFAULT-VALUE})")
    int evalEvery;

    @Option(names = "--test-size", defaultValue = "10000", description = "--mnist: test examples evaluated (default ${DEFAULT-VALUE})")
    int testSize;

    int[] sizes() {
        final int[] s = new int[hidden.length + 2];
        s[0] = 28 * 28;
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = FashionMnist.CLASSES;
        return s;
    }

    Mlp newModel(final long seed) {
        return Mlp.create(sizes(), seed);
    }

    /** @return the arguments that give a worker process the same options */
    List<String> asArgs() {
        final List<String> a = new ArrayList<>();
        if (!mnist) {
            return a;
        }
        final StringBuilder h = new StringBuilder();
        for (final int w : hidden) {
            h.append(h.isEmpty() ? "" : ",").append(w);
        }
        a.addAll(List.of("--mnist", "--data", data.toString(), "--batch", Integer.toString(batch), "--lr", Double.toString(lr),
                "--momentum", Double.toString(momentum), "--hidden", h.toString()));
        return a;
    }
}
