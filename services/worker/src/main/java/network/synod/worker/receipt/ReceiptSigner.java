package network.synod.worker.receipt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import network.synod.core.classification.ClassificationHashes;
import network.synod.core.forecast.ForecastContext;
import network.synod.core.verification.Hashes;
import network.synod.core.verification.Receipt;
import network.synod.core.verification.Signatures;
import network.synod.worker.ModelSettings;
import network.synod.worker.model.ServedModel;

/**
 * Signs a receipt for every answer (model digest, input hash, output hash, worker id, time) with the worker's
 * Ed25519 key, and reports the public key and declared digest the gateway registers.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // made (and its key read, signing warmed up) at start, not on the first request
public class ReceiptSigner {

    private static final Logger LOG = Logger.getLogger(ReceiptSigner.class);

    private final String worker;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final ModelSettings model;
    private final double cheatFraction;
    private final SplittableRandom cheatRandom;

    public ReceiptSigner(WorkerSettings settings, ModelSettings model) {
        this.model = model;
        this.worker = settings.id().filter(s -> !s.isBlank()).orElse(model.name());
        if (settings.keyFile().isPresent() && !settings.keyFile().get().isBlank()) {
            try {
                this.privateKey = Signatures.privateKey(
                        Files.readAllBytes(Path.of(settings.keyFile().get())));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot read the worker key " + settings.keyFile().get(), e);
            }
            this.publicKey = publicOf(privateKey);
        } else {
            KeyPair pair = Signatures.generate();
            this.privateKey = pair.getPrivate();
            this.publicKey = pair.getPublic();
        }
        this.cheatFraction = settings.cheatFraction();
        this.cheatRandom = new SplittableRandom(settings.cheatSeed());
        if (cheatFraction > 0) {
            LOG.warnf(
                    "worker %s fabricates %.1f %% of its answers (synod.worker.cheat-fraction): a simulated cheater",
                    worker, 100 * cheatFraction);
        }
        Signatures.warmUp();
    }

    public String worker() {
        return worker;
    }

    /** A secret for another purpose, derived from the private key and a label (so it is shared by replicas). */
    public byte[] derivedKey(String label) {
        return Hashes.hmacSha256(privateKey.getEncoded(), label.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public String publicKey() {
        return Signatures.encode(publicKey);
    }

    /**
     * The digest the worker declares for its model: the artifact's sha256 for saved models, the definition's for
     * weightless kinds. The online {@code mlp} changes its parameters with every training, so it declares its
     * definition (kind, seed and schedule); re-executing it means replaying the same revealed history.
     */
    public String declaredDigest(ServedModel m) {
        if (m.kind().equals("mlp")) {
            ModelSettings.Mlp mlp = model.mlp();
            return Hashes.sha256Hex("synod-mlp/seed=" + mlp.seed() + "/retrain-every=" + mlp.retrainEvery()
                    + "/min-samples=" + mlp.minSamples());
        }
        return m.sha256();
    }

    /** Whether to fabricate this answer instead of running the model; always false for an honest worker. */
    public boolean fabricate() {
        if (cheatFraction <= 0) {
            return false;
        }
        synchronized (this) {
            return cheatRandom.nextDouble() < cheatFraction;
        }
    }

    /** What a cheater answers instead: the mean of the last two values, cheaper than any declared model. */
    public static double cheapAnswer(ForecastContext c) {
        double[] w = c.window();
        return (w[w.length - 1] + w[Math.max(0, w.length - 2)]) / 2 + 1e-3;
    }

    public Receipt sign(ServedModel m, String requestId, ForecastContext c, double[] output) {
        Receipt unsigned = new Receipt(
                declaredDigest(m),
                Hashes.inputHash(requestId, c.step(), c.season(), c.window()),
                Hashes.outputHash(output),
                worker,
                Instant.now().toString(),
                null);
        return Signatures.sign(unsigned, privateKey);
    }

    /** The receipt of a classification answer: its hashes cover every text asked, every label and probability. */
    public Receipt signClassification(
            ServedModel m, String requestId, List<String> texts, List<String> labels, double[] probabilities) {
        Receipt unsigned = new Receipt(
                declaredDigest(m),
                ClassificationHashes.inputHash(requestId, texts),
                ClassificationHashes.outputHash(labels, probabilities),
                worker,
                Instant.now().toString(),
                null);
        return Signatures.sign(unsigned, privateKey);
    }

    private static PublicKey publicOf(PrivateKey key) {
        // The JDK cannot derive an Ed25519 public key from a private one directly; a generator seeded with the
        // private key's bytes produces the same pair.
        byte[] scalar = ((EdECPrivateKey) key).getBytes().orElseThrow();
        try {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance(Signatures.ALGORITHM);
            g.initialize(255, new FixedRandom(scalar));
            return g.generateKeyPair().getPublic();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A "random" source that yields the given bytes, to re-derive the key pair of a known private key. */
    private static final class FixedRandom extends java.security.SecureRandom {
        private final byte[] bytes;

        FixedRandom(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void nextBytes(byte[] out) {
            System.arraycopy(bytes, 0, out, 0, Math.min(bytes.length, out.length));
        }
    }
}
