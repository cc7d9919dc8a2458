package org.rdcodec.cli;

import org.rdcodec.core.buffer.GradientBuffer;
import org.rdcodec.train.LabeledImages;
import org.rdcodec.train.Mlp;
import org.rdcodec.train.MomentumSgd;

/** The server's copy of the model: the same steps as every worker's replica, evaluated on the test set. */
final class MlpReplica {

    private final Mlp mlp;
    private final MomentumSgd sgd;
    private final LabeledImages test;
    private final int testSize;
    private final float[] step;

    MlpReplica(final MlpOptions o, final LabeledImages test, final long seed) {
        this.mlp = o.newModel(seed);
        this.sgd = new MomentumSgd(mlp.layout().totalSize(), o.lr, o.momentum);
        this.test = test;
        this.testSize = Math.min(o.testSize, test.count());
        this.step = new float[mlp.layout().totalSize()];
    }

    void step(final GradientBuffer estimate) {
        estimate.copyTo(0, step, 0, step.length);
        sgd.step(mlp.parameters(), step);
    }

    double accuracy() {
        return mlp.evaluate(test, 0, testSize).accuracy();
    }
}
