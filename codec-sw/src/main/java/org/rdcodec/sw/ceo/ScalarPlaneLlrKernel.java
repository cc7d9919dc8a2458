package org.rdcodec.sw.ceo;

/**
 * {@link PlaneLlrKernel} in plain Java: {@link BitPlaneModel#edgeCdf} and the halves' LLR per coordinate, equal to
 * {@link BitPlaneModel#llr} bit for bit (the reference).
 */
public final class ScalarPlaneLlrKernel implements PlaneLlrKernel {

    /** Creates the kernel. */
    public ScalarPlaneLlrKernel() {
    }

    @Override
    public void llrs(final BitPlaneModel model, final int plane, final int[] r, final float[] u, final double step,
            final double[] mu, final double s, final int n, final PlaneEdges lo, final PlaneEdges mid,
            final PlaneEdges hi, final float[] out) {
        mid.ensure(n);
        final long half = 1L << plane;
        final double[] e = new double[3];
        for (int i = 0; i < n; i++) {
            final long r0 = plane + 1 >= 31 ? 0 : (long) (r[i] >>> (plane + 1)) << (plane + 1);
            BitPlaneModel.edgeCdf(model.edge(r0 + half, u[i], step, mu[i], s), e, 0);
            mid.z[i] = e[0];
            mid.pos[i] = e[1];
            mid.neg[i] = e[2];
            out[i] = model.halvesLlr(lo.z[i], lo.pos[i], lo.neg[i], e[0], e[1], e[2], hi.z[i], hi.pos[i], hi.neg[i],
                    plane, r0, u[i], step, mu[i], s);
        }
    }

    @Override
    public void descend(final int plane, final int[] r, final int n, final PlaneEdges lo, final PlaneEdges mid,
            final PlaneEdges hi) {
        for (int i = 0; i < n; i++) {
            final PlaneEdges to = ((r[i] >>> plane) & 1) == 0 ? hi : lo;
            to.z[i] = mid.z[i];
            to.pos[i] = mid.pos[i];
            to.neg[i] = mid.neg[i];
        }
    }
}
