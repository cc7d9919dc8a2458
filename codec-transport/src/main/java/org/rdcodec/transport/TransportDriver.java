package org.rdcodec.transport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;

/**
 * The Aeron client of one process and, with {@link TransportConfig.DriverMode#EMBEDDED}, the media driver it
 * launched. Closing it closes the client, then the driver, and deletes a directory it created.
 */
public final class TransportDriver implements AutoCloseable {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final MediaDriver driver;
    private final Aeron aeron;
    private final String directory;
    private final boolean deleteDirectory;

    private TransportDriver(final MediaDriver driver, final Aeron aeron, final String directory, final boolean deleteDirectory) {
        this.driver = driver;
        this.aeron = aeron;
        this.directory = directory;
        this.deleteDirectory = deleteDirectory;
    }

    /**
     * Launches the embedded driver if configured and connects a client to it (or to the external one).
     *
     * @param config the configuration
     * @return the running driver and client
     * @throws TransportException if no external driver runs in the directory or the driver cannot start
     */
    public static TransportDriver start(final TransportConfig config) {
        if (config.driver == TransportConfig.DriverMode.EXTERNAL) {
            if (config.aeronDir == null) {
                throw new TransportException("an external media driver needs its directory (aeronDir / --aeron-dir)");
            }
            return new TransportDriver(null, connect(config.aeronDir), config.aeronDir, false);
        }
        final boolean fresh = config.aeronDir == null;
        final String dir = fresh ? freshDirectory() : config.aeronDir;
        final MediaDriver.Context ctx = new MediaDriver.Context()
                .aeronDirectoryName(dir)
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true)
                .termBufferSparseFile(true)
                .threadingMode(threadingMode(config.threadingMode));
        final MediaDriver md;
        try {
            md = MediaDriver.launchEmbedded(ctx);
        } catch (final RuntimeException e) {
            throw new TransportException("cannot launch the media driver in " + dir + ": " + e.getMessage(), e);
        }
        try {
            return new TransportDriver(md, connect(md.aeronDirectoryName()), md.aeronDirectoryName(), true);
        } catch (final RuntimeException e) {
            md.close();
            throw e;
        }
    }

    private static Aeron connect(final String dir) {
        try {
            return Aeron.connect(new Aeron.Context().aeronDirectoryName(dir));
        } catch (final RuntimeException e) {
            throw new TransportException("cannot connect to the media driver in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static ThreadingMode threadingMode(final String name) {
        try {
            return ThreadingMode.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (final IllegalArgumentException e) {
            throw new TransportException("threadingMode '" + name + "': expected SHARED, SHARED_NETWORK or DEDICATED", e);
        }
    }

    /** A directory no other driver uses: /dev/shm when present (page-cache only), else java.io.tmpdir. */
    private static String freshDirectory() {
        final File shm = new File("/dev/shm");
        final String base = shm.isDirectory() && shm.canWrite() ? shm.getPath() : System.getProperty("java.io.tmpdir");
        return new File(base, "rdcodec-aeron-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet() + "-"
                + Long.toHexString(System.nanoTime())).getPath();
    }

    /** @return the Aeron client */
    public Aeron aeron() {
        return aeron;
    }

    /** @return the media driver's directory (give it to processes sharing this driver) */
    public String directory() {
        return directory;
    }

    /** @return whether this process runs the driver */
    public boolean embedded() {
        return driver != null;
    }

    @Override
    public void close() {
        aeron.close();
        if (driver != null) {
            driver.close();
            if (deleteDirectory) {
                deleteTree(Path.of(directory));
            }
        }
    }

    /** The driver deletes its directory on shutdown; this removes whatever a crash or a race left behind. */
    private static void deleteTree(final Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (final IOException e) {
            throw new TransportException("cannot delete the driver directory " + root + ": " + e.getMessage(), e);
        }
    }
}
