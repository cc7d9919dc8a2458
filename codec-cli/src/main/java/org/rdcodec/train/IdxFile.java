package org.rdcodec.train;

import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An IDX file of unsigned bytes (the MNIST format): magic {@code 0x00 0x00 0x08 ndim}, ndim big-endian
 * int32 dimensions, then the product of the dimensions in bytes. Only the unsigned-byte element type
 * (code 0x08) is accepted: it is the only one Fashion-MNIST uses. Files whose name ends in {@code .gz}
 * are gunzipped on the fly.
 *
 * @param dims the dimensions, outermost first (e.g. {count, 28, 28})
 * @param data the elements, row-major
 */
public record IdxFile(int[] dims, byte[] data) {

    /** Element type code of unsigned bytes. */
    public static final int TYPE_UBYTE = 0x08;
    /** Largest number of elements read (what fits a Java array). */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** @return the outermost dimension (number of items) */
    public int count() {
        return dims[0];
    }

    /** @return the elements of one item: the product of all dimensions but the first */
    public int itemSize() {
        int s = 1;
        for (int i = 1; i < dims.length; i++) {
            s *= dims[i];
        }
        return s;
    }

    /**
     * Reads and validates an IDX file.
     *
     * @param file the file (gzip if its name ends in .gz)
     * @return its contents
     * @throws IdxFormatException if the magic, the dimensions or the length are wrong, or reading fails
     */
    public static IdxFile read(final Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = new BufferedInputStream(file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16)) {
            return read(in, file.toString());
        } catch (final IdxFormatException e) {
            throw e;
        } catch (final IOException e) {
            throw new IdxFormatException(file + ": cannot read IDX file: " + e, e);
        }
    }

    static IdxFile read(final InputStream in, final String where) throws IOException {
        final byte[] header = new byte[4];
        readFully(in, header, where, "the 4-byte magic");
        if (header[0] != 0 || header[1] != 0) {
            throw new IdxFormatException(where + ": bad magic " + hex(header) + " (an IDX file starts with 00 00)");
        }
        if ((header[2] & 0xff) != TYPE_UBYTE) {
            throw new IdxFormatException(where + ": element type 0x" + Integer.toHexString(header[2] & 0xff)
                    + " is not supported (only unsigned bytes, 0x08)");
        }
        final int ndim = header[3] & 0xff;
        if (ndim < 1) {
            throw new IdxFormatException(where + ": zero dimensions in the magic");
        }
        final byte[] dimBytes = new byte[4 * ndim];
        readFully(in, dimBytes, where, ndim + " dimension(s)");
        final int[] dims = new int[ndim];
        long total = 1;
        for (int d = 0; d < ndim; d++) {
            dims[d] = ((dimBytes[4 * d] & 0xff) << 24) | ((dimBytes[4 * d + 1] & 0xff) << 16) | ((dimBytes[4 * d + 2] & 0xff) << 8)
                    | (dimBytes[4 * d + 3] & 0xff);
            if (dims[d] < 0) {
                throw new IdxFormatException(where + ": dimension " + d + " is negative (" + dims[d] + ")");
            }
            total *= dims[d];
            if (total > MAX_ELEMENTS) {
                throw new IdxFormatException(where + ": dimensions " + Arrays.toString(Arrays.copyOf(dims, d + 1))
                        + " exceed " + MAX_ELEMENTS + " elements");
            }
        }
        final byte[] data = new byte[(int) total];
        readFully(in, data, where, "the data of dimensions " + Arrays.toString(dims));
        if (in.read() >= 0) {
            throw new IdxFormatException(where + ": trailing bytes after " + total + " elements of dimensions " + Arrays.toString(dims));
        }
        return new IdxFile(dims, data);
    }

    private static void readFully(final InputStream in, final byte[] dst, final String where, final String what) throws IOException {
        int n = 0;
        while (n < dst.length) {
            final int r;
            try {
                r = in.read(dst, n, dst.length - n);
            } catch (final EOFException e) {
                throw truncated(where, what, n, dst.length);
            }
            if (r < 0) {
                throw truncated(where, what, n, dst.length);
            }
            n += r;
        }
    }

    private static IdxFormatException truncated(final String where, final String what, final int got, final int want) {
        return new IdxFormatException(where + ": truncated while reading " + what + ": " + got + " of " + want + " bytes");
    }

    private static String hex(final byte[] b) {
        final StringBuilder s = new StringBuilder();
        for (final byte x : b) {
            s.append(String.format("%02x ", x & 0xff));
        }
        return s.toString().trim();
    }

    /**
     * Writes an unsigned-byte IDX file (gzip if the name ends in .gz); for tests and tools.
     *
     * @param file destination
     * @throws IOException if writing fails
     */
    public void write(final Path file) throws IOException {
        long total = 1;
        for (final int d : dims) {
            total *= d;
        }
        if (total != data.length) {
            throw new IllegalArgumentException("dimensions " + Arrays.toString(dims) + " need " + total + " bytes, have " + data.length);
        }
        try (OutputStream raw = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw)) {
            out.write(new byte[] {0, 0, TYPE_UBYTE, (byte) dims.length});
            for (final int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }
}
