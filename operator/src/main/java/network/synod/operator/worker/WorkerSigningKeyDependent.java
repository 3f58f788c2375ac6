package network.synod.operator.worker;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;

import network.synod.operator.api.Worker;

/**
 * The Ed25519 key a worker signs its receipts with, kept in a Secret the Worker owns. It is created once and never
 * updated (a new key would orphan every receipt signed so far), shared by all the worker's replicas (their receipts
 * and commit-reveal salts must agree), mounted into the pods as {@value #KEY_FILE}, and its public half is what the
 * operator registers at the gateway, so receipts are checked and audits can attribute answers from the start.
 */
@KubernetesDependent(informer = @Informer(labelSelector = WorkerLabels.MANAGED_SELECTOR))
public class WorkerSigningKeyDependent extends KubernetesDependentResource<Secret, Worker>
        implements Creator<Secret, Worker>, GarbageCollected<Worker> {
    /** The PKCS#8 private key, PEM. */
    public static final String PRIVATE = "key.pem";
    /** The X.509 public key, base64 (the form the gateway's registration takes). */
    public static final String PUBLIC = "public.key";

    static final String MOUNT = "/var/run/synod/signing";
    static final String KEY_FILE = MOUNT + "/" + PRIVATE;

    public WorkerSigningKeyDependent() {
        super(Secret.class);
    }

    public static String secretName(Worker worker) {
        return worker.getMetadata().getName() + "-signing-key";
    }

    @Override
    protected Secret desired(Worker worker, Context<Worker> context) {
        KeyPair pair = generate();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        return new SecretBuilder()
                .withNewMetadata()
                .withName(secretName(worker))
                .withNamespace(worker.getMetadata().getNamespace())
                .withLabels(WorkerLabels.all(worker))
                .endMetadata()
                .withType("Opaque")
                .withData(Map.of(PRIVATE, base64(pem), PUBLIC, base64(publicKey)))
                .build();
    }

    /** The public key (base64 X.509) held in the worker's Secret, once the Secret exists. */
    public static Optional<String> publicKey(Context<Worker> context) {
        return context.getSecondaryResource(Secret.class)
                .map(s -> s.getData() == null ? null : s.getData().get(PUBLIC))
                .map(b -> new String(Base64.getDecoder().decode(b), StandardCharsets.US_ASCII).trim());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }
}
