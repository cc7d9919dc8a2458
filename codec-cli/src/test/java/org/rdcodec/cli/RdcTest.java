package org.rdcodec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class RdcTest {

    @Test
    void unknownSubcommandFailsWithNonZeroExitCode() {
        final StringWriter err = new StringWriter();
        final var cl = Rdc.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("no-such-command"));
    }
}
