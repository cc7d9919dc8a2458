package org.rdcodec.cli;

import java.util.concurrent.Callable;

import org.rdcodec.core.layout.GradientLayout;
import org.rdcodec.train.FashionMnist;
import org.rdcodec.train.Mlp;
import org.rdcodec.transport.GradientSource;
import org.rdcodec.transport.RoundCodecs;
import org.rdcodec.transport.TransportConfig;
import org.rdcodec.transport.TransportDriver;
import org.rdcodec.transport.TransportWorker;
import org.rdcodec.transport.WorkerFaults;
import org.rdcodec.transport.WorkerSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rdc worker}: one worker process replaying its share of the Gaussian CEO source, or training the Fashion-MNIST MLP. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "One worker over Aeron: encode its gradient of every announced round (Y_k = X + N_k, or --mnist) and send the frame.")
final class WorkerCommand implements Callable<Integer> {

    @Mixin
    SourceOptions source;

    @Mixin
    TransportOptions transport;

    @Mixin
    MlpOptions mlp;

    @Option(names = "--worker", required = true, description = "this worker's index k in 0..K-1")
    int worker;

    @Option(names = "--quiet", description = "print nothing on success")
    boolean quiet;

    @Option(names = "--corrupt-round", defaultValue = "-1", hidden = true, description = "fault: flip a byte of this round's frame")
    long corruptRound;

    @Option(names = "--late-round", defaultValue = "-1", hidden = true, description = "fault: send this round's frame late")
    long lateRound;

    @Option(names = "--late-ms", defaultValue = "0", hidden = true, description = "fault: by this many ms")
    long lateMs;

    @Override
    public Integer call() {
        final GradientLayout layout = mlp.mnist ? Mlp.layoutOf(mlp.sizes()) : source.layout();
        if (worker < 0 || worker >= source.workers) {
            throw new CliInputException("--worker " + worker + " is not in 0.." + (source.workers - 1));
        }
        final TransportConfig config = transport.resolve();
        final GradientSource gradients = mlp.mnist
                ? new MlpWorkerSource(mlp, FashionMnist.load(mlp.data).train(), source.workers, worker, source.seed)
                : new WorkerGaussianSource(layout, source.sx2(), source.sn2()[worker], worker, source.seed, source.replay);
        final WorkerSummary s;
        try (TransportDriver driver = TransportDriver.start(config);
             TransportWorker w = new TransportWorker(driver.aeron(), config, worker, layout,
                     RoundCodecs.worker(source.codec, layout, worker, source.workers, source.seed), source.seed,
                     gradients).faults(new WorkerFaults(corruptRound, lateRound, lateMs))) {
            s = w.run();
        }
        if (!quiet) {
            System.out.println("worker " + worker + ": " + s);
        }
        return 0;
    }
}
