package org.rdcodec.train;

/**
 * SGD with heavy-ball momentum, as the paper trains: {@code v = mu v + g}, {@code w = w - lr v}
 * (both as float fma, so the update is deterministic).
 */
public final class MomentumSgd {

    private final float lr;
    private final float momentum;
    private final float[] velocity;

    /**
     * @param size number of parameters
     * @param lr learning rate, &gt; 0
     * @param momentum momentum, in [0, 1)
     */
    public MomentumSgd(final int size, final double lr, final double momentum) {
        if (!(lr > 0) || !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("learning rate must be > 0 and momentum in [0, 1): lr=" + lr + " momentum=" + momentum);
        }
        this.lr = (float) lr;
        this.momentum = (float) momentum;
        this.velocity = new float[size];
    }

    /**
     * One step on the gradient estimate.
     *
     * @param params parameters, updated in place
     * @param grad the estimate of the gradient
     */
    public void step(final float[] params, final float[] grad) {
        for (int i = 0; i < params.length; i++) {
            velocity[i] = Math.fma(momentum, velocity[i], grad[i]);
            params[i] = Math.fma(-lr, velocity[i], params[i]);
        }
    }
}
