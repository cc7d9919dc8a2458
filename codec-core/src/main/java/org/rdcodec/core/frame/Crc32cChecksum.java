package org.rdcodec.core.frame;

import java.lang.foreign.MemorySegment;
import java.util.zip.CRC32C;

import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;

/**
 * CRC-32C over a range of any Agrona buffer (heap or off-heap), using the JDK's intrinsic either way.
 * Off-heap ranges are viewed through a restricted {@code MemorySegment.reinterpret}, so the JVM wants
 * {@code --enable-native-access=ALL-UNNAMED} (the launcher, tests and benchmarks pass it).
 */
public final class Crc32cChecksum {

    private Crc32cChecksum() {
    }

    /**
     * @param buffer the bytes
     * @param offset first byte
     * @param length number of bytes
     * @return the CRC-32C as an int
     */
    @SuppressWarnings("restricted")
    public static int compute(final DirectBuffer buffer, final int offset, final int length) {
        buffer.boundsCheck(offset, length);
        final CRC32C crc = new CRC32C();
        final byte[] array = buffer.byteArray();
        if (array != null) {
            // addressOffset() of an array-backed buffer is ARRAY_BASE_OFFSET + the wrap offset
            final int base = (int) (buffer.addressOffset() - BufferUtil.ARRAY_BASE_OFFSET);
            crc.update(array, base + offset, length);
        } else {
            // off-heap: view the native range as a direct ByteBuffer, which CRC32C reads with its intrinsic
            crc.update(MemorySegment.ofAddress(buffer.addressOffset() + offset).reinterpret(length).asByteBuffer());
        }
        return (int) crc.getValue();
    }
}
