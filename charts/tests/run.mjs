#!/usr/bin/env node
// Template tests of charts/synod, in the spirit of helm-unittest: render with `helm template` and value variants,
// then assert on the objects. One line per test; the last line is "template-tests: N passed, M failed".
//
//   HELM=tools/bin/helm node charts/tests/run.mjs
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { TOOLS, loadCrds, validateDocuments } from "./validate-k8s.mjs";

const require = createRequire(join(TOOLS, "package.json"));
const { parseAllDocuments } = require("yaml");

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const CHART = join(ROOT, "charts/synod");
const HELM = resolve(ROOT, process.env.HELM ?? "tools/bin/helm");
const NS = "synod-test";
const CONTRACT_TOPICS = ["synod.inferences", "synod.weights", "synod.epoch-scores", "synod.fraud-events"];
const SERVICES = ["gateway", "scoring", "payouts", "verification"];

// ---- rendering -------------------------------------------------------------------------------------------------

function helm(args) {
  const r = spawnSync(HELM, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Renders the chart; `set` is a list of "k=v" strings. Throws with helm's message on failure. */
function render({ set = [], files = [], release = "synod", extra = [] } = {}) {
  const args = ["template", release, CHART, "-n", NS, ...files.flatMap((f) => ["-f", f]), ...set.flatMap((s) => ["--set", s]), ...extra];
  const r = helm(args);
  if (r.code !== 0) throw new Error(`helm template failed: ${r.stderr.trim()}`);
  return objects(r.stdout);
}

function renderFails({ set = [], files = [] } = {}) {
  const r = helm(["template", "synod", CHART, "-n", NS, ...files.flatMap((f) => ["-f", f]), ...set.flatMap((s) => ["--set", s])]);
  return r.code === 0 ? null : r.stderr;
}

function objects(text) {
  return parseAllDocuments(text).map((d) => d.toJS()).filter((o) => o);
}

const ofKind = (objs, kind) => objs.filter((o) => o.kind === kind);
const named = (objs, kind, name) => objs.find((o) => o.kind === kind && o.metadata.name === name);
const podSpecs = (objs) => ofKind(objs, "Deployment").map((d) => ({ name: d.metadata.name, spec: d.spec.template.spec, labels: d.spec.template.metadata.labels }));
const envOf = (deployment, container = 0) => deployment.spec.template.spec.containers[container].env ?? [];
const labelsMatch = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

// ---- assertions ------------------------------------------------------------------------------------------------

class Failure extends Error {}
function check(condition, message) {
  if (!condition) throw new Failure(message);
}
// JSON with object keys sorted, so that key order (which YAML rendering does not keep) does not matter.
const canonical = (v) => JSON.stringify(v, (_, x) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
function equal(actual, expected, message) {
  const a = canonical(actual);
  const e = canonical(expected);
  if (a !== e) throw new Failure(`${message}: expected ${e}, got ${a}`);
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

// ---- tests -----------------------------------------------------------------------------------------------------

const VARIANTS = {
  default: {},
  gpu: { files: [join(CHART, "values-gpu.yaml")] },
  "cloudnativepg+strimzi+verification+monitoring": {
    set: ["postgresql.cloudnativepg.enabled=true", "kafka.strimzi.enabled=true", "verification.enabled=true", "serviceMonitor.force=true"],
  },
  autoscaling: { set: SERVICES.map((s) => `${s}.autoscaling.enabled=true`).concat("verification.enabled=true") },
};

test("default install renders operator, gateway, scoring and payouts but not verification", () => {
  const objs = render();
  equal(ofKind(objs, "Deployment").map((d) => d.metadata.name).sort(), ["synod-gateway", "synod-operator", "synod-payouts", "synod-scoring"], "Deployments");
  equal(ofKind(objs, "Service").map((d) => d.metadata.name).sort(), ["synod-gateway", "synod-operator", "synod-payouts", "synod-scoring"], "Services");
  check(!objs.some((o) => o.metadata.name.includes("verification")), "verification objects rendered while verification.enabled=false");
});

test("verification.enabled renders its Deployment, Service and settings on port 8083", () => {
  const objs = render({ set: ["verification.enabled=true"] });
  const d = named(objs, "Deployment", "synod-verification");
  check(d, "no synod-verification Deployment");
  equal(d.spec.template.spec.containers[0].ports[0].containerPort, 8083, "container port");
  equal(named(objs, "ConfigMap", "synod-verification").data.QUARKUS_HTTP_PORT, "8083", "QUARKUS_HTTP_PORT");
  check(named(objs, "Service", "synod-verification"), "no Service");
});

for (const [variant, opts] of Object.entries(VARIANTS)) {
  test(`[${variant}] every container has cpu/memory requests and limits and the restricted security context`, () => {
    const objs = render(opts);
    const pods = podSpecs(objs);
    check(pods.length >= 4, "fewer than 4 Deployments");
    for (const { name, spec } of pods) {
      check(spec.securityContext?.runAsNonRoot === true, `${name}: pod runAsNonRoot`);
      equal(spec.securityContext?.seccompProfile?.type, "RuntimeDefault", `${name}: pod seccomp`);
      for (const c of spec.containers) {
        for (const kind of ["requests", "limits"]) {
          for (const r of ["cpu", "memory"]) check(c.resources?.[kind]?.[r] !== undefined, `${name}/${c.name}: resources.${kind}.${r} missing`);
        }
        const sc = c.securityContext ?? {};
        check(sc.readOnlyRootFilesystem === true, `${name}/${c.name}: readOnlyRootFilesystem`);
        check(sc.allowPrivilegeEscalation === false, `${name}/${c.name}: allowPrivilegeEscalation`);
        check(sc.runAsNonRoot === true, `${name}/${c.name}: runAsNonRoot`);
        equal(sc.capabilities?.drop, ["ALL"], `${name}/${c.name}: capabilities.drop`);
        equal(sc.seccompProfile?.type, "RuntimeDefault", `${name}/${c.name}: seccomp`);
        const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
        check(tmp, `${name}/${c.name}: no /tmp mount`);
        check(spec.volumes.find((v) => v.name === tmp.name)?.emptyDir, `${name}: /tmp is not an emptyDir`);
        check(c.livenessProbe && c.readinessProbe, `${name}/${c.name}: probes`);
      }
    }
  });

  test(`[${variant}] passes the offline schema validation`, async () => {
    const r = helm(["template", "synod", CHART, "-n", NS, ...(opts.files ?? []).flatMap((f) => ["-f", f]), ...(opts.set ?? []).flatMap((s) => ["--set", s])]);
    check(r.code === 0, r.stderr);
    const { count, problems } = await validateDocuments(r.stdout, { crds: loadCrds(join(ROOT, "k8s/crds")) });
    check(count > 0, "no objects");
    check(problems.length === 0, problems.join("\n"));
  });

  test(`[${variant}] every Service selects a Deployment's pods on a named container port`, () => {
    const objs = render(opts);
    for (const svc of ofKind(objs, "Service")) {
      const pods = podSpecs(objs).filter((p) => labelsMatch(svc.spec.selector, p.labels));
      equal(pods.length, 1, `${svc.metadata.name}: Deployments selected`);
      for (const port of svc.spec.ports) {
        check(pods[0].spec.containers.some((c) => c.ports.some((p) => p.name === port.targetPort)), `${svc.metadata.name}: targetPort ${port.targetPort}`);
      }
    }
  });

  test(`[${variant}] every namespaced object is in the release namespace and names fit 63 characters`, () => {
    const objs = render(opts);
    const clusterScoped = new Set(["ClusterRole", "ClusterRoleBinding", "GpuPool"]);
    for (const o of objs) {
      if (clusterScoped.has(o.kind)) check(!o.metadata.namespace, `${o.kind} ${o.metadata.name} has a namespace`);
      else equal(o.metadata.namespace, NS, `${o.kind} ${o.metadata.name} namespace`);
      check(o.metadata.name.length <= 63, `${o.kind} ${o.metadata.name} longer than 63`);
    }
  });
}

test("the longest release name (53 characters) still gives names of at most 63 characters", () => {
  const objs = render({ release: "a-long-release-name-for-the-production-install-of-it2", set: ["verification.enabled=true", "kafka.strimzi.enabled=true", "postgresql.cloudnativepg.enabled=true"] });
  for (const o of objs) check(o.metadata.name.length <= 63, `${o.kind} ${o.metadata.name} is ${o.metadata.name.length} long`);
  // Names the operators derive: Strimzi's bootstrap Service, CloudNativePG's app Secret and rw Service.
  for (const k of ofKind(objs, "Kafka")) check(`${k.metadata.name}-kafka-bootstrap`.length <= 63, "Strimzi bootstrap Service name too long");
  for (const c of ofKind(objs, "Cluster")) check(`${c.metadata.name}-app`.length <= 63, "CloudNativePG Secret name too long");
});

test("ServiceMonitors are absent by default (no Prometheus operator API)", () => {
  equal(ofKind(render(), "ServiceMonitor").length, 0, "ServiceMonitors");
});

test("ServiceMonitors are rendered when the cluster serves monitoring.coreos.com/v1/ServiceMonitor", () => {
  const objs = render({ extra: ["--api-versions", "monitoring.coreos.com/v1/ServiceMonitor"] });
  equal(ofKind(objs, "ServiceMonitor").map((o) => o.metadata.name).sort(), ["synod-gateway", "synod-operator", "synod-payouts", "synod-scoring"], "ServiceMonitors");
  for (const sm of ofKind(objs, "ServiceMonitor")) equal(sm.spec.endpoints[0].path, "/q/metrics", `${sm.metadata.name} path`);
});

test("serviceMonitor.enabled=false wins over a detected API", () => {
  const objs = render({ set: ["serviceMonitor.enabled=false"], extra: ["--api-versions", "monitoring.coreos.com/v1/ServiceMonitor"] });
  equal(ofKind(objs, "ServiceMonitor").length, 0, "ServiceMonitors");
});

test("serviceMonitor.force=true renders ServiceMonitors without the API, selecting the Services", () => {
  const objs = render({ set: ["serviceMonitor.force=true", "serviceMonitor.labels.release=prom"] });
  const sms = ofKind(objs, "ServiceMonitor");
  equal(sms.length, 4, "ServiceMonitors");
  for (const sm of sms) {
    const svc = named(objs, "Service", sm.metadata.name);
    check(svc && labelsMatch(sm.spec.selector.matchLabels, svc.metadata.labels), `${sm.metadata.name} selects no Service`);
    equal(sm.metadata.labels.release, "prom", "extra label");
  }
});

test("external PostgreSQL and Kafka by default: no CloudNativePG or Strimzi resources, settings from values", () => {
  const objs = render({ set: ["postgresql.external.host=db.example", "postgresql.external.port=6432", "kafka.external.bootstrapServers=k1:9093\\,k2:9093", "kafka.external.ports={9093}"] });
  for (const kind of ["Cluster", "Kafka", "KafkaNodePool", "KafkaTopic"]) equal(ofKind(objs, kind).length, 0, kind);
  const gw = named(objs, "ConfigMap", "synod-gateway").data;
  equal(gw.QUARKUS_DATASOURCE_REACTIVE_URL, "postgresql://db.example:6432/synod", "gateway DB URL");
  equal(gw.KAFKA_BOOTSTRAP_SERVERS, "k1:9093,k2:9093", "gateway Kafka");
  const pw = envOf(named(objs, "Deployment", "synod-gateway")).find((e) => e.name === "QUARKUS_DATASOURCE_PASSWORD");
  equal(pw.valueFrom.secretKeyRef, { name: "synod-postgresql", key: "password" }, "password Secret");
  const np = named(objs, "NetworkPolicy", "synod-scoring");
  check(np.spec.egress.some((r) => r.ports?.some((p) => p.port === 6432)), "egress to 6432");
  check(np.spec.egress.some((r) => r.ports?.some((p) => p.port === 9093)), "egress to 9093");
});

test("payouts reads its own setting names; the others Quarkus' names", () => {
  const objs = render();
  const p = named(objs, "ConfigMap", "synod-payouts").data;
  equal(p.SYNOD_PAYOUTS_DB_URL, "postgresql://postgresql:5432/synod", "SYNOD_PAYOUTS_DB_URL");
  equal(p.SYNOD_PAYOUTS_DB_USER, "synod", "SYNOD_PAYOUTS_DB_USER");
  equal(p.SYNOD_KAFKA, "kafka:9092", "SYNOD_KAFKA");
  check(envOf(named(objs, "Deployment", "synod-payouts")).some((e) => e.name === "SYNOD_PAYOUTS_DB_PASSWORD"), "SYNOD_PAYOUTS_DB_PASSWORD");
  const s = named(objs, "ConfigMap", "synod-scoring").data;
  equal(s.QUARKUS_HTTP_PORT, "8082", "scoring port");
  check(s.QUARKUS_DATASOURCE_REACTIVE_URL && s.QUARKUS_DATASOURCE_USERNAME && s.KAFKA_BOOTSTRAP_SERVERS, "scoring settings");
});

test("cloudnativepg.enabled creates the Cluster and points the services at its rw Service and app Secret", () => {
  const objs = render({ set: ["postgresql.cloudnativepg.enabled=true", "postgresql.cloudnativepg.instances=2"] });
  const cluster = named(objs, "Cluster", "synod-postgresql");
  check(cluster, "no Cluster synod-postgresql");
  equal(cluster.spec.instances, 2, "instances");
  equal(cluster.spec.bootstrap.initdb, { database: "synod", owner: "synod" }, "initdb");
  equal(named(objs, "ConfigMap", "synod-scoring").data.QUARKUS_DATASOURCE_REACTIVE_URL, "postgresql://synod-postgresql-rw:5432/synod", "URL");
  equal(named(objs, "ConfigMap", "synod-payouts").data.SYNOD_PAYOUTS_DB_URL, "postgresql://synod-postgresql-rw:5432/synod", "payouts URL");
  const pw = envOf(named(objs, "Deployment", "synod-scoring")).find((e) => e.name === "QUARKUS_DATASOURCE_PASSWORD");
  equal(pw.valueFrom.secretKeyRef, { name: "synod-postgresql-app", key: "password" }, "password Secret");
  equal(ofKind(objs, "Kafka").length, 0, "Kafka while strimzi disabled");
});

test("strimzi.enabled creates Kafka, its KRaft node pool and the four contract topics", () => {
  const objs = render({ set: ["kafka.strimzi.enabled=true", "kafka.strimzi.replicas=1", "kafka.strimzi.topicReplicas=1"] });
  const kafka = named(objs, "Kafka", "synod-kafka");
  check(kafka, "no Kafka synod-kafka");
  const pool = ofKind(objs, "KafkaNodePool")[0];
  equal(pool.metadata.labels["strimzi.io/cluster"], "synod-kafka", "node pool cluster label");
  equal(pool.spec.roles, ["controller", "broker"], "roles");
  equal(pool.spec.replicas, 1, "replicas");
  equal(kafka.spec.kafka.config["min.insync.replicas"], 1, "min.insync.replicas with one replica");
  equal(ofKind(objs, "KafkaTopic").map((t) => t.spec.topicName).sort(), [...CONTRACT_TOPICS].sort(), "topics");
  for (const svc of ["gateway", "scoring"]) equal(named(objs, "ConfigMap", `synod-${svc}`).data.KAFKA_BOOTSTRAP_SERVERS, "synod-kafka-kafka-bootstrap:9092", `${svc} bootstrap`);
  equal(named(objs, "ConfigMap", "synod-payouts").data.SYNOD_KAFKA, "synod-kafka-kafka-bootstrap:9092", "payouts bootstrap");
  equal(ofKind(objs, "Cluster").length, 0, "Cluster while cloudnativepg disabled");
});

test("NetworkPolicies: one per Deployment by default; gateway open on its port, the rest only from the namespace", () => {
  const objs = render({ set: ["verification.enabled=true"] });
  const nps = ofKind(objs, "NetworkPolicy");
  for (const { name, labels } of podSpecs(objs)) {
    check(nps.some((np) => labelsMatch(np.spec.podSelector.matchLabels, labels)), `${name} has no NetworkPolicy`);
  }
  const gw = named(objs, "NetworkPolicy", "synod-gateway");
  equal(gw.spec.ingress, [{ ports: [{ protocol: "TCP", port: 8080 }] }], "gateway ingress");
  check(gw.spec.egress.some((r) => r.to?.[0]?.podSelector?.matchLabels?.["app.kubernetes.io/name"] === "synod-worker"), "gateway egress to workers");
  for (const svc of ["scoring", "payouts", "verification", "operator"]) {
    const np = named(objs, "NetworkPolicy", `synod-${svc}`);
    equal(np.spec.policyTypes, ["Ingress", "Egress"], `${svc} policyTypes`);
    equal(np.spec.ingress.length, 1, `${svc} ingress rules`);
    equal(np.spec.ingress[0].from, [{ podSelector: {} }], `${svc} ingress from`);
    check(np.spec.egress.some((r) => r.ports?.some((p) => p.port === 53)), `${svc} DNS egress`);
  }
  for (const svc of ["scoring", "payouts", "verification"]) {
    const np = named(objs, "NetworkPolicy", `synod-${svc}`);
    check(!np.spec.egress.some((r) => r.to?.[0]?.podSelector?.matchLabels?.["app.kubernetes.io/name"] === "synod-worker"), `${svc} may not reach workers`);
  }
  const op = named(objs, "NetworkPolicy", "synod-operator");
  check(op.spec.egress.some((r) => r.ports?.some((p) => p.port === 443)), "operator egress to the API server");
});

test("networkPolicy.enabled=false renders no NetworkPolicy; metricsFrom adds scrapers", () => {
  equal(ofKind(render({ set: ["networkPolicy.enabled=false"] }), "NetworkPolicy").length, 0, "NetworkPolicies");
  const objs = render({ set: ["networkPolicy.metricsFrom[0].namespaceSelector.matchLabels.name=monitoring"] });
  equal(named(objs, "NetworkPolicy", "synod-scoring").spec.ingress[0].from[1], { namespaceSelector: { matchLabels: { name: "monitoring" } } }, "metricsFrom");
});

test("credentials: a generated Secret with two random 32-character tokens by default", () => {
  const objs = render();
  const secret = named(objs, "Secret", "synod-credentials");
  check(secret, "no synod-credentials Secret");
  for (const key of ["admin-token", "reputer-token"]) {
    const value = Buffer.from(secret.data[key], "base64").toString();
    check(/^[A-Za-z0-9]{32}$/.test(value), `${key} is not 32 random characters`);
  }
  check(secret.data["admin-token"] !== secret.data["reputer-token"], "tokens are equal");
  check(!JSON.stringify(objs).includes("synod-admin"), "a local default token leaked into the manifests");
});

test("credentials.existingSecret is used everywhere instead of a generated Secret", () => {
  const objs = render({ set: ["credentials.existingSecret=my-tokens", "credentials.adminTokenKey=admin"] });
  equal(ofKind(objs, "Secret").length, 0, "Secrets");
  const refs = ofKind(objs, "Deployment").flatMap((d) => envOf(d)).filter((e) => /TOKEN$/.test(e.name));
  check(refs.length >= 7, `only ${refs.length} token variables`);
  for (const e of refs) equal(e.valueFrom.secretKeyRef.name, "my-tokens", `${e.name} Secret`);
  const admin = envOf(named(objs, "Deployment", "synod-operator")).find((e) => e.name === "SYNOD_OPERATOR_GATEWAY_ADMIN_TOKEN");
  equal(admin.valueFrom.secretKeyRef, { name: "my-tokens", key: "admin" }, "operator admin token");
});

test("autoscaling replaces fixed replicas with a HorizontalPodAutoscaler", () => {
  const objs = render({ set: ["gateway.autoscaling.enabled=true", "gateway.autoscaling.maxReplicas=7"] });
  const hpa = named(objs, "HorizontalPodAutoscaler", "synod-gateway");
  check(hpa, "no HPA for the gateway");
  equal(hpa.spec.scaleTargetRef, { apiVersion: "apps/v1", kind: "Deployment", name: "synod-gateway" }, "scaleTargetRef");
  equal(hpa.spec.maxReplicas, 7, "maxReplicas");
  check(!("replicas" in named(objs, "Deployment", "synod-gateway").spec), "gateway Deployment still sets replicas");
  equal(named(objs, "Deployment", "synod-scoring").spec.replicas, 2, "scoring replicas");
  equal(ofKind(objs, "HorizontalPodAutoscaler").length, 1, "HPAs");
  equal(ofKind(render(), "HorizontalPodAutoscaler").length, 0, "HPAs by default");
});

test("PodDisruptionBudgets per service, toggled by pdb.enabled", () => {
  const objs = render();
  equal(ofKind(objs, "PodDisruptionBudget").map((p) => p.metadata.name).sort(), ["synod-gateway", "synod-payouts", "synod-scoring"], "PDBs");
  const pdb = named(objs, "PodDisruptionBudget", "synod-gateway");
  check(labelsMatch(pdb.spec.selector.matchLabels, named(objs, "Deployment", "synod-gateway").spec.template.metadata.labels), "PDB selects the gateway pods");
  equal(ofKind(render({ set: ["gateway.pdb.enabled=false"] }), "PodDisruptionBudget").length, 2, "PDBs without the gateway's");
});

test("the config checksum changes with the settings and only for that service", () => {
  const sum = (objs, name) => named(objs, "Deployment", name).spec.template.metadata.annotations["checksum/config"];
  const a = render();
  const b = render({ set: ["gateway.config.SYNOD_GATEWAY_WORKER_TIMEOUT=3S"] });
  check(sum(a, "synod-gateway") !== sum(b, "synod-gateway"), "gateway checksum did not change");
  equal(sum(a, "synod-scoring"), sum(b, "synod-scoring"), "scoring checksum");
  equal(named(b, "ConfigMap", "synod-gateway").data.SYNOD_GATEWAY_WORKER_TIMEOUT, "3S", "extra setting");
});

test("the operator gets the gateway and scoring URLs of the rendered Services, the worker image and the admin token", () => {
  const objs = render({ set: ["worker.image.tag=1.2.3", "operator.placementPolicy=spread"] });
  const env = Object.fromEntries(envOf(named(objs, "Deployment", "synod-operator")).map((e) => [e.name, e.value ?? e.valueFrom]));
  equal(env.SYNOD_GATEWAY_URL, `http://synod-gateway.${NS}.svc:8080`, "gateway URL");
  equal(env.SYNOD_OPERATOR_SCORING_URL, `http://synod-scoring.${NS}.svc:8082`, "scoring URL");
  check(named(objs, "Service", "synod-gateway") && named(objs, "Service", "synod-scoring"), "Services");
  equal(env.SYNOD_OPERATOR_WORKER_IMAGE, "ghcr.io/synod-network/synod-worker:1.2.3", "worker image");
  equal(env.SYNOD_OPERATOR_PLACEMENT_POLICY, "spread", "placement policy");
  equal(env.SYNOD_OPERATOR_GATEWAY_ADMIN_TOKEN.secretKeyRef, { name: "synod-credentials", key: "admin-token" }, "admin token");
  const op = named(objs, "Deployment", "synod-operator");
  equal(op.spec.template.spec.serviceAccountName, "synod-operator", "service account");
  equal(op.spec.strategy.type, "Recreate", "strategy");
});

test("image tags default to the chart's appVersion", () => {
  const appVersion = /appVersion:\s*"?([^"\n]+)"?/.exec(readFileSync(join(CHART, "Chart.yaml"), "utf8"))[1];
  for (const d of ofKind(render(), "Deployment")) check(d.spec.template.spec.containers[0].image.endsWith(`:${appVersion}`), `${d.metadata.name} image ${d.spec.template.spec.containers[0].image}`);
});

test("the chart's CRDs are identical to k8s/crds", () => {
  const want = readdirSync(join(ROOT, "k8s/crds")).sort();
  equal(readdirSync(join(CHART, "crds")).sort(), want, "CRD files");
  for (const f of want) check(readFileSync(join(CHART, "crds", f), "utf8") === readFileSync(join(ROOT, "k8s/crds", f), "utf8"), `charts/synod/crds/${f} differs from k8s/crds/${f}`);
});

test("the operator's RBAC rules are those of k8s/rbac/operator-rbac.yml", () => {
  const ref = objects(readFileSync(join(ROOT, "k8s/rbac/operator-rbac.yml"), "utf8"));
  const objs = render();
  equal(named(objs, "ClusterRole", "synod-operator").rules, ofKind(ref, "ClusterRole")[0].rules, "ClusterRole rules");
  equal(named(objs, "Role", "synod-operator-leases").rules, ofKind(ref, "Role")[0].rules, "Role rules");
  const binding = named(objs, "ClusterRoleBinding", "synod-operator");
  equal(binding.subjects, [{ kind: "ServiceAccount", name: "synod-operator", namespace: NS }], "binding subjects");
  equal(binding.roleRef.name, "synod-operator", "roleRef");
});

test("values-gpu.yaml renders its GpuPools (cluster-scoped, with the GPU toleration), Topic and Workers", () => {
  const objs = render({ files: [join(CHART, "values-gpu.yaml")] });
  equal(ofKind(objs, "GpuPool").map((p) => p.metadata.name), ["gke-h100", "eks-a10g", "cpu"], "GpuPools");
  const h100 = named(objs, "GpuPool", "gke-h100");
  equal(h100.spec.nodeSelector, { "cloud.google.com/gke-accelerator": "nvidia-h100-80gb" }, "GKE label");
  equal(named(objs, "GpuPool", "eks-a10g").spec.nodeSelector, { "karpenter.k8s.aws/instance-gpu-name": "a10g" }, "EKS label");
  equal(h100.spec.tolerations, [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }], "toleration");
  equal(ofKind(objs, "Topic").map((t) => t.metadata.name), ["eth-1h"], "Topics");
  const gpuWorkers = ofKind(objs, "Worker").filter((w) => w.spec.gpu);
  check(gpuWorkers.length === 2 && gpuWorkers.every((w) => w.spec.image.endsWith("-cuda")), "GPU workers use the CUDA image");
  check(named(objs, "HorizontalPodAutoscaler", "synod-gateway"), "gateway HPA");
});

test("required values fail with a message", () => {
  const cases = [
    [["postgresql.external.host="], "postgresql.external.host is required"],
    [["postgresql.external.existingSecret="], "postgresql.external.existingSecret is required"],
    [["kafka.external.bootstrapServers="], "kafka.external.bootstrapServers is required"],
    [["gpuPools[0].name=x"], "gpuPools"],
  ];
  for (const [set, message] of cases) {
    const err = renderFails({ set });
    check(err !== null, `--set ${set} rendered`);
    check(err.includes(message), `--set ${set}: message ${JSON.stringify(err.trim())} lacks ${JSON.stringify(message)}`);
  }
  check(renderFails({ set: ["postgresql.external.host=", "postgresql.cloudnativepg.enabled=true"] }) === null, "cloudnativepg does not need the external host");
});

test("tracing is off by default: no OTLP settings, no egress to a collector", () => {
  const objs = render();
  for (const s of SERVICES.filter((s) => s !== "verification")) {
    check(!("OTEL_EXPORTER_OTLP_ENDPOINT" in named(objs, "ConfigMap", `synod-${s}`).data), `${s} has an OTLP endpoint`);
  }
  check(!envOf(named(objs, "Deployment", "synod-operator")).some((e) => e.name.includes("OTLP")), "operator OTLP env");
  check(!JSON.stringify(ofKind(objs, "NetworkPolicy")).includes("4317"), "egress to 4317");
});

test("tracing.otlpEndpoint reaches every service, the operator (for the workers) and the NetworkPolicies", () => {
  const objs = render({ set: ["tracing.otlpEndpoint=http://otel-collector.observability:4318", "tracing.otlpProtocol=http/protobuf", "verification.enabled=true"] });
  for (const s of SERVICES) {
    const data = named(objs, "ConfigMap", `synod-${s}`).data;
    equal(data.OTEL_EXPORTER_OTLP_ENDPOINT, "http://otel-collector.observability:4318", `${s} endpoint`);
    equal(data.OTEL_EXPORTER_OTLP_PROTOCOL, "http/protobuf", `${s} protocol`);
    const egress = named(objs, "NetworkPolicy", `synod-${s}`).spec.egress;
    check(egress.some((r) => !r.to && r.ports?.some((p) => p.port === 4318)), `${s} may not reach the collector`);
  }
  const env = Object.fromEntries(envOf(named(objs, "Deployment", "synod-operator")).map((e) => [e.name, e.value]));
  equal(env.SYNOD_OPERATOR_WORKER_OTLP_ENDPOINT, "http://otel-collector.observability:4318", "operator: workers' endpoint");
  equal(env.SYNOD_OPERATOR_WORKER_OTLP_PROTOCOL, "http/protobuf", "operator: workers' protocol");
  // Without a port in the URL, the protocol's default port.
  const grpc = render({ set: ["tracing.otlpEndpoint=http://collector"] });
  check(named(grpc, "NetworkPolicy", "synod-gateway").spec.egress.some((r) => r.ports?.some((p) => p.port === 4317)), "default grpc port");
});

test("the values schema rejects what would be unsafe or wrong", () => {
  const cases = [
    ["gateway.resources.limits=null", "limits"],
    ["operator.replicas=2", "replicas"],
    ["scoring.port=70000", "port"],
    ["gateway.typo=1", "typo"],
    ["operator.placementPolicy=random", "placementPolicy"],
    ["kafka.strimzi.apiVersion=kafka.strimzi.io/v1alpha1", "apiVersion"],
    ["tracing.otlpEndpoint=collector:4317", "otlpEndpoint"],
    ["tracing.otlpProtocol=http/json", "otlpProtocol"],
  ];
  for (const [set, field] of cases) {
    const err = renderFails({ set: [set] });
    check(err !== null, `--set ${set} was accepted`);
    check(err.includes(field), `--set ${set}: message ${JSON.stringify(err.trim())} does not name ${field}`);
  }
});

test("scheduling fields pass through unchanged", () => {
  const objs = render({ set: ["scoring.nodeSelector.pool=services", "scoring.tolerations[0].key=dedicated", "scoring.tolerations[0].operator=Exists", "scoring.priorityClassName=high", "operator.nodeSelector.pool=system"] });
  const spec = named(objs, "Deployment", "synod-scoring").spec.template.spec;
  equal(spec.nodeSelector, { pool: "services" }, "nodeSelector");
  equal(spec.tolerations, [{ key: "dedicated", operator: "Exists" }], "tolerations");
  equal(spec.priorityClassName, "high", "priorityClassName");
  equal(named(objs, "Deployment", "synod-operator").spec.template.spec.nodeSelector, { pool: "system" }, "operator nodeSelector");
  check(!("nodeSelector" in named(objs, "Deployment", "synod-gateway").spec.template.spec), "gateway got a nodeSelector");
});

test("NOTES tell how to call the endpoint and get the admin token", () => {
  const r = helm(["install", "synod", CHART, "-n", NS, "--dry-run=client"]);
  check(r.code === 0, r.stderr);
  const notes = r.stdout.slice(r.stdout.indexOf("NOTES:"));
  check(notes.includes(`port-forward svc/synod-gateway 8080:8080`), "no port-forward line");
  check(notes.includes("/v1/topics/<topic>/inferences"), "no inference call");
  check(notes.includes("get secret synod-credentials"), "no token command");
});

test("the offline validator rejects invalid manifests", async () => {
  const bad = [
    "apiVersion: synod.network/v1alpha1\nkind: Worker\nmetadata: {name: w}\nspec: {topics: [a], model: {name: m, kind: gpt}}",
    "apiVersion: synod.network/v1alpha1\nkind: Worker\nmetadata: {name: w}\nspec: {topics: [a], model: {name: m}, replica: 1}",
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: two, selector: {}, template: {}}",
    "apiVersion: v1\nkind: Service\nmetadata: {name: Not_A_Name}",
    "apiVersion: example.com/v1\nkind: Unknown\nmetadata: {name: u}",
    "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata: {name: t}\nspec: {partitions: 0}",
  ];
  const crds = loadCrds(join(ROOT, "k8s/crds"));
  for (const doc of bad) {
    const { problems } = await validateDocuments(doc, { crds });
    check(problems.length > 0, `accepted:\n${doc}`);
  }
  const { problems } = await validateDocuments(readFileSync(join(ROOT, "k8s/samples/workers.yml"), "utf8"), { crds });
  equal(problems, [], "k8s/samples/workers.yml");
});

