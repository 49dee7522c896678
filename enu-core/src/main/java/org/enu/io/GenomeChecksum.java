package org.enu.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.enu.cell.EnuSpec;
import org.enu.task.GenomeLayout;

/**
 * The SHA-256 of a genome's content in a canonical byte form: the task, generation, every
 * layout field (floats by their bits), the parameters' bits, then provenance and config as JSON
 * with sorted keys and every number by its decimal value (3, 3.0 and 3.00 alike). The same
 * genome gives the same bytes whether it was built in memory or read back from its file.
 */
final class GenomeChecksum {
    private GenomeChecksum() {
    }

    static String of(Genome g) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 4 * g.parameters().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("enu-genome-checksum-2");
            out.writeUTF(g.task());
            out.writeInt(g.generation());
            out.writeInt(g.layout().parts().size());
            for (GenomeLayout.Part p : g.layout().parts()) {
                EnuSpec s = p.spec();
                out.writeUTF(p.name());
                out.writeInt(p.offset());
                out.writeInt(s.parameterCount());
                out.writeInt(s.inputs());
                out.writeInt(s.memory());
                out.writeInt(s.outputs());
                out.writeBoolean(s.bias());
                out.writeInt(Float.floatToRawIntBits(s.gateSlope()));
                out.writeInt(Float.floatToRawIntBits(s.resetShift()));
                out.writeInt(Float.floatToRawIntBits(s.cellSlope()));
                out.writeBoolean(s.spikeOutput());
                out.writeInt(Float.floatToRawIntBits(s.outputNoise()));
            }
            out.writeInt(g.parameters().length);
            for (float v : g.parameters()) {
                out.writeInt(Float.floatToRawIntBits(v));
            }
            StringBuilder text = new StringBuilder();
            canonical(g.provenance(), text);
            text.append('\n');
            canonical(g.config(), text);
            out.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Sha256.hex(bytes.toByteArray());
    }

    /** A configuration map in canonical text, without the given keys and without an empty curriculum. */
    static String canonicalConfig(Map<String, Object> config, java.util.Set<String> ignore) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(config);
        m.keySet().removeAll(ignore);
        if (m.get("curriculum") instanceof List<?> l && l.isEmpty()) {
            m.remove("curriculum");
        }
        StringBuilder out = new StringBuilder();
        canonical(m, out);
        return out.toString();
    }

    private static void canonical(Object v, StringBuilder out) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sorted.put(String.valueOf(e.getKey()), e.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(e.getKey(), out);
                out.append(':');
                canonical(e.getValue(), out);
            }
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(l.get(i), out);
            }
            out.append(']');
        } else if (v instanceof String s) {
            quote(s, out);
        } else if (v instanceof Number n) {
            // by value: 3, 3.0 and 3.00 are one number (JSON libraries differ in how they keep it)
            boolean finite = !(n instanceof Double d && !Double.isFinite(d)) && !(n instanceof Float f && !Float.isFinite(f));
            out.append(finite ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : n.toString());
        } else {
            out.append(v); // booleans and null
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
