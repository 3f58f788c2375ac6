package network.synod.core.classification;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import network.synod.core.verification.Hashes;

/**
 * The receipt hashes of a classification answer (docs/contracts.md): what the worker was asked (the request id
 * and each text's UTF-8 bytes) and what it answered (each label and the bits of every probability). Every
 * string is length-prefixed, so no two different inputs or outputs hash alike by moving a boundary.
 */
public final class ClassificationHashes {

    private ClassificationHashes() {}

    /** sha256 of "synod-text-in/v1", the request id and the texts, in order. */
    public static String inputHash(String requestId, List<String> texts) {
        return Hashes.sha256Hex(bytes(out -> {
            out.write("synod-text-in/v1".getBytes(StandardCharsets.US_ASCII));
            string(out, requestId == null ? "" : requestId);
            out.writeInt(texts.size());
            for (String t : texts) {
                string(out, t);
            }
        }));
    }

    /**
     * sha256 of "synod-class-out/v1", the n labels, and the n × k probabilities row-major; a different label or
     * any probability's bits give another hash.
     */
    public static String outputHash(List<String> labels, double[] probabilities) {
        return Hashes.sha256Hex(bytes(out -> {
            out.write("synod-class-out/v1".getBytes(StandardCharsets.US_ASCII));
            out.writeInt(labels.size());
            for (String l : labels) {
                string(out, l);
            }
            out.writeInt(probabilities.length);
            for (double p : probabilities) {
                out.writeDouble(p);
            }
        }));
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] bytes(Writer writer) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }
}
