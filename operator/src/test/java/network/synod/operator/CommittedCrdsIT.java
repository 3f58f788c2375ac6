package network.synod.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Runs after the Quarkus build (failsafe, in verify): the CRDs committed under k8s/crds must equal the ones
 * generated from the Java classes, and must carry the validation the schema promises.
 */
class CommittedCrdsIT {
    private static final Path GENERATED = Path.of(System.getProperty("synod.crd.dir", "target/kubernetes"));
    private static final Path COMMITTED =
            Path.of(System.getProperty("synod.k8s.dir", "../k8s")).resolve("crds");
    private static final List<String> CRDS =
            List.of("topics.synod.network-v1.yml", "workers.synod.network-v1.yml", "gpupools.synod.network-v1.yml");

    @Test
    void testCommittedCrdsEqualGenerated() throws IOException {
        for (String crd : CRDS) {
            assertEquals(
                    Files.readString(GENERATED.resolve(crd)),
                    Files.readString(COMMITTED.resolve(crd)),
                    crd + " is stale: copy operator/target/kubernetes/" + crd + " to k8s/crds/");
        }
    }

    @Test
    void testWorkerSchemaRejectsInvalidResources() throws IOException {
        // Join the YAML writer's escaped line continuations ("...\<newline><indent>\ ...") back into one line.
        String worker = Files.readString(COMMITTED.resolve("workers.synod.network-v1.yml"))
                .replaceAll("\\\\\n\\s*\\\\", "");
        assertTrue(worker.contains("minimum: 0.0"), "negative replicas");
        assertTrue(
                worker.contains("!has(self.migProfile) || !has(self.count) || self.count >= 1"), "MIG with zero GPUs");
        assertTrue(worker.contains("pattern: \"^(file:|jar:|https://)\\\\S+$\""), "model URL");
        assertTrue(worker.contains("specReplicasPath: \".spec.replicas\""), "scale subresource");
        assertTrue(worker.contains("statusReplicasPath: \".status.replicas\""), "scale subresource");
        assertTrue(worker.contains("labelSelectorPath: \".status.selector\""), "scale subresource");
    }
}
