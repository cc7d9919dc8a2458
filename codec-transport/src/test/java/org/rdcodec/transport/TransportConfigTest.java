package org.rdcodec.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON config file over the defaults, the message header layout and the term sizing. */
class TransportConfigTest {

    @TempDir
    Path dir;

    @Test
    void fileOverridesOnlyTheFieldsItNames() throws IOException {
        final Path f = dir.resolve("t.json");
        Files.writeString(f, "{\"uplinkChannel\": \"aeron:udp?endpoint=10.0.0.1:40100\", \"roundTimeoutMs\": 750, \"driver\": \"external\","
                + " \"aeronDir\": \"/dev/shm/x\"}");
        final TransportConfig c = TransportConfig.load(f);
        assertEquals("aeron:udp?endpoint=10.0.0.1:40100", c.uplinkChannel);
        assertEquals(750, c.roundTimeoutMs);
        assertEquals(TransportConfig.DriverMode.EXTERNAL, c.driver);
        assertEquals(new TransportConfig().downlinkChannel, c.downlinkChannel);
        assertEquals(new TransportConfig().uplinkStream, c.uplinkStream);
        assertNull(c.downlinkSubscribeChannel);
        assertEquals(c.downlinkChannel, c.downlinkSubscribe());
    }

    @Test
    void unknownFieldIsATypedError() throws IOException {
        final Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"roundTimeout\": 5}");
        final TransportException e = assertThrows(TransportException.class, () -> TransportConfig.load(f));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("roundTimeout"), e.getMessage());
    }

    @Test
    void externalDriverNeedsItsDirectory() {
        final TransportConfig c = new TransportConfig();
        c.driver = TransportConfig.DriverMode.EXTERNAL;
        assertThrows(TransportException.class, () -> TransportDriver.start(c));
    }

    @Test
    void headerRoundTrip() {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[40]);
        new MessageHeader().wrap(b, 8).write(MessageType.ESTIMATE, 3, 1L << 40, 12345, 4);
        final MessageHeader h = new MessageHeader().wrap(b, 8);
        assertEquals(MessageType.ESTIMATE, h.type());
        assertEquals(3, h.worker());
        assertEquals(1L << 40, h.round());
        assertEquals(12345, h.payloadLength());
        assertEquals(4, h.count());
        b.putInt(8, 99);
        assertNull(h.type(), "an unknown type code reads as null");
    }

    @Test
    void termLengthHoldsEightMessages() {
        assertEquals("aeron:ipc?term-length=65536", Channels.withTermLength("aeron:ipc", 100));
        assertTrue(Channels.withTermLength("aeron:udp?endpoint=h:1", 4_194_328).contains("term-length=67108864"));
        assertEquals("aeron:ipc?term-length=131072", Channels.withTermLength("aeron:ipc?term-length=131072", 4_194_328));
    }
}
