package network.synod.operator.worker;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;

import network.synod.operator.api.GpuRequest;
import network.synod.operator.api.PlacementStatus;
import network.synod.operator.api.Worker;
import network.synod.operator.api.WorkerSpec;
import network.synod.operator.api.WorkerStatus;

/** Workers for tests. */
final class WorkerFixtures {

    private WorkerFixtures() {}

    static WorkerSpec spec(String topic) {
        WorkerSpec spec = new WorkerSpec();
        spec.setTopics(List.of(topic));
        spec.getModel().setName("mlp");
        spec.getModel().setKind("mlp");
        return spec;
    }

    static Worker worker(String name, WorkerSpec spec) {
        Worker w = new Worker();
        w.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace("ns")
                .withGeneration(3L)
                .build());
        w.setSpec(spec);
        w.setStatus(new WorkerStatus());
        return w;
    }

    static GpuRequest gpus(int count, String product) {
        GpuRequest gpu = new GpuRequest();
        gpu.setCount(count);
        gpu.setProduct(product);
        return gpu;
    }

    /** A worker placed on a GPU pool with 2 GPUs per replica. */
    static Worker placedOnGpus() {
        Worker w = worker("mlp-1", spec("eth"));
        w.getSpec().setGpu(gpus(2, "H100"));
        PlacementStatus p = new PlacementStatus();
        p.setPool("h100");
        p.setNodeSelector(Map.of("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3"));
        Toleration spot = new TolerationBuilder()
                .withKey("spot")
                .withOperator("Exists")
                .withEffect("NoSchedule")
                .build();
        p.setTolerations(List.of(spot));
        p.setGpuResource("nvidia.com/gpu");
        p.setGpuCount(2);
        p.setDevice("gpu");
        w.getStatus().setPlacement(p);
        w.getStatus().setPool("h100");
        w.getStatus().setReplicas(3);
        return w;
    }
}
