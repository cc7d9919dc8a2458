package org.rdcodec.core.quant;

import org.rdcodec.core.spec.CodecSpec;

/** Makes the codec a spec names. */
public final class Codecs {

    private Codecs() {
    }

    /**
     * @param spec a validated spec
     * @return a new codec instance (not thread-safe: one per thread)
     */
    public static GradientCodec create(final CodecSpec spec) {
        return switch (spec.name()) {
            case "identity" -> new IdentityCodec(spec);
            case "sign" -> new SignCodec(spec);
            case "dithered" -> new DitheredCodec(spec);
            case "qsgd" -> new QsgdCodec(spec);
            case "terngrad" -> new TernGradCodec(spec);
            case "natural" -> new NaturalCodec(spec);
            case "lloydmax" -> new LloydMaxCodec(spec);
            case "randk" -> new RandKCodec(spec);
            case "topk" -> new TopKCodec(spec);
            case "z" -> new LatticeCodec(spec, Lattice.Z);
            case "d4" -> new LatticeCodec(spec, Lattice.D4);
            case "e8" -> new LatticeCodec(spec, Lattice.E8);
            case "eden" -> new EdenCodec(spec);
            case "m22" -> new M22Codec(spec);
            case "sparse-dither" -> new SparseDitherCodec(spec);
            case "spherical" -> new SphericalCodec(spec);
            default -> throw new IllegalArgumentException("no implementation for codec '" + spec.name() + "'");
        };
    }

    /**
     * @param spec a spec in compact or JSON notation
     * @return a new codec instance
     */
    public static GradientCodec create(final String spec) {
        return create(CodecSpec.parse(spec));
    }
}
