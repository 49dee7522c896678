package org.enu.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.enu.cell.EnuSpec;
import org.enu.task.GenomeLayout;

/**
 * An evolved genome as a self-describing JSON document (format in docs/FORMATS.md): the task, the
 * generation, each ENU kind's shape, constants and offset, the flat parameters, the run's
 * provenance and its resolved configuration. An outside tool can recompute every unit from it.
 */
public record Genome(String task, int generation, GenomeLayout layout, float[] parameters,
                     Map<String, Object> provenance, Map<String, Object> config) {

    public static final String FORMAT = "enu-genome";
    /** Version 2 added the checksum; version 1 files are read only where a checkpoint confirms them. */
    public static final int VERSION = 2;
    /** The largest genome.json a valid configuration can produce (about 20 characters a parameter). */
    static final long MAX_BYTES = 32 * org.enu.config.Limits.MAX_PARAMETERS * 2 + (16 << 20);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("task", task);
        root.put("generation", generation);
        ArrayNode parts = root.putArray("layout");
        for (GenomeLayout.Part p : layout.parts()) {
            EnuSpec s = p.spec();
            ObjectNode n = parts.addObject();
            n.put("name", p.name());
            n.put("offset", p.offset());
            n.put("count", s.parameterCount());
            n.put("inputs", s.inputs());
            n.put("memory", s.memory());
            n.put("outputs", s.outputs());
            n.put("bias", s.bias());
            n.put("gate_slope", s.gateSlope());
            n.put("reset_shift", s.resetShift());
            n.put("cell_slope", s.cellSlope());
            n.put("spike_output", s.spikeOutput());
            n.put("output_noise", s.outputNoise());
        }
        ArrayNode ps = root.putArray("parameters");
        for (float v : parameters) {
            ps.add(v);
        }
        root.set("provenance", JSON.valueToTree(provenance));
        root.set("config", JSON.valueToTree(config));
        root.put("checksum", checksum());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the genome atomically; refuses parameters that are not finite. */
    public void write(Path file) throws IOException {
        int bad = Checkpoint.firstNonFinite(parameters);
        if (bad >= 0) {
            throw new IllegalStateException(file + ": refusing to write a non-finite parameter " + bad);
        }
        AtomicFiles.writeString(file, toJson());
    }

    /**
     * "sha256:" and the SHA-256 of everything the file says, taken of the values it decodes to
     * (parameter bits, layout, provenance and config in a canonical form), so any change that
     * could alter a number is detected while a reformatting of the JSON is not.
     */
    public String checksum() {
        return "sha256:" + GenomeChecksum.of(this);
    }

    /** Whether this genome's config equals another, leaving out some top-level keys. */
    public boolean sameConfig(Map<String, Object> other, java.util.Set<String> ignore) {
        return GenomeChecksum.canonicalConfig(config, ignore).equals(GenomeChecksum.canonicalConfig(other, ignore));
    }

    /**
     * A version 1 genome.json (written before genomes had a checksum): it parsed and its fields
     * are valid, but nothing shows it is unchanged; the run directory accepts it only when its
     * checkpoint of the same generation holds the same parameters.
     */
    public static final class UncheckedGenomeException extends CorruptFileException {
        private static final long serialVersionUID = 1L;
        private final transient Genome genome;

        UncheckedGenomeException(Path file, Genome genome) {
            super(file + ": version 1 has no checksum, so a change to it cannot be detected (a checkpoint of the "
                    + "same generation can confirm it; or retrain)");
            this.genome = genome;
        }

        /** The genome as the file says. */
        public Genome genome() {
            return genome;
        }
    }

    /**
     * Reads and validates a genome file.
     *
     * @throws CorruptFileException naming the field that is missing or wrong
     */
    public static Genome read(Path file) throws IOException {
        return read(file, SafeRead.Links.FOLLOW);
    }

    /**
     * Reads and validates a genome file; {@code links} says whether a symbolic link is followed
     * (a genome the user names) or refused (the genome of a run directory).
     *
     * @throws CorruptFileException naming the field that is missing or wrong
     */
    @SuppressWarnings("unchecked")
    public static Genome read(Path file, SafeRead.Links links) throws IOException {
        JsonNode root;
        byte[] bytes = SafeRead.bytes(file, "genome", MAX_BYTES, links);
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new CorruptFileException(file + ": not valid JSON: " + e.getOriginalMessage().replace('\n', ' '));
        }
        if (root == null || !root.isObject()) {
            throw new CorruptFileException(file + ": not a genome (expected a JSON object)");
        }
        String where = file + ": ";
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new CorruptFileException(where + "format: expected '" + FORMAT + "'");
        }
        int version = root.path("version").isIntegralNumber() ? root.path("version").asInt() : -1;
        if (version != VERSION && version != 1) {
            throw new CorruptFileException(where + "version: expected " + VERSION + ", got " + root.path("version"));
        }
        String task = text(root, "task", where);
        int generation = integer(root, "generation", where, 0);
        GenomeLayout layout = layout(root.path("layout"), where);
        float[] params = parameters(root.path("parameters"), layout, where);
        Map<String, Object> prov = JSON.convertValue(root.path("provenance"), Map.class);
        Map<String, Object> cfg = JSON.convertValue(root.path("config"), Map.class);
        Genome g = new Genome(task, generation, layout, params, prov == null ? Map.of() : prov, cfg == null ? Map.of() : cfg);
        if (version == 1) {
            throw new UncheckedGenomeException(file, g);
        }
        JsonNode sum = root.path("checksum");
        if (!sum.isTextual()) {
            throw new CorruptFileException(where + "checksum: missing");
        }
        if (!sum.asText().equals(g.checksum())) {
            throw new CorruptFileException(where + "checksum mismatch (the file was changed after it was written)");
        }
        return g;
    }

    /** The layout's ENU kinds: shapes within the limits, contiguous offsets, counts that match the shapes. */
    private static GenomeLayout layout(JsonNode layoutNode, String where) throws CorruptFileException {
        if (!layoutNode.isArray() || layoutNode.isEmpty()) {
            throw new CorruptFileException(where + "layout: expected a non-empty list of ENU kinds");
        }
        List<String> names = new ArrayList<>();
        List<EnuSpec> specs = new ArrayList<>();
        int expectOffset = 0;
        for (int i = 0; i < layoutNode.size(); i++) {
            JsonNode n = layoutNode.get(i);
            String w = where + "layout[" + i + "].";
            EnuSpec spec = spec(n, w);
            if (integer(n, "offset", w, 0) != expectOffset) {
                throw new CorruptFileException(w + "offset: expected " + expectOffset + ", got " + n.path("offset"));
            }
            if (integer(n, "count", w, 1) != spec.parameterCount()) {
                throw new CorruptFileException(w + "count: the shape needs " + spec.parameterCount() + " parameters, got "
                        + n.path("count"));
            }
            names.add(text(n, "name", w));
            specs.add(spec);
            expectOffset += spec.parameterCount();
        }
        return GenomeLayout.of(names.toArray(new String[0]), specs.toArray(new EnuSpec[0]));
    }

    /** One layout entry's ENU shape and constants. */
    private static EnuSpec spec(JsonNode n, String w) throws CorruptFileException {
        int inputs = integer(n, "inputs", w, 1);
        int memory = integer(n, "memory", w, 1);
        int outputs = integer(n, "outputs", w, 1);
        boolean bias = bool(n, "bias", w);
        try {
            // counted in 64 bits before any int arithmetic: a huge memory must not wrap to a small count
            org.enu.config.Limits.checkParameters("memory", inputs, memory, outputs, bias);
        } catch (org.enu.config.ConfigException e) {
            throw new CorruptFileException(w + e.getMessage());
        }
        try {
            return new EnuSpec(inputs, memory, outputs, bias, (float) number(n, "gate_slope", w),
                    (float) number(n, "reset_shift", w), (float) number(n, "cell_slope", w), bool(n, "spike_output", w),
                    (float) number(n, "output_noise", w));
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException(w + e.getMessage());
        }
    }

    /** The parameters: as many finite floats as the layout needs. */
    private static float[] parameters(JsonNode ps, GenomeLayout layout, String where) throws CorruptFileException {
        if (!ps.isArray()) {
            throw new CorruptFileException(where + "parameters: expected a list of numbers");
        }
        if (ps.size() != layout.parameterCount()) {
            throw new CorruptFileException(where + "parameters: the layout needs " + layout.parameterCount()
                    + " values, got " + ps.size());
        }
        float[] params = new float[ps.size()];
        for (int i = 0; i < params.length; i++) {
            JsonNode v = ps.get(i);
            // BigDecimal to float rounds once, so a written float reads back bit-identical
            float f = v.isNumber() ? v.decimalValue().floatValue() : Float.NaN;
            if (!Float.isFinite(f)) {
                throw new CorruptFileException(where + "parameters[" + i + "]: expected a finite float, got " + v);
            }
            params[i] = f;
        }
        return params;
    }

    private static String text(JsonNode n, String f, String where) throws CorruptFileException {
        JsonNode v = n.path(f);
        if (!v.isTextual()) {
            throw new CorruptFileException(where + f + ": expected text");
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String f, String where, int min) throws CorruptFileException {
        JsonNode v = n.path(f);
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > Integer.MAX_VALUE) {
            throw new CorruptFileException(where + f + ": expected an integer >= " + min + ", got " + v);
        }
        return v.asInt();
    }

    private static double number(JsonNode n, String f, String where) throws CorruptFileException {
        JsonNode v = n.path(f);
        if (!v.isNumber()) {
            throw new CorruptFileException(where + f + ": expected a number, got " + v);
        }
        return v.asDouble();
    }

    private static boolean bool(JsonNode n, String f, String where) throws CorruptFileException {
        JsonNode v = n.path(f);
        if (!v.isBoolean()) {
            throw new CorruptFileException(where + f + ": expected true or false, got " + v);
        }
        return v.asBoolean();
    }
}
