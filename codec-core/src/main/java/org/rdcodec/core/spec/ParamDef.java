package org.rdcodec.core.spec;

import java.util.List;
import java.util.Locale;

/**
 * One parameter of a codec: name, type, default (null when the parameter is optional and has none),
 * the allowed range, and a one-line description for {@code rdc codecs}.
 *
 * @param name the key in a spec, e.g. {@code step}
 * @param type value type
 * @param defaultValue canonical default value, or null if optional without a default
 * @param min smallest allowed numeric value (inclusive unless {@code minExclusive})
 * @param minExclusive whether {@code min} itself is excluded
 * @param max largest allowed numeric value (inclusive)
 * @param choices the allowed words for {@link ParamType#CHOICE}
 * @param description what it does
 */
public record ParamDef(String name, ParamType type, String defaultValue, double min, boolean minExclusive,
        double max, List<String> choices, String description) {

    /**
     * A positive double, optional without default.
     *
     * @param name key
     * @param description what it does
     * @return the definition
     */
    public static ParamDef positive(final String name, final String description) {
        return new ParamDef(name, ParamType.DOUBLE, null, 0, true, Double.MAX_VALUE, List.of(), description);
    }

    /**
     * A double in a range, with a default.
     *
     * @param name key
     * @param def default, or null
     * @param min inclusive minimum
     * @param max inclusive maximum
     * @param description what it does
     * @return the definition
     */
    public static ParamDef real(final String name, final String def, final double min, final double max, final String description) {
        return new ParamDef(name, ParamType.DOUBLE, def, min, false, max, List.of(), description);
    }

    /**
     * An integer in a range, with a default.
     *
     * @param name key
     * @param def default, or null
     * @param min inclusive minimum
     * @param max inclusive maximum
     * @param description what it does
     * @return the definition
     */
    public static ParamDef integer(final String name, final String def, final int min, final int max, final String description) {
        return new ParamDef(name, ParamType.INT, def, min, false, max, List.of(), description);
    }

    /**
     * A boolean with a default.
     *
     * @param name key
     * @param def default
     * @param description what it does
     * @return the definition
     */
    public static ParamDef flag(final String name, final boolean def, final String description) {
        return new ParamDef(name, ParamType.BOOLEAN, Boolean.toString(def), 0, false, 1, List.of(), description);
    }

    /**
     * One word of a fixed set.
     *
     * @param name key
     * @param def default, or null
     * @param choices the allowed words
     * @param description what it does
     * @return the definition
     */
    public static ParamDef choice(final String name, final String def, final List<String> choices, final String description) {
        return new ParamDef(name, ParamType.CHOICE, def, 0, false, 0, List.copyOf(choices), description);
    }

    /**
     * Checks a raw value and returns its canonical text.
     *
     * @param codec the codec name, for messages
     * @param raw the value as written
     * @return canonical text of the value
     * @throws SpecException if the value has the wrong type or is out of range
     */
    String canonical(final String codec, final String raw) {
        final String v = raw.trim();
        switch (type) {
            case DOUBLE -> {
                final double d;
                try {
                    d = Double.parseDouble(v);
                } catch (final NumberFormatException e) {
                    throw new SpecException(codec + ": parameter '" + name + "' must be a number, got '" + raw + "'");
                }
                checkRange(codec, d, raw);
                return Double.toString(d);
            }
            case INT -> {
                final int i;
                try {
                    i = Integer.parseInt(v);
                } catch (final NumberFormatException e) {
                    throw new SpecException(codec + ": parameter '" + name + "' must be an integer, got '" + raw + "'");
                }
                checkRange(codec, i, raw);
                return Integer.toString(i);
            }
            case BOOLEAN -> {
                final String lower = v.toLowerCase(Locale.ROOT);
                if (!lower.equals("true") && !lower.equals("false")) {
                    throw new SpecException(codec + ": parameter '" + name + "' must be true or false, got '" + raw + "'");
                }
                return lower;
            }
            case CHOICE -> {
                if (!choices.contains(v)) {
                    throw new SpecException(codec + ": parameter '" + name + "' must be one of " + choices + ", got '" + raw + "'");
                }
                return v;
            }
            default -> throw new IllegalStateException(type.toString());
        }
    }

    private void checkRange(final String codec, final double d, final String raw) {
        if (!Double.isFinite(d) || d < min || (minExclusive && d == min) || d > max) {
            throw new SpecException(codec + ": parameter '" + name + "' = " + raw.trim() + " is outside " + rangeText());
        }
    }

    /** @return the allowed range or choices, as text */
    public String rangeText() {
        return switch (type) {
            case BOOLEAN -> "true|false";
            case CHOICE -> String.join("|", choices);
            case INT -> "[" + (int) min + ", " + (int) max + "]";
            case DOUBLE -> (minExclusive ? "(" : "[") + fmt(min) + ", " + (max == Double.MAX_VALUE ? "inf" : fmt(max)) + "]";
        };
    }

    private static String fmt(final double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
