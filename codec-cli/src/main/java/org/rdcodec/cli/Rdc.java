package org.rdcodec.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code rdc} command. Each capability is one subcommand class in this package;
 * register it in {@link #main(String[])}'s subcommand list.
 */
@Command(name = "rdc",
        mixinStandardHelpOptions = true,
        version = "rdcodec 0.1.0",
        description = "Rate-distortion optimal gradient compression for K-worker aggregation.",
        subcommands = {
            CommandLine.HelpCommand.class,
            InfoCommand.class,
            BoundCommand.class,
            DemoCommand.class,
            SimulateCommand.class,
            CeoSweepCommand.class,
            CodecsCommand.class,
            ReportCommand.class,
            SwCommand.class,
            TrainCommand.class,
            TrainSweepCommand.class,
            ServeCommand.class,
            WorkerCommand.class,
            ClusterCommand.class,
        })
public final class Rdc implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Creates the root command (picocli instantiates it). */
    public Rdc() {
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * Builds the picocli command line with rdcodec's error handling: a bad argument or a typed
     * library exception prints one clear line and exits with a non-zero code.
     *
     * @return the configured command line
     */
    public static CommandLine commandLine() {
        final CommandLine cl = new CommandLine(new Rdc());
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("rdc " + cmd.getCommandName() + ": " + ex.getMessage());
            return 2;
        });
        return cl;
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }
}
