package org.rdcodec.core.stats;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FitMomentsKernel} on the Vector API: the lanewise EXP and LOG (the platform's vector math library
 * where there is one) on {@value #UNROLL} independent double vectors per step, S1 by fused multiply-add, lanes
 * reduced once at the end; the last {@code m mod (UNROLL * LANES)} values go through the scalar loop. All
 * sums stay in double, so the error bound is the interface's.
 */
public final class PanamaFitMomentsKernel implements FitMomentsKernel {

    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    /** Lanes of the preferred double species on this JVM. */
    public static final int LANES = DOUBLES.length();
    /** Vectors per step: two independent accumulator pairs hide the add latency behind EXP. */
    public static final int UNROLL = 2;

    private static final int STEP = UNROLL * LANES;

    /** Creates the kernel (stateless; the provider shares one instance). */
    public PanamaFitMomentsKernel() {
    }

    @Override
    public void moments(final double[] logs, final int m, final double p, final double[] out) {
        DoubleVector a0 = DoubleVector.zero(DOUBLES);
        DoubleVector a1 = a0;
        DoubleVector b0 = a0;
        DoubleVector b1 = a0;
        final int vectorized = m - m % STEP;
        for (int i = 0; i < vectorized; i += STEP) {
            final DoubleVector l0 = DoubleVector.fromArray(DOUBLES, logs, i);
            final DoubleVector l1 = DoubleVector.fromArray(DOUBLES, logs, i + LANES);
            final DoubleVector w0 = l0.mul(p).lanewise(VectorOperators.EXP);
            final DoubleVector w1 = l1.mul(p).lanewise(VectorOperators.EXP);
            a0 = a0.add(w0);
            a1 = a1.add(w1);
            b0 = w0.fma(l0, b0);
            b1 = w1.fma(l1, b1);
        }
        out[0] = sumLanesInOrder(a0.add(a1));
        out[1] = sumLanesInOrder(b0.add(b1));
        ScalarFitMomentsKernel.addMoments(logs, vectorized, m, p, out);
    }

    /**
     * ((v_0 + v_1) + v_2) + ... in lane order: {@code reduceLanes(ADD)} leaves the order open and the JIT tiers pick
     * different ones, which would make the fit depend on JIT state in the last bits.
     */
    private static double sumLanesInOrder(final DoubleVector v) {
        double sum = v.lane(0);
        for (int i = 1; i < v.length(); i++) {
            sum += v.lane(i);
        }
        return sum;
    }

    @Override
    public double logs(final double[] values, final int m) {
        DoubleVector a0 = DoubleVector.zero(DOUBLES);
        DoubleVector a1 = a0;
        final int vectorized = m - m % STEP;
        for (int i = 0; i < vectorized; i += STEP) {
            final DoubleVector l0 = DoubleVector.fromArray(DOUBLES, values, i).lanewise(VectorOperators.LOG);
            final DoubleVector l1 = DoubleVector.fromArray(DOUBLES, values, i + LANES).lanewise(VectorOperators.LOG);
            l0.intoArray(values, i);
            l1.intoArray(values, i + LANES);
            a0 = a0.add(l0);
            a1 = a1.add(l1);
        }
        double sum = sumLanesInOrder(a0.add(a1));
        for (int i = vectorized; i < m; i++) {
            final double l = Math.log(values[i]);
            values[i] = l;
            sum += l;
        }
        return sum;
    }
}
