package org.rdcodec.core.spec;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An immutable, validated codec spec: a codec name and its parameters with defaults filled in.
 *
 * <p>Two equivalent notations parse to the same spec:
 * <ul>
 *   <li>compact: {@code dithered:step=0.5}, {@code qsgd:levels=4}, {@code sign:ef=true,scale=meanabs};</li>
 *   <li>JSON: {@code {"codec": "dithered", "step": 0.5}}.</li>
 * </ul>
 * Unknown codecs or parameters, values of the wrong type or range, and parameters that exclude each
 * other raise {@link SpecException} listing the valid choices. {@link #toString()} is the canonical
 * compact form (parameters in definition order, defaults included), which frames carry.
 */
public final class CodecSpec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CodecDefinition definition;
    private final Map<String, String> params;

    private CodecSpec(final CodecDefinition definition, final Map<String, String> given) {
        this.definition = definition;
        for (final String key : given.keySet()) {
            if (definition.param(key) == null) {
                throw new SpecException(definition.name() + ": unknown parameter '" + key + "'; valid parameters: "
                        + (definition.params().isEmpty() ? "(none)" : String.join(", ", definition.paramNames())));
            }
        }
        for (final var group : definition.exclusiveGroups()) {
            final long present = group.stream().filter(given::containsKey).count();
            if (present > 1) {
                throw new SpecException(definition.name() + ": give at most one of " + String.join(", ", group));
            }
        }
        final Map<String, String> canonical = new LinkedHashMap<>();
        for (final ParamDef p : definition.params()) {
            final String raw = given.get(p.name());
            if (raw != null) {
                canonical.put(p.name(), p.canonical(definition.name(), raw));
            } else if (p.defaultValue() != null) {
                canonical.put(p.name(), p.defaultValue());
            }
        }
        this.params = Collections.unmodifiableMap(canonical);
    }

    /**
     * Parses the compact notation {@code name[:key=value[,key=value...]]}.
     *
     * @param text the spec
     * @return the validated spec
     * @throws SpecException if it is malformed or invalid
     */
    public static CodecSpec parse(final String text) {
        Objects.requireNonNull(text, "spec");
        final String t = text.trim();
        if (t.startsWith("{")) {
            return fromJson(t);
        }
        final int colon = t.indexOf(':');
        final String name = (colon < 0 ? t : t.substring(0, colon)).trim();
        if (name.isEmpty()) {
            throw new SpecException("empty codec spec; valid codecs: " + String.join(", ", CodecCatalog.names()));
        }
        final CodecDefinition def = CodecCatalog.byName(name);
        final Map<String, String> given = new LinkedHashMap<>();
        if (colon >= 0) {
            final String rest = t.substring(colon + 1).trim();
            if (!rest.isEmpty()) {
                for (final String pair : rest.split(",", -1)) {
                    final int eq = pair.indexOf('=');
                    if (eq <= 0 || eq == pair.length() - 1) {
                        throw new SpecException(name + ": expected key=value, got '" + pair.trim() + "' in '" + text + "'");
                    }
                    final String key = pair.substring(0, eq).trim();
                    if (given.put(key, pair.substring(eq + 1).trim()) != null) {
                        throw new SpecException(name + ": parameter '" + key + "' given twice");
                    }
                }
            }
        }
        return new CodecSpec(def, given);
    }

    /**
     * Parses the JSON notation: an object with {@code codec} and the parameters as fields.
     *
     * @param json the spec as JSON
     * @return the validated spec
     * @throws SpecException if it is malformed or invalid
     */
    public static CodecSpec fromJson(final String json) {
        final JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (final JsonProcessingException e) {
            throw new SpecException("codec spec is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new SpecException("codec spec JSON must be an object like {\"codec\": \"dithered\", \"step\": 0.5}");
        }
        final JsonNode codec = node.get("codec");
        if (codec == null || !codec.isTextual()) {
            throw new SpecException("codec spec JSON needs a string field 'codec'; valid codecs: " + String.join(", ", CodecCatalog.names()));
        }
        final CodecDefinition def = CodecCatalog.byName(codec.asText());
        final Map<String, String> given = new LinkedHashMap<>();
        final Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        while (it.hasNext()) {
            final Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("codec")) {
                continue;
            }
            if (!e.getValue().isValueNode()) {
                throw new SpecException(def.name() + ": parameter '" + e.getKey() + "' must be a number, boolean or string");
            }
            given.put(e.getKey(), e.getValue().asText());
        }
        return new CodecSpec(def, given);
    }

    /**
     * A spec for a codec with some parameters.
     *
     * @param name codec name
     * @param params parameters as text
     * @return the validated spec
     */
    public static CodecSpec of(final String name, final Map<String, String> params) {
        return new CodecSpec(CodecCatalog.byName(name), params);
    }

    /** @return the codec's definition */
    public CodecDefinition definition() {
        return definition;
    }

    /** @return the codec name */
    public String name() {
        return definition.name();
    }

    /** @return the canonical parameters (defaults included), in definition order */
    public Map<String, String> params() {
        return params;
    }

    /**
     * @param key a parameter name
     * @return whether it has a value (given or default)
     */
    public boolean has(final String key) {
        return params.containsKey(key);
    }

    /**
     * @param key a DOUBLE parameter
     * @return its value
     */
    public double getDouble(final String key) {
        return Double.parseDouble(require(key));
    }

    /**
     * @param key an INT parameter
     * @return its value
     */
    public int getInt(final String key) {
        return Integer.parseInt(require(key));
    }

    /**
     * @param key a BOOLEAN parameter
     * @return its value
     */
    public boolean getBoolean(final String key) {
        return Boolean.parseBoolean(require(key));
    }

    /**
     * @param key any parameter
     * @return its canonical text
     */
    public String getString(final String key) {
        return require(key);
    }

    private String require(final String key) {
        final String v = params.get(key);
        if (v == null) {
            if (definition.param(key) == null) {
                throw new SpecException(definition.name() + ": no parameter '" + key + "'");
            }
            throw new SpecException(definition.name() + ": parameter '" + key + "' is not set");
        }
        return v;
    }

    /** @return the spec as a JSON object string */
    public String toJson() {
        final ObjectNode o = JSON.createObjectNode();
        o.put("codec", definition.name());
        for (final Map.Entry<String, String> e : params.entrySet()) {
            switch (definition.param(e.getKey()).type()) {
                case DOUBLE -> o.put(e.getKey(), Double.parseDouble(e.getValue()));
                case INT -> o.put(e.getKey(), Integer.parseInt(e.getValue()));
                case BOOLEAN -> o.put(e.getKey(), Boolean.parseBoolean(e.getValue()));
                case CHOICE -> o.put(e.getKey(), e.getValue());
                default -> throw new IllegalStateException();
            }
        }
        return o.toString();
    }

    /** @return the canonical compact form, e.g. {@code dithered:step=0.5} */
    @Override
    public String toString() {
        if (params.isEmpty()) {
            return definition.name();
        }
        final StringBuilder sb = new StringBuilder(definition.name()).append(':');
        boolean first = true;
        for (final Map.Entry<String, String> e : params.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof CodecSpec s && s.definition.name().equals(definition.name()) && s.params.equals(params);
    }

    @Override
    public int hashCode() {
        return 31 * definition.name().hashCode() + params.hashCode();
    }
}
