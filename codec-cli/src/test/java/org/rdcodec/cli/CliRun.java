package org.rdcodec.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the rdc command line in-process and captures exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final var cl = Rdc.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        final int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
