package network.synod.verification.store;

import java.net.URI;

import network.synod.core.refusal.Refusal;
import network.synod.core.verification.OutputComparator;

/**
 * A verifier instance of one model digest: an OIP worker running the same model, and how its answers are compared
 * with the audited worker's: {@code exact} (same engine and device: bit-exact), {@code tolerance} (another device:
 * |a − b| ≤ absolute + relative·|x|, calibrated from honest runs) or {@code replay} (a stateful model that learns
 * from what it is sent, such as the online {@code mlp}: the verifier instance is sent every input the audited worker
 * was sent on the topic, in order, from its first, and the audited answer must then be bit-exact).
 */
public record Verifier(String digest, String url, String model, String mode, Double absolute, Double relative) {

    public Verifier {
        if (digest == null || !digest.matches("[0-9a-f]{64}")) {
            throw Refusal.invalid("a verifier's digest must be a lower-case hex sha256, got '" + digest + "'");
        }
        if (url == null) {
            throw Refusal.invalid("a verifier needs a url");
        }
        try {
            URI u = URI.create(url);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw Refusal.invalid("a verifier url must be http(s)://host[:port], got '" + url + "'");
            }
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("a verifier url must be http(s)://host[:port], got '" + url + "'");
        }
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        model = model == null || model.isBlank() ? "model" : model;
        mode = mode == null ? "exact" : mode;
        if (!mode.equals("exact") && !mode.equals("tolerance") && !mode.equals("replay")) {
            throw Refusal.invalid("a verifier's mode is exact, tolerance or replay, got '" + mode + "'");
        }
        if (mode.equals("tolerance") && (absolute == null && relative == null)) {
            throw Refusal.invalid("a tolerance verifier needs absolute and/or relative bounds");
        }
    }

    public boolean replays() {
        return mode.equals("replay");
    }

    public OutputComparator.Policy policy() {
        return !mode.equals("tolerance")
                ? OutputComparator.Policy.EXACT
                : OutputComparator.Policy.tolerance(absolute == null ? 0 : absolute, relative == null ? 0 : relative);
    }
}
