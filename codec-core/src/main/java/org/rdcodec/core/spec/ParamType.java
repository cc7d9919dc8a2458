package org.rdcodec.core.spec;

/** The value type of a codec parameter. */
public enum ParamType {
    /** A finite double. */
    DOUBLE,
    /** A 32-bit integer. */
    INT,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One of a fixed set of words. */
    CHOICE
}
