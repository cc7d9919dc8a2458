package org.rdcodec.cli;

import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.train.LabeledImages;
import org.rdcodec.train.Mlp;
import org.rdcodec.train.MomentumSgd;
import org.rdcodec.train.Shards;
import org.rdcodec.transport.GradientSource;

/**
 * A worker training the MLP: its gradient is the mean gradient of the next local batch of its shard at its
 * replica's parameters; every estimate the server broadcasts is a momentum-SGD step of the replica. With the
 * identity downlink every replica (and the server's) stays bit for bit the same.
 */
final class MlpWorkerSource implements GradientSource {

    private final Mlp mlp;
    private final MomentumSgd sgd;
    private final Shards shards;
    private final LabeledImages train;
    private final int worker;
    private final int batch;
    private final int[] idx;
    private final float[] grad;
    private final float[] step;

    MlpWorkerSource(final MlpOptions o, final LabeledImages train, final int workers, final int worker, final long seed) {
        this.mlp = o.newModel(seed);
        this.sgd = new MomentumSgd(mlp.layout().totalSize(), o.lr, o.momentum);
        this.shards = new Shards(train.count(), workers, o.batch, seed);
        this.train = train;
        this.worker = worker;
        this.batch = o.batch;
        this.idx = new int[o.batch];
        this.grad = new float[mlp.layout().totalSize()];
        this.step = new float[grad.length];
    }

    @Override
    public void gradient(final long round, final GradientBuffer out) {
        shards.nextBatch(worker, batch, idx, 0);
        mlp.gradient(train, idx, 0, batch, grad);
        out.copyFrom(grad);
    }

    @Override
    public void estimate(final long round, final GradientBuffer estimate, final int workersUsed) {
        estimate.copyTo(0, step, 0, step.length);
        sgd.step(mlp.parameters(), step);
    }
}
