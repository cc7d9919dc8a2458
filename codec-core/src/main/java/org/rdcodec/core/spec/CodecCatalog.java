package org.rdcodec.core.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Every codec rdcodec knows, with its parameters: the single source for spec validation, frame codec
 * ids and {@code rdc codecs}. Wire ids are permanent: append new codecs, never renumber.
 */
public final class CodecCatalog {

    private static final List<CodecDefinition> CODECS = List.of(
            new CodecDefinition("identity", 1, true, "lossless float32 (reference; 32 bits per coordinate)",
                    List.of(), List.of()),
            new CodecDefinition("sign", 2, false, "1 bit per coordinate, per-layer scale (SignSGD); biased",
                    List.of(ParamDef.choice("scale", "gaussian", List.of("gaussian", "meanabs"),
                                    "gaussian: sqrt(2/pi)*sigma (the paper's SignSGD); meanabs: mean |x| (MSE-optimal for signs)"),
                            ParamDef.flag("ef", false, "error feedback: keep the residual at the encoder and add it next round")),
                    List.of()),
            new CodecDefinition("dithered", 3, true,
                    "subtractive dithered uniform scalar quantizer + rANS; shared-seed dither, error uniform with variance step^2/12",
                    List.of(ParamDef.positive("step", "quantizer step Delta (absolute)"),
                            ParamDef.positive("distortion", "target per-coordinate quantization MSE per layer: step = sqrt(12 D)"),
                            ParamDef.positive("relstep", "step as a multiple of the layer's standard deviation")),
                    List.of(List.of("step", "distortion", "relstep"))),
            new CodecDefinition("qsgd", 4, true, "QSGD: s levels of |x|/||x|| per layer with stochastic rounding + rANS",
                    List.of(ParamDef.integer("levels", "4", 1, 1 << 20, "number of levels s")),
                    List.of()),
            new CodecDefinition("terngrad", 5, true, "TernGrad: {-1, 0, 1} * max|x| per layer, stochastic rounding + rANS",
                    List.of(), List.of()),
            new CodecDefinition("natural", 6, true, "natural compression: stochastic rounding to powers of two (sign + exponent) + rANS",
                    List.of(), List.of()),
            new CodecDefinition("lloydmax", 7, false, "Gaussian Lloyd-Max levels scaled by the layer's sigma; biased",
                    List.of(ParamDef.integer("bits", "2", 1, 4, "bits per coordinate (1..4)")),
                    List.of()),
            new CodecDefinition("randk", 8, true, "random-k sparsification with shared-seed indices, scaled by 1/fraction",
                    // the shared mask draws 24-bit uniforms, so the smallest keep probability it can realise is 2^-24
                    List.of(ParamDef.real("fraction", "0.1", 0x1p-24, 1.0, "fraction of coordinates kept (>= 2^-24)")),
                    List.of()),
            new CodecDefinition("topk", 9, false, "top-k sparsification by magnitude (indices sent); biased",
                    List.of(ParamDef.real("fraction", "0.1", Double.MIN_VALUE, 1.0, "fraction of coordinates kept"),
                            ParamDef.flag("ef", true, "error feedback")),
                    List.of()),
            lattice("z", 10, "Z^n"),
            lattice("d4", 11, "D4"),
            lattice("e8", 12, "E8"),
            new CodecDefinition("eden", 13, true,
                    "EDEN: randomized Hadamard rotation + Gaussian Lloyd-Max levels + unbiased scale ||x||^2/<levels, Rx> + rANS",
                    List.of(ParamDef.integer("bits", "1", 1, 4, "bits per coordinate (1..4)")),
                    List.of()),
            new CodecDefinition("m22", 14, false,
                    "M22: per-layer ML fit (gennorm or Weibull), quantizer minimising E|g|^M (g - q)^2 under the fit + rANS; biased",
                    List.of(ParamDef.choice("family", "gennorm", List.of("gennorm", "weibull"), "law fitted to the layer's values"),
                            ParamDef.real("m", "0.0", 0, 8, "weight exponent M of the distortion |g|^M (g - ghat)^2"),
                            ParamDef.integer("bits", "2", 1, 6, "bits per coordinate: 2^bits levels"),
                            ParamDef.choice("rounding", "nearest", List.of("nearest", "stochastic"),
                                    "nearest level (M22), or stochastic rounding between the two levels around x (unbiased inside the outer levels)"),
                            ParamDef.integer("fitsamples", "65536", 16, 1 << 30, "most values of a layer the fit uses (pseudo-random sample of max(4096, n/16) up to this)")),
                    List.of()),
            new CodecDefinition("sparse-dither", 15, true,
                    "sparse dithering: shared-seed random mask (keep probability p), kept coordinates dithered on a grid "
                            + "(step ||x||/levels, or step x RMS), scaled 1/p + rANS",
                    // the shared mask draws 24-bit uniforms, so the smallest keep probability it can realise is 2^-24
                    List.of(ParamDef.real("fraction", "0.25", 0x1p-24, 1.0, "keep probability p (>= 2^-24)"),
                            ParamDef.integer("levels", "1", 1, 1 << 20, "dithering levels s of |x_i| / ||x|| (grid step ||x|| / s; used when step = 0)"),
                            ParamDef.real("step", "0.0", 0, 1024, "grid step in units of the layer RMS ||x|| / sqrt(n); 0: use levels"),
                            ParamDef.choice("rounding", "stochastic", List.of("stochastic", "subtractive"),
                                    "stochastic rounding of |x_i| (the original form), or subtractive dither (error uniform, variance step^2 / 12)")),
                    List.of()),
            new CodecDefinition("spherical", 16, true,
                    "spherical compression: per block, the first shared-seed random direction inside a cap around the block's direction "
                            + "(index rANS coded) + unbiased stochastic norm",
                    List.of(ParamDef.integer("dim", "8", 2, 32, "block dimension n"),
                            ParamDef.real("bits", "1.0", 0.0625, 2.5, "cap size: P(cap) = 2^-(bits * dim), bits * dim <= 20"),
                            ParamDef.integer("normlevels", "2", 1, 1 << 16, "norm grid: step = RMS block norm / normlevels (2 was the best of 2, 4, 16, 64 measured at dim 8)")),
                    List.of()));

