package network.synod.core.events;

import java.util.SortedMap;
import java.util.TreeMap;

import network.synod.core.synthesis.NetworkInference;
import network.synod.core.verification.Receipt;

/**
 * What the gateway publishes on {@code synod.inferences} for each answered request: the epoch's network
 * inference with its whole value bundle, so scoring can score it once the truth arrives.
 *
 * @param failures workers that failed or timed out, with the reason
 * @param context what the workers were asked (step, season, window), so an auditor can re-execute it; null in
 *        records written before verification existed
 * @param receipts each answering worker's signed receipt that the gateway verified; empty when none were signed
 */
public record InferenceRecord(
        int schemaVersion,
        String requestId,
        String topic,
        long epoch,
        String createdAt,
        NetworkInference inference,
        SortedMap<String, String> failures,
        Context context,
        SortedMap<String, Receipt> receipts) {

    public static final int SCHEMA_VERSION = 1;

    public InferenceRecord {
        schemaVersion = SchemaVersions.orFirst(schemaVersion);
    }

    /** A record of the current schema version. */
    public InferenceRecord(
            String requestId,
            String topic,
            long epoch,
            String createdAt,
            NetworkInference inference,
            SortedMap<String, String> failures,
            Context context,
            SortedMap<String, Receipt> receipts) {
        this(SCHEMA_VERSION, requestId, topic, epoch, createdAt, inference, failures, context, receipts);
    }

    /** The request as every worker received it. */
    public record Context(long step, int season, double[] window) {}

    /** A record without context or receipts, as before verification. */
    public InferenceRecord(
            String requestId,
            String topic,
            long epoch,
            String createdAt,
            NetworkInference inference,
            SortedMap<String, String> failures) {
        this(requestId, topic, epoch, createdAt, inference, failures, null, new TreeMap<>());
    }
}
