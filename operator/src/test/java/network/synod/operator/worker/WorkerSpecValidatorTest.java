package network.synod.operator.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import network.synod.operator.api.GpuRequest;
import network.synod.operator.api.WorkerSpec;

class WorkerSpecValidatorTest {

    @Test
    void testValidSpecHasNoProblems() {
        assertEquals(List.of(), WorkerSpecValidator.problems(WorkerFixtures.spec("eth")));
    }

    @Test
    void testNegativeReplicasMigWithoutGpusAndMalformedUrl() {
        WorkerSpec spec = WorkerFixtures.spec("eth");
        spec.setReplicas(-1);
        GpuRequest gpu = new GpuRequest();
        gpu.setMigProfile("1g.10gb");
        gpu.setCount(0);
        spec.setGpu(gpu);
        spec.getModel().setKind("djl");
        spec.getModel().setUrl("ftp://models.example/x.zip");
        List<String> problems = WorkerSpecValidator.problems(spec);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.contains("spec.replicas must not be negative"));
        assertTrue(problems.contains("spec.gpu.migProfile needs count >= 1"));
        assertTrue(problems.contains("spec.model.url must be a file:, jar: or https: URL"));
    }

    @Test
    void testHttpsUrlNeedsAHostAndDigestIsHex() {
        WorkerSpec spec = WorkerFixtures.spec("eth");
        spec.getModel().setUrl("https:///nohost");
        spec.getModel().setDigest("abc");
        spec.setTopics(List.of());
        assertEquals(3, WorkerSpecValidator.problems(spec).size());
    }
}
