package org.rdcodec.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One row of a JMH JSON result file ({@code -rf json}): a benchmark method with one set of parameters.
 *
 * @param benchmark fully qualified {@code Class.method}
 * @param mode JMH mode ({@code thrpt}, {@code avgt}, ...)
 * @param threads benchmark threads
 * @param params the @Param values, sorted by name
 * @param score the primary score in {@code unit}
 * @param error the 99.9% half-width in {@code unit}, NaN when JMH could not compute it (one iteration)
 * @param unit the score unit, e.g. {@code ops/s} or {@code us/op}
 */
record JmhResult(String benchmark, String mode, int threads, Map<String, String> params, double score, double error,
        String unit) {

    /** Name of the @Param holding the bytes of input per op. */
    static final String BYTES_PARAM = "bytes";
    /** Name of the @Param holding the float32 count of input per op (4 bytes each). */
    static final String FLOATS_PARAM = "floats";

    /** @return the benchmark class's simple name */
    String className() {
        final String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    /** @return {@code SimpleClass.method} */
    String shortName() {
        return className() + benchmark.substring(benchmark.lastIndexOf('.'));
    }

    /** @return the params as {@code k=v k=v}, or an empty string */
    String paramsText() {
        final StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    /** @return the score as operations per second (all threads together) */
    double opsPerSecond() {
        return toOpsPerSecond(score, unit);
    }

    /** @return the error as operations per second (same relative size as {@link #error()}) */
    double errorOpsPerSecond() {
        return opsPerSecond() * error / score;
    }

    /** @return bytes of input per op from the {@code bytes} or {@code floats} param, or -1 if neither is set */
    long bytesPerOp() {
        try {
            if (params.containsKey(BYTES_PARAM)) {
                return Long.parseLong(params.get(BYTES_PARAM));
            }
            if (params.containsKey(FLOATS_PARAM)) {
                return Math.multiplyExact(Long.parseLong(params.get(FLOATS_PARAM)), Float.BYTES);
            }
        } catch (final NumberFormatException e) {
            throw new ReportException(benchmark + ": param " + BYTES_PARAM + "/" + FLOATS_PARAM + " is not an integer: " + params);
        }
        return -1;
    }

    /** @return GB/s (1e9 bytes) of input per thread, or NaN if the bytes per op are unknown */
    double gigabytesPerSecondPerThread() {
        final long bytes = bytesPerOp();
        return bytes < 0 ? Double.NaN : bytes * opsPerSecond() / threads / 1e9;
    }

    /**
     * Converts a JMH score to ops/s.
     *
     * @param score the score
     * @param unit {@code ops/<time>} or {@code <time>/op}
     * @return operations per second
     */
    static double toOpsPerSecond(final double score, final String unit) {
        final int slash = unit.indexOf('/');
        if (slash < 0) {
            throw new ReportException("unknown score unit '" + unit + "'");
        }
        final String left = unit.substring(0, slash);
        final String right = unit.substring(slash + 1);
        if (left.equals("ops")) {
            return score / seconds(right, unit);
        }
        if (right.equals("op")) {
            return 1.0 / (score * seconds(left, unit));
        }
        throw new ReportException("unknown score unit '" + unit + "'");
    }

    private static double seconds(final String timeUnit, final String unit) {
        return switch (timeUnit) {
            case "ns" -> 1e-9;
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1.0;
            case "min" -> 60.0;
            case "hr" -> 3600.0;
            default -> throw new ReportException("unknown time unit '" + timeUnit + "' in score unit '" + unit + "'");
        };
    }

    /**
     * One JMH JSON file: its run settings and its rows.
     *
     * @param file the file name
     * @param setup JDK, VM, JMH version and iteration settings, for the reader
     * @param results the rows, in file order
     */
    record Run(String file, String setup, List<JmhResult> results) {
    }

    /**
     * Reads a JMH JSON result file.
     *
     * @param file the file
     * @return its rows
     * @throws ReportException if it is not a JMH JSON result array
     */
    static Run read(final Path file) {
        final JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (final IOException e) {
            throw new ReportException(file + ": not readable as JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new ReportException(file + ": expected a JMH result array (java -jar benchmarks.jar -rf json)");
        }
        final List<JmhResult> rows = new ArrayList<>();
        String setup = "";
        for (int i = 0; i < root.size(); i++) {
            final JsonNode r = root.get(i);
            final String where = file + ": result " + i;
            final JsonNode primary = required(r, "primaryMetric", where);
            final Map<String, String> params = new TreeMap<>();
            final JsonNode p = r.get("params");
            if (p != null) {
                for (final Map.Entry<String, JsonNode> e : p.properties()) {
                    params.put(e.getKey(), e.getValue().asText());
                }
            }
            rows.add(new JmhResult(required(r, "benchmark", where).asText(), required(r, "mode", where).asText(),
                    r.path("threads").asInt(1), Collections.unmodifiableMap(params),
                    number(required(primary, "score", where), where + " score"),
                    number(primary.path("scoreError"), where + " scoreError"),
                    required(primary, "scoreUnit", where).asText()));
            if (i == 0) {
                setup = "JDK " + r.path("jdkVersion").asText("?") + " (" + r.path("vmName").asText("?") + " "
                        + r.path("vmVersion").asText("?") + "), JMH " + r.path("jmhVersion").asText("?")
                        + ", forks " + r.path("forks").asText("?")
                        + ", warmup " + r.path("warmupIterations").asText("?") + " x " + r.path("warmupTime").asText("?")
                        + ", measurement " + r.path("measurementIterations").asText("?") + " x "
                        + r.path("measurementTime").asText("?");
            }
        }
        return new Run(file.getFileName().toString(), setup, List.copyOf(rows));
    }

    private static JsonNode required(final JsonNode node, final String field, final String where) {
        final JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new ReportException(where + ": missing field '" + field + "'");
        }
        return v;
    }

    /** JMH writes NaN as the string "NaN"; anything else must be a number. */
    private static double number(final JsonNode v, final String where) {
        if (v.isMissingNode() || v.isNull()) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        final String text = v.asText();
        if (text.equals("NaN")) {
            return Double.NaN;
        }
        throw new ReportException(where + ": not a number: '" + text + "'");
    }
}
