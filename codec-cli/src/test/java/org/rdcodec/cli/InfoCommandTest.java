package org.rdcodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.rdcodec.core.simd.VectorizationProvider;

class InfoCommandTest {

    @Test
    void printsSpeciesProviderAndReason() {
        final PrintStream saved = System.out;
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            assertEquals(0, Rdc.commandLine().execute("info"));
        } finally {
            System.setOut(saved);
        }
        final String out = buf.toString(StandardCharsets.UTF_8);
        final VectorizationProvider p = VectorizationProvider.getInstance();
        assertTrue(out.contains("vector.species " + VectorizationProvider.preferredFloatSpecies()), out);
        assertTrue(out.contains("simd.provider  " + p.name()), out);
        assertTrue(out.contains("simd.reason    " + p.reason()), out);
    }
}
