package org.rdcodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class SwCommandTest {

    private static JsonNode run(final String... args) throws Exception {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream old = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Rdc.commandLine().execute(args));
        } finally {
            System.setOut(old);
        }
        return new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void feedbackFreeReportsMeasuredFigures() throws Exception {
        final JsonNode out = run("sw", "--n", "2048", "--p", "0.05", "--trials", "4", "--json");
        assertEquals(0, out.get("falseSuccesses").asInt());
        assertTrue(out.get("successRate").asDouble() >= 0 && out.get("successRate").asDouble() <= 1);
        assertTrue(out.get("meanRateOverEntropy").asDouble() > 1, "rate above entropy");
        assertTrue(out.get("decodeMbitPerSecond").asDouble() > 0);
        assertEquals("feedback-free", out.get("mode").asText());
    }

    @Test
    void rateAdaptiveAndFloodingRun() throws Exception {
        final JsonNode out = run("sw", "--n", "2048", "--p", "0.11", "--trials", "2", "--rate-adaptive",
                "--schedule", "flooding", "--json");
        assertEquals("rate-adaptive", out.get("mode").asText());
        assertEquals(0, out.get("falseSuccesses").asInt());
    }

    @Test
    void badScheduleIsAnError() {
        final var cl = Rdc.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, cl.execute("sw", "--n", "1024", "--trials", "1", "--schedule", "zigzag"));
    }
}
