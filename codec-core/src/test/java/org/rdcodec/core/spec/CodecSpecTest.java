package org.rdcodec.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CodecSpecTest {

    @Test
    void compactAndJsonParseToTheSameSpec() {
        final CodecSpec a = CodecSpec.parse("dithered:step=0.5");
        final CodecSpec b = CodecSpec.parse("{\"codec\": \"dithered\", \"step\": 0.5}");
        assertEquals(a, b);
        assertEquals(0.5, a.getDouble("step"));
        assertEquals("dithered:step=0.5", a.toString());
        assertEquals(a, CodecSpec.fromJson(a.toJson()));
        assertEquals(a, CodecSpec.parse(a.toString()));
    }

    @Test
    void defaultsAreFilledInAndCanonical() {
        final CodecSpec s = CodecSpec.parse("sign:ef=TRUE");
        assertTrue(s.getBoolean("ef"));
        assertEquals("gaussian", s.getString("scale"));
        assertEquals("sign:scale=gaussian,ef=true", s.toString());
        assertEquals(4, CodecSpec.parse("qsgd").getInt("levels"));
        assertEquals(2, CodecSpec.parse("lloydmax:bits=2").getInt("bits"));
        assertEquals(0.1, CodecSpec.parse("randk:fraction=0.1").getDouble("fraction"));
        assertFalse(CodecSpec.parse("dithered:relstep=1").has("step"));
    }

    @Test
    void errorsListTheValidChoices() {
        final SpecException unknown = assertThrows(SpecException.class, () -> CodecSpec.parse("zip:level=9"));
        assertTrue(unknown.getMessage().contains("dithered") && unknown.getMessage().contains("qsgd"), unknown.getMessage());
        final SpecException param = assertThrows(SpecException.class, () -> CodecSpec.parse("qsgd:bits=4"));
        assertTrue(param.getMessage().contains("levels"), param.getMessage());
        final SpecException range = assertThrows(SpecException.class, () -> CodecSpec.parse("lloydmax:bits=5"));
        assertTrue(range.getMessage().contains("[1, 4]"), range.getMessage());
        assertThrows(SpecException.class, () -> CodecSpec.parse("dithered:step=-1"));
        assertThrows(SpecException.class, () -> CodecSpec.parse("dithered:step=NaN"));
        assertThrows(SpecException.class, () -> CodecSpec.parse("dithered:step=0.5,distortion=0.1"));
        assertThrows(SpecException.class, () -> CodecSpec.parse("dithered:step"));
        assertThrows(SpecException.class, () -> CodecSpec.parse("qsgd:levels=2,levels=3"));
        assertThrows(SpecException.class, () -> CodecSpec.parse("sign:ef=maybe"));
        assertThrows(SpecException.class, () -> CodecSpec.parse("sign:scale=median"));
        assertThrows(SpecException.class, () -> CodecSpec.parse("randk:fraction=1e-9"));
        assertThrows(SpecException.class, () -> CodecSpec.parse(""));
        assertThrows(SpecException.class, () -> CodecSpec.fromJson("{\"step\": 1}"));
        assertThrows(SpecException.class, () -> CodecSpec.fromJson("[1]"));
        assertThrows(SpecException.class, () -> CodecSpec.fromJson("{\"codec\": \"qsgd\", \"levels\": [1]}"));
        assertThrows(SpecException.class, () -> CodecSpec.fromJson("{not json"));
    }

    @Test
    void wireIdsAreUniqueAndResolve() {
        final Set<Integer> ids = new HashSet<>();
        for (final CodecDefinition d : CodecCatalog.all()) {
            assertTrue(ids.add(d.wireId()), "duplicate wire id " + d.wireId());
            assertEquals(d, CodecCatalog.byWireId(d.wireId()));
        }
        assertThrows(SpecException.class, () -> CodecCatalog.byWireId(0));
    }
}
