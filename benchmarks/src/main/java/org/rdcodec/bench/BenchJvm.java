package org.rdcodec.bench;

/**
 * JVM flags every benchmark fork needs, as compile-time constants for {@code @Fork(jvmArgsAppend = ...)}.
 * Keep in step with {@code rdc.jvm.flags} in the parent pom and with the {@code rdc} launcher.
 */
public final class BenchJvm {

    /** The incubating Vector API module. */
    public static final String ADD_VECTOR = "--add-modules=jdk.incubator.vector";
    /** Agrona reads jdk.internal.misc on JDK 25. */
    public static final String OPEN_MISC = "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED";
    /** Agrona reads jdk.internal.misc on JDK 25. */
    public static final String EXPORT_MISC = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    /** Agrona uses sun.misc.Unsafe memory access; keep JDK 25 from warning on every fork. */
    public static final String ALLOW_UNSAFE = "--sun-misc-unsafe-memory-access=allow";
    /** Foreign memory (MemorySegment) without warnings. */
    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    private BenchJvm() {
    }
}
