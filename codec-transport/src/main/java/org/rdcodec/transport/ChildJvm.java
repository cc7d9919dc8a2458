package org.rdcodec.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM like this one: the same java binary and class path, and the flags
 * Aeron, Agrona and the Vector API need on JDK 25.
 */
public final class ChildJvm {

    /** JVM flags every rdcodec process needs (the parent pom's rdc.jvm.flags). */
    public static final List<String> FLAGS = List.of(
            "--add-modules", "jdk.incubator.vector",
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow",
            "--enable-native-access=ALL-UNNAMED");

    private ChildJvm() {
    }

    /**
     * @param heap the child's maximum heap, e.g. "512m"
     * @param mainClass the main class
     * @param args its arguments
     * @return the command
     */
    public static List<String> command(final String heap, final String mainClass, final List<String> args) {
        final List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command()
                .orElseThrow(() -> new TransportException("cannot tell which java binary runs this process")));
        cmd.addAll(FLAGS);
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }
}
