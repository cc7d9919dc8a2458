package org.rdcodec.core.spec;

import java.util.List;

/**
 * A codec known to rdcodec: its spec name, its 16-bit wire id (written in every frame), whether its
 * estimate is unbiased, its parameters, and a rule over parameters that must hold together.
 *
 * @param name spec name, e.g. {@code dithered}
 * @param wireId the id in frames; never reused for another codec
 * @param unbiased whether E[decoded | input] = input
 * @param description one line for {@code rdc codecs}
 * @param params its parameters, in canonical order
 * @param exclusiveGroups groups of parameters of which at most one may be given (e.g. step | distortion)
 */
public record CodecDefinition(String name, int wireId, boolean unbiased, String description, List<ParamDef> params,
        List<List<String>> exclusiveGroups) {

    /**
     * @param key a parameter name
     * @return its definition, or null
     */
    public ParamDef param(final String key) {
        for (final ParamDef p : params) {
            if (p.name().equals(key)) {
                return p;
            }
        }
        return null;
    }

    /** @return the parameter names, in canonical order */
    public List<String> paramNames() {
        return params.stream().map(ParamDef::name).toList();
    }
}