    /** A subtractive dithered lattice quantizer's definition (the step scales the lattice of unit cell volume). */
    private static CodecDefinition lattice(final String name, final int wireId, final String lattice) {
        return new CodecDefinition(name, wireId, true, "subtractive dithered " + lattice
                + " lattice quantizer + rANS of the points; error uniform on the cell, variance G step^2 per coordinate",
                List.of(ParamDef.positive("step", "lattice scale s (the lattice of unit cell volume times s)"),
                        ParamDef.positive("distortion", "target per-coordinate MSE per layer: s = sqrt(D / G)"),
                        ParamDef.positive("relstep", "s as a multiple of the layer's standard deviation"),
                        ParamDef.choice("rot", "none", List.of("none", "hadamard"), "randomized Hadamard rotation before quantizing")),
                List.of(List.of("step", "distortion", "relstep")));
    }

    private CodecCatalog() {
    }

    /** @return every codec definition, in wire-id order */
    public static List<CodecDefinition> all() {
        return CODECS;
    }

    /**
     * @param name a spec name
     * @return its definition
     * @throws SpecException naming the valid codecs if there is none
     */
    public static CodecDefinition byName(final String name) {
        for (final CodecDefinition c : CODECS) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new SpecException("unknown codec '" + name + "'; valid codecs: " + String.join(", ", names()));
    }

    /**
     * @param wireId an id read from a frame
     * @return its definition
     * @throws SpecException if no codec has that id
     */
    public static CodecDefinition byWireId(final int wireId) {
        for (final CodecDefinition c : CODECS) {
            if (c.wireId() == wireId) {
                return c;
            }
        }
        throw new SpecException("unknown codec id " + wireId + "; valid ids: 1.." + CODECS.get(CODECS.size() - 1).wireId());
    }

    /** @return the codec names */
    public static List<String> names() {
        final List<String> n = new ArrayList<>();
        for (final CodecDefinition c : CODECS) {
            n.add(c.name());
        }
        return n;
    }
}