test("docker/native/reflection-config.json lists every record and enum of synod-core's events and synthesis", () => {
  const listed = JSON.parse(readFileSync(join(ROOT, "docker/native/reflection-config.json"), "utf8")).map((e) => e.name).sort();
  const want = [];
  for (const pkg of ["events", "synthesis"]) {
    const dir = join(ROOT, "services/core/src/main/java/network/synod/core", pkg);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".java"))) {
      const top = file.slice(0, -5);
      const src = readFileSync(join(dir, file), "utf8");
      for (const m of src.matchAll(/^\s*(?:(?:public|static|final|private|protected)\s+)*(?:record|enum)\s+([A-Z]\w*)/gm)) {
        want.push(`network.synod.core.${pkg}.${top}${m[1] === top ? "" : `$${m[1]}`}`);
      }
    }
  }
  check(want.length > 0, "no records found in synod-core");
  equal(listed, want.sort(), "reflection-config.json entries");
});

test("every deployable has a JVM and a native Dockerfile running as user 185 on its port", () => {
  const ports = { gateway: 8080, scoring: 8082, payouts: 8080, verification: 8083, operator: 8080, worker: 8080 };
  const values = render({ set: ["verification.enabled=true"] });
  for (const [name, port] of Object.entries(ports)) {
    for (const file of ["Dockerfile.jvm", "Dockerfile.native"].concat(name === "worker" ? ["Dockerfile.cuda"] : [])) {
      const text = readFileSync(join(ROOT, "docker", name, file), "utf8");
      check(/^USER 185$/m.test(text), `docker/${name}/${file}: USER 185`);
      check(new RegExp(`^EXPOSE ${port}$`, "m").test(text), `docker/${name}/${file}: EXPOSE ${port}`);
      check(text.includes(`QUARKUS_HTTP_PORT=${port}`), `docker/${name}/${file}: QUARKUS_HTTP_PORT`);
    }
    const d = named(values, "Deployment", `synod-${name}`);
    if (d) equal(d.spec.template.spec.containers[0].ports[0].containerPort, port, `chart port of ${name}`);
  }
});

// ---- runner ----------------------------------------------------------------------------------------------------

let passed = 0;
let failed = 0;
for (const { name, fn } of tests) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(e.message).split("\n").join("\n     ")}`);
  }
}
console.log(`template-tests: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
