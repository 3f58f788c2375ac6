package network.synod.gateway.registry;

import java.net.URI;
import java.util.regex.Pattern;

import network.synod.core.refusal.Refusal;
import network.synod.core.verification.Signatures;

/**
 * A registered worker: where its OIP server is, the model name it serves, and whether it answers values
 * (inferer) or predicted losses (forecaster). A worker registered with a {@code publicKey} (base64 X.509 Ed25519)
 * must sign every answer with it for the declared {@code modelDigest}; one without is not checked.
 */
public record WorkerEndpoint(String name, String url, String model, String role, String publicKey, String modelDigest) {

    public WorkerEndpoint(String name, String url, String model, String role) {
        this(name, url, model, role, null, null);
    }

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    public WorkerEndpoint {
        if (name == null || !NAME.matcher(name).matches()) {
            throw Refusal.invalid("a worker name must match " + NAME.pattern() + ", got '" + name + "'");
        }
        if (url == null) {
            throw Refusal.invalid("a worker needs a url");
        }
        try {
            URI u = URI.create(url);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw Refusal.invalid("a worker url must be http(s)://host[:port], got '" + url + "'");
            }
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("a worker url must be http(s)://host[:port], got '" + url + "'");
        }
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        model = model == null || model.isBlank() ? "model" : model;
        role = role == null ? "inferer" : role;
        if (!role.equals("inferer") && !role.equals("forecaster")) {
            throw Refusal.invalid("a worker's role is inferer or forecaster, got '" + role + "'");
        }
        publicKey = publicKey == null || publicKey.isBlank() ? null : publicKey.trim();
        if (publicKey != null) {
            try {
                Signatures.publicKey(publicKey);
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("publicKey: " + e.getMessage());
            }
        }
        modelDigest = modelDigest == null || modelDigest.isBlank()
                ? null
                : modelDigest.trim().toLowerCase();
        if (modelDigest != null && !modelDigest.matches("[0-9a-f]{64}")) {
            throw Refusal.invalid("modelDigest must be a hex sha256, got '" + modelDigest + "'");
        }
    }

    public boolean forecaster() {
        return role.equals("forecaster");
    }
}
