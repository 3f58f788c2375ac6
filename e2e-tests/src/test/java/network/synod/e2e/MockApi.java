package network.synod.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;

/**
 * The Kubernetes side of the e2e suites that run the operator: the Fabric8 mock API server in CRUD mode with
 * Synod's CRDs from {@code k8s/crds}, and the operator on it with server-side apply off (the mock server does not
 * implement it), as in the operator's own tests.
 */
final class MockApi {

    private MockApi() {}

    static KubernetesMockServer start() {
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(List.of()), false);
        server.init();
        return server;
    }

    /** A client of {@code server} once Synod's CRDs are applied to it. */
    static KubernetesClient clientWithSynodCrds(KubernetesMockServer server) throws IOException {
        KubernetesClient kube = server.createClient();
        try (Stream<Path> crds = Files.list(LocalCluster.ROOT.resolve("k8s/crds"))) {
            for (Path crd : crds.sorted().toList()) {
                kube.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .resource(kube.getKubernetesSerialization()
                                .unmarshal(Files.readString(crd), CustomResourceDefinition.class))
                        .create();
            }
        }
        return kube;
    }

    /** The operator with {@code reconcilers} registered, started. */
    static Operator operator(KubernetesClient kube, List<Reconciler<? extends HasMetadata>> reconcilers) {
        Operator operator = new Operator(o -> o.withKubernetesClient(kube)
                .withCloseClientOnStop(false)
                .withSSABasedCreateUpdateMatchForDependentResources(false)
                .withUseSSAToPatchPrimaryResource(false));
        reconcilers.forEach(r -> register(operator, r));
        operator.start();
        return operator;
    }

    private static <P extends HasMetadata> void register(Operator operator, Reconciler<P> reconciler) {
        operator.register(reconciler);
    }

    /** Closes each of {@code all} in order (nulls skipped), logging rather than stopping at a failure. */
    static void closeAll(String tag, List<AutoCloseable> all) {
        for (AutoCloseable c : all) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.out.println("[" + tag + "] closing: " + e);
            }
        }
    }
}
